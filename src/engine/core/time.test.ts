import { describe, expect, it } from 'vitest';
import { microTimestamp, millis, timestamp } from './time';

describe('timestamps', () => {
  it('print RFC 3339 as the API server does, seconds or microseconds', () => {
    expect(timestamp(millis(0))).toBe('2026-01-15T09:00:00Z');
    expect(timestamp(millis(61_999))).toBe('2026-01-15T09:01:01Z');
    expect(microTimestamp(millis(61_042))).toBe('2026-01-15T09:01:01.042000Z');
    expect(microTimestamp(millis(5))).toBe('2026-01-15T09:00:00.005000Z');
  });
});
