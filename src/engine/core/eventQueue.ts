/** The run's one event queue: a binary heap ordered by (time, sequence), so ties run in scheduling order. */
import type { SimMillis } from './time';

interface Entry {
  readonly time: SimMillis;
  readonly seq: number;
  readonly run: () => void;
  /** The trace message this event delivers, or -1 for a timer. */
  readonly message: number;
}

export class EventQueue {
  private heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The time of the next event, or undefined when there is none. */
  peekTime(): SimMillis | undefined {
    return this.heap[0]?.time;
  }

  push(time: SimMillis, run: () => void, message = -1): void {
    const heap = this.heap;
    const entry: Entry = { time, seq: this.seq++, run, message };
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (before(p, entry)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (before(last, heap[child]!)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

const before = (a: Entry, b: Entry) => a.time < b.time || (a.time === b.time && a.seq < b.seq);
