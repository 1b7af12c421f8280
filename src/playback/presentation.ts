/**
 * Presentation time: the clock playback runs on. Virtual time is the cluster's own; most messages
 * take a millisecond or two of it, far too short to watch. Presentation time stretches every moment
 * at which a message leaves so that each flight lasts long enough to follow, and lets quiet stretches
 * run at the cluster's own pace. The mapping is monotone, so any presentation time names exactly
 * one virtual time and one set of messages in flight; the slider, steps and the clock all use it.
 *
 * It is built as the run is recorded: knots up to the recorded end never move once placed. The end
 * itself is a knot only until the recording goes on, unless a message leaves or lands there: the
 * result is the same however the recording was cut into pieces.
 */
import type { Trace } from '../engine/trace';

/** What to do with routine traffic (Lease renewals, status reports): show it, dim it, or hide it. */
export type HeartbeatMode = 'show' | 'dim' | 'hide';

/** Presentation milliseconds a moment gets when a message leaves then (at speed 1×). */
export interface Gaps {
  readonly message: number;
  readonly routine: number;
}

export const DEFAULT_GAPS: Gaps = { message: 550, routine: 150 };

/** A message in the air: its trace id, how far along it is (0–1), and how long its flight lasts (presentation ms). */
export interface Flight {
  readonly id: number;
  readonly progress: number;
  readonly span: number;
}

const NONE = 0;
const ROUTINE = 1;
const MESSAGE = 2;

export class Presentation {
  /** Knots: virtual time → presentation time, both increasing. */
  private readonly kv: number[] = [0];
  private readonly kp: number[] = [0];
  /** What leaves at each knot: NONE, ROUTINE or MESSAGE. */
  private readonly leaving: number[] = [NONE];
  /** The visible messages (trace ids, increasing) with their presentation send and arrival times. */
  readonly ids: number[] = [];
  private readonly ps: number[] = [];
  private readonly pd: number[] = [];
  /** Indices (into ids) of messages that arrive after the recorded end. */
  private open: number[] = [];
  private scanned = 0;
  private until = 0;
  /** Whether the last knot is only the recorded end (no message leaves or lands then). */
  private endOnly = false;
  private maxSpan = 0;
  /** Where Step forward and Step back stop: the middle of each moment a message leaves. */
  readonly stops: number[] = [];
  private stopsFrom = 0;

  constructor(
    private readonly trace: Trace,
    readonly mode: HeartbeatMode,
    private readonly gaps: Gaps = DEFAULT_GAPS,
  ) {}

  /** The presentation time of the recorded end. */
  get end(): number {
    return this.kp[this.kp.length - 1]!;
  }

  get recordedUntil(): number {
    return this.until;
  }

  /** Takes in what the run recorded up to virtual time `until`. */
  extend(until: number): void {
    const { trace } = this;
    if (until <= this.until && this.scanned === trace.length) return;
    until = Math.max(until, this.until);
    let previousUntil = this.until;
    const minLeaving = this.mode === 'show' ? ROUTINE : MESSAGE;
    // The old end was only the end: it goes, and what comes after is placed from the knot before.
    if (this.endOnly && until > previousUntil) {
      this.kv.pop();
      this.kp.pop();
      this.leaving.pop();
      const lastReal = this.kv.length - 1;
      if (this.stopsFrom > lastReal) {
        if (this.leaving[lastReal]! >= minLeaving) this.stops.pop();
        this.stopsFrom = lastReal;
      }
      previousUntil = this.kv[lastReal]!;
    }

    const first = this.ids.length;
    for (let i = this.scanned; i < trace.length; i++) {
      if (this.mode === 'hide' && trace.isRoutine(i)) continue;
      this.ids.push(i);
      this.ps.push(0);
      this.pd.push(0);
      this.open.push(this.ids.length - 1);
    }
    this.scanned = trace.length;

    // The new knots: sends and arrivals after the old end, and the new end itself.
    const times: number[] = [];
    let messageAtUntil = false;
    for (let j = first; j < this.ids.length; j++) {
      const s = trace.sentAt(this.ids[j]!);
      if (s > previousUntil) times.push(s);
      if (s === until) messageAtUntil = true;
    }
    for (const j of this.open) {
      const d = trace.deliverAt(this.ids[j]!);
      if (d > previousUntil && d <= until) times.push(d);
      if (d === until) messageAtUntil = true;
    }
    if (until > previousUntil) {
      times.push(until);
      this.endOnly = !messageAtUntil;
    } else if (messageAtUntil) this.endOnly = false;
    times.sort((a, b) => a - b);
    const base = this.kv.length;
    let last = previousUntil;
    for (const t of times) {
      if (t === last) continue;
      this.kv.push(t);
      this.kp.push(0);
      this.leaving.push(NONE);
      last = t;
    }

    for (let j = first; j < this.ids.length; j++) {
      const id = this.ids[j]!;
      const k = this.knotAt(trace.sentAt(id), base - 1);
      const what = trace.isRoutine(id) ? ROUTINE : MESSAGE;
      if (k >= 0 && this.leaving[k]! < what) this.leaving[k] = what;
    }
    for (let k = base; k < this.kv.length; k++) {
      const dv = this.kv[k]! - this.kv[k - 1]!;
      this.kp[k] = this.kp[k - 1]! + Math.max(dv, this.gapAfter(k - 1));
    }

    this.until = until;
    for (let j = first; j < this.ids.length; j++)
      this.ps[j] = this.toPresentation(trace.sentAt(this.ids[j]!));
    const stillOpen: number[] = [];
    for (const j of this.open) {
      const d = trace.deliverAt(this.ids[j]!);
      if (d <= until) {
        this.pd[j] = this.toPresentation(d);
        this.maxSpan = Math.max(this.maxSpan, this.pd[j]! - this.ps[j]!);
      } else {
        // Provisional: it lands after the recorded end.
        this.pd[j] = this.end + (d - until) + this.gaps.message;
        stillOpen.push(j);
      }
    }
    this.open = stillOpen;

    for (let k = this.stopsFrom; k < this.kv.length - 1; k++)
      if (this.leaving[k]! >= minLeaving) this.stops.push((this.kp[k]! + this.kp[k + 1]!) / 2);
    this.stopsFrom = this.kv.length - 1;
  }

  private gapAfter(k: number): number {
    const what = this.leaving[k]!;
    if (what === MESSAGE) return this.gaps.message;
    if (what === ROUTINE) return this.mode === 'show' ? this.gaps.message : this.gaps.routine;
    return 0;
  }

  /** The index of the knot at exactly virtual time `v`, searching from `from`; -1 if none. */
  private knotAt(v: number, from: number): number {
    let lo = Math.max(0, from);
    let hi = this.kv.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = this.kv[mid]!;
      if (x === v) return mid;
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The virtual time shown at presentation time `p` (clamped to the recorded part). */
  toVirtual(p: number): number {
    const { kp, kv } = this;
    if (p <= 0) return 0;
    if (p >= this.end) return this.until;
    const k = lastAtOrBefore(kp, p);
    const span = kp[k + 1]! - kp[k]!;
    return kv[k]! + ((p - kp[k]!) / span) * (kv[k + 1]! - kv[k]!);
  }

  /** The presentation time at which virtual time `v` is shown (its first moment). */
  toPresentation(v: number): number {
    const { kp, kv } = this;
    if (v <= 0) return 0;
    if (v >= this.until) return this.end;
    const k = lastAtOrBefore(kv, v);
    if (kv[k] === v) return kp[k]!;
    return kp[k]! + ((v - kv[k]!) / (kv[k + 1]! - kv[k]!)) * (kp[k + 1]! - kp[k]!);
  }

  /** Where message `id` (a trace id) leaves, in presentation time; undefined if it is not shown. */
  sentAtOf(id: number): number | undefined {
    const j = lastAtOrBefore(this.ids, id);
    return this.ids[j] === id ? this.ps[j] : undefined;
  }

  /** The stop in the middle of message `id`'s flight, for jumping to it. */
  stopOf(id: number): number | undefined {
    const j = lastAtOrBefore(this.ids, id);
    if (this.ids[j] !== id) return undefined;
    return Math.min((this.ps[j]! + this.pd[j]!) / 2, this.end);
  }

  /** The index (into `ids`) of the last visible message to have left by presentation time `p`, or -1. */
  lastLeftBy(p: number): number {
    return lastAtOrBefore(this.ps, p);
  }

  /** The messages in flight at presentation time `p`, oldest first. */
  inFlight(p: number): Flight[] {
    const out: Flight[] = [];
    const { ps, pd } = this;
    const hi = lastAtOrBefore(ps, p);
    // Nothing that left more than the longest flight ago can still be in the air, except open ones.
    const lo = lastAtOrBefore(ps, p - this.maxSpan - 1) + 1;
    const flight = (j: number): Flight => ({
      id: this.ids[j]!,
      progress: (p - ps[j]!) / (pd[j]! - ps[j]!),
      span: pd[j]! - ps[j]!,
    });
    for (const j of this.open) if (j < lo && ps[j]! <= p) out.push(flight(j));
    for (let j = lo; j <= hi; j++) if (pd[j]! > p) out.push(flight(j));
    return out;
  }

  /** The next stop after `p`, or undefined at the end. */
  nextStop(p: number): number | undefined {
    const i = lastAtOrBefore(this.stops, p + 0.5) + 1;
    return this.stops[i];
  }

  /** The stop before `p`, or undefined at the start. */
  previousStop(p: number): number | undefined {
    const i = lastAtOrBefore(this.stops, p - 0.5);
    return i >= 0 ? this.stops[i] : undefined;
  }
}

/** The last index whose value is ≤ x in an increasing list, or -1. */
export function lastAtOrBefore(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
