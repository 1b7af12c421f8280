/** The playback limits the URL and the controls share. */
export { MAX_SPEED, MIN_SPEED } from '../playback/speeds';

/** The speeds the Speed control offers. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
