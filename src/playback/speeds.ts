/** How fast playback can go (× presentation time). */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 16;
