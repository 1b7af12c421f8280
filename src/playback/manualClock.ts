/** A frame clock moved by hand, for tests: each `frame()` advances wall time and runs the pending frame. */
import type { FrameClock } from './player';

export function manualClock() {
  let now = 0;
  let pending: (() => void) | null = null;
  const clock: FrameClock = {
    now: () => now,
    request: (cb) => {
      pending = cb;
      return 1;
    },
    cancel: () => {
      pending = null;
    },
  };
  return {
    clock,
    frame(ms = 16) {
      now += ms;
      const cb = pending;
      pending = null;
      cb?.();
    },
  };
}
