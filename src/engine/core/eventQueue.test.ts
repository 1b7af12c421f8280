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

  it('pops in (time, insertion) order while events are pushed as the clock moves: near, far (past the calendar) and fractional times', () => {
    const delay = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 200_000 }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.constantFrom(32_767, 32_768, 32_769, 65_536),
    );
    const step = fc.oneof(fc.record({ push: delay }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const q = new EventQueue();
        // The model: every pending event as (time, seq), popped smallest first.
        const model: { time: number; seq: number }[] = [];
        const popped: number[] = [];
        let now = 0;
        let seq = 0;
        const pop = () => {
          const e = q.pop()!;
          model.sort((a, b) => a.time - b.time || a.seq - b.seq);
          const want = model.shift()!;
          expect([e.time, e.seq]).toEqual([want.time, want.seq]);
          now = e.time;
          e.run();
        };
        for (const s of steps) {
          if ('push' in s) {
            const time = now + s.push;
            const id = seq++;
            q.push(millis(time), () => popped.push(id));
            model.push({ time, seq: id });
          } else if (q.size > 0) pop();
          expect(q.size).toBe(model.length);
          expect(q.peekTime()).toBe(model.length ? Math.min(...model.map((m) => m.time)) : undefined);
        }
        while (q.size > 0) pop();
        expect(popped).toHaveLength(seq);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an event in the past', () => {
    const q = new EventQueue();
    q.push(millis(100), () => {});
    q.pop();
    expect(() => q.push(millis(99), () => {})).toThrow(RangeError);
  });
});
