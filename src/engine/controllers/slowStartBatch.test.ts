import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './slowStartBatch';

/** Runs a slow start whose calls are answered when the test says, and records the batches. */
function harness(count: number, alive = () => true) {
  const pending: ((ok: boolean) => void)[] = [];
  const batches: number[] = [];
  let result: { successes: number; failed: boolean } | null = null;
  slowStartBatch(
    count,
    (answered) => pending.push(answered),
    (successes, failed) => (result = { successes, failed }),
    alive,
  );
  const answerAll = (ok: (i: number) => boolean = () => true) => {
    const batch = pending.splice(0);
    batches.push(batch.length);
    batch.forEach((answered, i) => answered(ok(i)));
  };
  return { pending, batches, answerAll, result: () => result };
}

describe('slowStartBatch', () => {
  it('sends batches of 1, 2, 4, … capped by what is left, each once the one before is answered', () => {
    const h = harness(10);
    while (h.pending.length) h.answerAll();
    expect(h.batches).toEqual([1, 2, 4, 3]);
    expect(h.result()).toEqual({ successes: 10, failed: false });
  });

  it('waits for every answer of a batch before the next', () => {
    const h = harness(5);
    h.pending.shift()!(true);
    expect(h.pending).toHaveLength(2);
    const [a, b] = h.pending.splice(0);
    a!(true);
    expect(h.pending).toHaveLength(0);
    b!(true);
    expect(h.pending).toHaveLength(2);
  });

  it('stops after the first batch with a failure; the rest of that batch still counts', () => {
    const h = harness(20);
    h.answerAll();
    h.answerAll();
    h.answerAll((i) => i !== 2);
    expect(h.batches).toEqual([1, 2, 4]);
    expect(h.pending).toHaveLength(0);
    expect(h.result()).toEqual({ successes: 6, failed: true });
  });

  it('tells nothing and starts no batch once its controller is gone', () => {
    let alive = true;
    const h = harness(5, () => alive);
    alive = false;
    h.answerAll();
    expect(h.pending).toHaveLength(0);
    expect(h.result()).toBeNull();
  });

  it('with nothing to do, finishes at once', () => {
    expect(harness(0).result()).toEqual({ successes: 0, failed: false });
  });
});
