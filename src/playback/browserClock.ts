/** The page's wall clock and animation frames (tests use a manual clock instead). */
import type { FrameClock } from './player';

export const browserClock: FrameClock = {
  now: () => performance.now(),
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};
