/**
 * The event queue's far part: a 4-ary heap (half the depth of a binary one, so fewer moves per pop)
 * ordered by (time, sequence). Stored by column (times, sequences and message ids in typed arrays):
 * a busy run pushes and pops millions of events, and one object each would keep the garbage
 * collector busy. The sequence is given by the caller (the queue numbers all its events).
 */
import type { SimMillis } from './time';

export class EventHeap {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private messages = new Float64Array(1024);
  private readonly runs: ((() => void) | undefined)[] = [];
  private n = 0;
  /** The time of the event `popRun` returned last. */
  poppedTime = 0 as SimMillis;
  /** The sequence number of the event `popRun` returned last. */
  poppedSeq = 0;
  /** The trace message of the event `popRun` returned last, or -1 for a timer. */
  poppedMessage = -1;

  get size(): number {
    return this.n;
  }

  /** The time of the next event, or undefined when there is none. */
  peekTime(): SimMillis | undefined {
    return this.n > 0 ? (this.times[0] as SimMillis) : undefined;
  }

  push(time: SimMillis, seq: number, run: () => void, message: number): void {
    if (this.n === this.times.length) this.grow();
    const { times, seqs, messages, runs } = this;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      messages[i] = messages[parent]!;
      runs[i] = runs[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    messages[i] = message;
    runs[i] = run;
  }

  /** Takes the next event: returns what it runs, and sets `poppedTime` and `poppedMessage`. */
  popRun(): (() => void) | undefined {
    if (this.n === 0) return undefined;
    const { times, seqs, messages, runs } = this;
    const run = runs[0]!;
    this.poppedTime = times[0] as SimMillis;
    this.poppedMessage = messages[0]!;
    this.poppedSeq = seqs[0]!;
    const n = --this.n;
    // The last entry fills the hole at the top and sinks to its place.
    const time = times[n]!;
    const seq = seqs[n]!;
    const message = messages[n]!;
    const last = runs[n];
    runs[n] = undefined;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // The earliest of up to four children.
      let child = first;
      let ct = times[first]!;
      let cs = seqs[first]!;
      const end = Math.min(first + 4, n);
      for (let c = first + 1; c < end; c++) {
        const t = times[c]!;
        if (t < ct || (t === ct && seqs[c]! < cs)) {
          child = c;
          ct = t;
          cs = seqs[c]!;
        }
      }
      if (time < ct || (time === ct && seq < cs)) break;
      times[i] = ct;
      seqs[i] = cs;
      messages[i] = messages[child]!;
      runs[i] = runs[child];
      i = child;
    }
    if (n > 0) {
      times[i] = time;
      seqs[i] = seq;
      messages[i] = message;
      runs[i] = last;
    }
    return run;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const messages = new Float64Array(size);
    times.set(this.times);
    seqs.set(this.seqs);
    messages.set(this.messages);
    this.times = times;
    this.seqs = seqs;
    this.messages = messages;
  }
}
