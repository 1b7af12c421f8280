/** Ages from the reader's moment, as kubectl prints them. */
import { RUN_EPOCH_MS } from '../../engine/core/time';
import { humanDuration } from '../humanDuration';

/** The wall-clock ms of virtual time `now`. */
export const wallClock = (now: number) => RUN_EPOCH_MS + now;

/** `translateTimestampSince`: `<unknown>` for no timestamp, else the human duration since it. */
export function age(now: number, timestamp: string | undefined): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(wallClock(now) - Date.parse(timestamp));
}
