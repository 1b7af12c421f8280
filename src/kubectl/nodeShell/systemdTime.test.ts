import { describe, expect, it } from 'vitest';
import { systemdAgo, systemdSince, systemdTimestamp } from './systemdTime';

describe('systemctl status times (format_timestamp, format_timestamp_relative)', () => {
  it('prints the moment as the weekday, date, time and zone', () => {
    // Virtual time 0 is Thursday 15 January 2026, 09:00 UTC.
    expect(systemdTimestamp(0)).toBe('Thu 2026-01-15 09:00:00 UTC');
    expect(systemdTimestamp(3 * 86_400_000 + 61_999)).toBe('Sun 2026-01-18 09:01:01 UTC');
  });

  it('says how long ago, coarser the longer it is', () => {
    const s = 1000;
    const min = 60 * s;
    const h = 60 * min;
    const cases: [number, string][] = [
      [0, 'now'],
      [200, '200ms ago'],
      [45 * s, '45s ago'],
      [65 * s, '1min 5s ago'],
      [5 * min + 59 * s, '5min ago'],
      [h + 3 * min + 10 * s, '1h 3min ago'],
      [6 * h + 59 * min, '6h ago'],
      [25 * h + 30 * min, '1 day 1h ago'],
      [50 * h, '2 days ago'],
    ];
    for (const [ms, text] of cases) expect(systemdAgo(ms), String(ms)).toBe(text);
  });

  it('ends the Active line', () => {
    expect(systemdSince(6_200, 126_200)).toBe('since Thu 2026-01-15 09:00:06 UTC; 2min 0s ago');
  });
});
