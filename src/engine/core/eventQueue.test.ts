import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';
import { millis } from './time';

describe('EventQueue', () => {
  it('pops in (time, insertion) order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue();
        const seen: [number, number][] = [];
        times.forEach((t, i) => q.push(millis(t), () => seen.push([t, i])));
        while (q.size > 0) q.pop()!.run();
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(seen).toEqual(expected);
      }),
    );
  });
});
