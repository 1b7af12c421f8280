/**
 * The run's one event queue, ordered by (time, sequence): ties run in the order they were
 * scheduled. Almost every event falls within the next half minute (message latencies, the 10 s
 * Lease and status ticks, controller retries), so those go to a calendar: one FIFO bucket per
 * millisecond of a sliding window, found again through a bitmap of non-empty buckets. A push is an
 * append and a pop takes a bucket's head; only the rare far events (an Event's one-hour TTL, a
 * 5-minute flush) wait in a heap until the window reaches them. This pops in exactly the order one
 * heap over everything would, at a fraction of its cost on a busy run.
 *
 * Why the order is the same: a bucket holds its events sorted by (time, sequence). Events pushed
 * straight into a bucket arrive in sequence order, so ties append; the far events of a millisecond
 * move into its bucket (in heap order) as soon as the window reaches it, before anything else can
 * be pushed there. A time with a fraction of a millisecond is placed by walking its bucket.
 *
 * Entries live in columns (typed arrays, linked by index, with a free list): a busy run pushes
 * and pops millions of events, and one object each would keep the garbage collector busy.
 */
import { EventHeap } from './eventHeap';
import type { SimMillis } from './time';

export interface Entry {
  readonly time: SimMillis;
  readonly seq: number;
  readonly run: () => void;
  /** The trace message this event delivers, or -1 for a timer. */
  readonly message: number;
}

/** The calendar's span: 2^15 ms, about 33 s. */
const WINDOW = 1 << 15;
const MASK = WINDOW - 1;
const NONE = -1;

export class EventQueue {
  // The entries, by column; `next` links a bucket's entries, then the free list.
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private messages = new Float64Array(1024);
  private next = new Int32Array(1024);
  private readonly runs: ((() => void) | undefined)[] = [];
  private free = NONE;
  private used = 0;

  // The calendar: bucket k holds the events of millisecond `base + ((k - base) & MASK)`.
  private readonly heads = new Int32Array(WINDOW).fill(NONE);
  private readonly tails = new Int32Array(WINDOW).fill(NONE);
  private readonly occupied = new Uint32Array(WINDOW >> 5);
  /** The first millisecond of the window: the slot of the event popped last (nothing earlier is left). */
  private base = 0;
  private near = 0;
  /** The earliest non-empty slot, or NONE when it must be looked for again. */
  private headSlot = NONE;

  /** Events at or past `base + WINDOW`. */
  private readonly far = new EventHeap();
  private seq = 0;
  private n = 0;

  /** The time of the event `popRun` returned last. */
  poppedTime = 0 as SimMillis;
  /** The trace message of the event `popRun` returned last, or -1 for a timer. */
  poppedMessage = -1;
  private poppedSeq = 0;

  get size(): number {
    return this.n;
  }

  /** The time of the next event, or undefined when there is none. */
  peekTime(): SimMillis | undefined {
    if (this.near > 0) return this.times[this.heads[this.firstSlot() & MASK]!] as SimMillis;
    return this.far.peekTime();
  }

  push(time: SimMillis, run: () => void, message = -1): void {
    const seq = this.seq++;
    this.n++;
    const slot = Math.floor(time);
    if (slot < this.base) throw new RangeError(`an event at ${time} ms is in the past (${this.base} ms)`);
    if (slot >= this.base + WINDOW) this.far.push(time, seq, run, message);
    else this.place(slot, time, seq, run, message);
  }

  /** Takes the next event: returns what it runs, and sets `poppedTime` and `poppedMessage`. */
  popRun(): (() => void) | undefined {
    if (this.n === 0) return undefined;
    if (this.near === 0) this.slide(Math.floor(this.far.peekTime()!));
    const slot = this.firstSlot();
    // Everything before `slot` is gone: the window starts there now, and reaches further.
    if (slot > this.base) this.slide(slot);
    const k = slot & MASK;
    const e = this.heads[k]!;
    const after = this.next[e]!;
    this.heads[k] = after;
    if (after === NONE) {
      this.tails[k] = NONE;
      this.occupied[k >> 5]! &= ~(1 << (k & 31));
      this.headSlot = NONE;
    }
    this.near--;
    this.n--;
    this.poppedTime = this.times[e] as SimMillis;
    this.poppedMessage = this.messages[e]!;
    this.poppedSeq = this.seqs[e]!;
    const run = this.runs[e]!;
    this.runs[e] = undefined;
    this.next[e] = this.free;
    this.free = e;
    return run;
  }

  /** Takes the next event, as an object. */
  pop(): Entry | undefined {
    const run = this.popRun();
    if (!run) return undefined;
    return { time: this.poppedTime, seq: this.poppedSeq, run, message: this.poppedMessage };
  }

  /** Moves the window to start at `slot`; far events it now covers move into their buckets, in order. */
  private slide(slot: number): void {
    this.base = slot;
    const far = this.far;
    const end = slot + WINDOW;
    while (far.size > 0 && Math.floor(far.peekTime()!) < end) {
      const run = far.popRun()!;
      const time = far.poppedTime;
      this.place(Math.floor(time), time, far.poppedSeq, run, far.poppedMessage);
    }
  }

  /** Puts an event in its bucket, after every entry with an earlier or equal time. */
  private place(slot: number, time: number, seq: number, run: () => void, message: number): void {
    const e = this.allocate();
    this.times[e] = time;
    this.seqs[e] = seq;
    this.messages[e] = message;
    this.runs[e] = run;
    const k = slot & MASK;
    const tail = this.tails[k]!;
    if (tail === NONE) {
      this.next[e] = NONE;
      this.heads[k] = e;
      this.tails[k] = e;
      this.occupied[k >> 5]! |= 1 << (k & 31);
    } else if (this.times[tail]! <= time) {
      this.next[e] = NONE;
      this.next[tail] = e;
      this.tails[k] = e;
    } else this.insertBefore(k, e, time);
    if (this.near++ === 0) this.headSlot = slot;
    else if (this.headSlot !== NONE && slot < this.headSlot) this.headSlot = slot;
  }

  /** A time earlier than the bucket's last (a fraction of a millisecond): walk to its place. */
  private insertBefore(k: number, e: number, time: number): void {
    let previous = NONE;
    let at = this.heads[k]!;
    while (at !== NONE && this.times[at]! <= time) {
      previous = at;
      at = this.next[at]!;
    }
    this.next[e] = at;
    if (previous === NONE) this.heads[k] = e;
    else this.next[previous] = e;
  }

  /** The earliest non-empty slot of the window (there is one: `near > 0`). */
  private firstSlot(): number {
    if (this.headSlot !== NONE) return this.headSlot;
    const start = this.base & MASK;
    const words = this.occupied;
    let w = start >> 5;
    // The start word from the start bit on, the words after it round the ring, then the start word's low bits.
    let bits = words[w]! & (~0 << (start & 31));
    for (let i = 0; bits === 0 && i < words.length; i++) {
      w = (w + 1) & (words.length - 1);
      bits = words[w]!;
    }
    const k = (w << 5) + 31 - Math.clz32(bits & -bits);
    this.headSlot = this.base + ((k - start) & MASK);
    return this.headSlot;
  }

  private allocate(): number {
    if (this.free !== NONE) {
      const e = this.free;
      this.free = this.next[e]!;
      return e;
    }
    if (this.used === this.times.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const more = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.times = more(this.times, (k) => new Float64Array(k));
    this.seqs = more(this.seqs, (k) => new Float64Array(k));
    this.messages = more(this.messages, (k) => new Float64Array(k));
    this.next = more(this.next, (k) => new Int32Array(k));
  }
}
