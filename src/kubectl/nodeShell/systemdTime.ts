/** Times as systemctl status prints them: `Thu 2026-01-15 09:00:01 UTC; 5min ago`. */
import { RUN_EPOCH_MS } from '../../engine/core/time';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, '0');

/** format_timestamp's default style, in UTC (the node's zone): `Thu 2026-01-15 09:00:01 UTC`. */
export function systemdTimestamp(t: number): string {
  const d = new Date(RUN_EPOCH_MS + Math.floor(t / SECOND) * SECOND);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${date} ${time} UTC`;
}

/** format_timestamp_relative: how long ago, coarser the longer it is (`45s ago`, `1min 5s ago`, `2h 3min ago`). */
export function systemdAgo(ms: number): string {
  const d = Math.max(0, Math.floor(ms));
  if (d >= 2 * DAY) return `${Math.floor(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${Math.floor((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${Math.floor(d / HOUR)}h ago`;
  if (d >= HOUR) return `${Math.floor(d / HOUR)}h ${Math.floor((d % HOUR) / MINUTE)}min ago`;
  if (d >= 5 * MINUTE) return `${Math.floor(d / MINUTE)}min ago`;
  if (d >= MINUTE) return `${Math.floor(d / MINUTE)}min ${Math.floor((d % MINUTE) / SECOND)}s ago`;
  if (d >= SECOND) return `${Math.floor(d / SECOND)}s ago`;
  if (d > 0) return `${d}ms ago`;
  return 'now';
}

/** `since <timestamp>; <how long> ago`, as the unit's Active line ends. */
export const systemdSince = (since: number, now: number) =>
  `since ${systemdTimestamp(since)}; ${systemdAgo(now - since)}`;
