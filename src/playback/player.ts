/**
 * The player: the one place that reads the wall clock. It moves a cursor over presentation time,
 * records the run ahead of the cursor in small slices (never a long task), and tells two kinds of
 * listeners: frame listeners every animation frame (flying messages are drawn from these without
 * React), change listeners at most four times a second while playing and at once after a jump.
 */
import type { KubeObject } from '../engine/api/types';
import { Presentation, type HeartbeatMode } from './presentation';
import { Run, type RunSpec, type StepRecord } from './run';
import { MAX_SPEED, MIN_SPEED } from './speeds';
import { StateCursor } from './stateCursor';

/** The wall clock and the display's frames, injected so tests can drive them. */
export interface FrameClock {
  now(): number;
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export { MAX_SPEED, MIN_SPEED } from './speeds';
/** Virtual time recorded beyond the last action before the timeline ends (more is recorded while playing). */
const TAIL = 60_000;
/** The longest run the player records (virtual ms). */
export const MAX_RUN = 60 * 60_000;
/** Wall ms of recording per frame at most, so a frame stays smooth. */
const RECORD_BUDGET = 3;
/** Wall ms per frame for recording up to the starting moment: under a long task, and few frames in all. */
const START_BUDGET = 40;
/** Virtual ms recorded per slice, to start with, and its bounds. */
const SLICE = 250;
const MIN_SLICE = 2;
const MAX_SLICE = 2_000;
/** How far ahead of the cursor (presentation ms) the recording stays while playing. */
const LOOKAHEAD = 8_000;
/** How often (wall ms) change listeners hear of a moving cursor. */
const CHANGE_EVERY = 250;

/** What a change listener is told about: the cursor only, the objects at it, or everything. */
export type ChangeKind = 'time' | 'objects' | 'all';

export interface PlayerOptions {
  readonly heartbeats?: HeartbeatMode;
  readonly speed?: number;
}

export class Player {
  readonly run: Run;
  private presentation: Presentation;
  private readonly objects: StateCursor;
  private p = 0;
  private isPlaying = false;
  private rate: number;
  /** Record at least this far (virtual ms). */
  private horizon: number;
  private frame: number | null = null;
  private lastFrame = 0;
  private lastChange = -Infinity;
  private readonly frameListeners = new Set<(p: number) => void>();
  private readonly changeListeners = new Set<(what: ChangeKind) => void>();
  /** Frames until the objects part of a periodic change is told (it follows the time part). */
  private objectsDue = -1;
  /** The script step whose end stops playing (a guided workflow waits for the learner there). */
  private stopAtStep: number | null = null;

  constructor(
    spec: RunSpec,
    private readonly clock: FrameClock,
    options: PlayerOptions = {},
  ) {
    this.run = new Run(spec);
    this.rate = clampSpeed(options.speed ?? 1);
    this.presentation = new Presentation(this.run.cluster.sim.trace, options.heartbeats ?? 'dim');
    this.objects = new StateCursor(this.run.history, this.run.cluster.etcd.changes);
    const lastAction = Math.max(0, ...spec.actions.map((a) => a.at));
    this.horizon = Math.min(MAX_RUN, lastAction + TAIL);
    // Enough to draw the first moments at once; the rest is recorded a slice per frame.
    // The moments before the start are recorded a few milliseconds per frame, never in one long task;
    // until then the player is not ready (anything that needs the state finishes it at once).
    this.pendingStart = Math.max(0, spec.startAt ?? 0);
    this.record(SLICE, START_BUDGET);
    if (this.run.recordedUntil >= this.pendingStart) this.finishStart();
    this.schedule();
  }

  /** Virtual ms the cursor starts at, while that moment is still being recorded; null once there. */
  private pendingStart: number | null;

  /** Whether the starting moment is recorded and shown. */
  get ready(): boolean {
    return this.pendingStart === null;
  }

  private finishStart(): void {
    if (this.pendingStart === null) return;
    const startAt = this.pendingStart;
    if (this.run.recordedUntil < startAt + SLICE)
      this.record(startAt + SLICE - this.run.recordedUntil, Infinity);
    this.pendingStart = null;
    this.p = this.presentation.toPresentation(startAt);
    this.lastFrame = this.clock.now();
  }

  // --- Reading -------------------------------------------------------------------------------

  get cursor(): number {
    return this.p;
  }

  get end(): number {
    return this.presentation.end;
  }

  get playing(): boolean {
    return this.isPlaying;
  }

  get speed(): number {
    return this.rate;
  }

  get heartbeats(): HeartbeatMode {
    return this.presentation.mode;
  }

  /** Whether the whole run (to its horizon, and every step of its script) is recorded. */
  get complete(): boolean {
    return this.run.recordedUntil >= this.horizon && this.run.scriptDone;
  }

  get virtualTime(): number {
    return this.presentation.toVirtual(this.p);
  }

  get timeline(): Presentation {
    return this.presentation;
  }

  /** Every object at the cursor, keyed by etcd key. */
  objectsNow(): ReadonlyMap<string, KubeObject> {
    return this.objects.at(this.virtualTime);
  }

  /** A second cursor, for a terminal watch going through the moments since its last look in order. */
  private lookBack: StateCursor | null = null;

  /**
   * Every object at virtual time `t`, as `objectsNow` would show them there. Cheapest for moments
   * asked in order (each applies only the changes since the last); the map is valid until the next call.
   */
  objectsAt(t: number): ReadonlyMap<string, KubeObject> {
    this.lookBack ??= new StateCursor(this.run.history, this.run.cluster.etcd.changes);
    return this.lookBack.at(t);
  }

  /** Changes whenever the objects at the cursor do. */
  get objectsVersion(): number {
    this.objects.at(this.virtualTime);
    return this.objects.version;
  }

  onFrame(listener: (p: number) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /**
   * Told of changes: 'all' after a jump or a control; while playing, 'time' (the cursor moved) four
   * times a second and 'objects' (the cluster's objects too) two frames after each, so the two
   * redraws never land in the same frame.
   */
  onChange(listener: (what: ChangeKind) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // --- Controls ------------------------------------------------------------------------------

  play(): void {
    if (this.isPlaying) return;
    if (this.p >= this.end && this.complete && this.run.recordedUntil >= MAX_RUN) this.p = 0;
    this.isPlaying = true;
    this.lastFrame = this.clock.now();
    this.changed(true);
    this.schedule();
  }

  pause(): void {
    if (!this.isPlaying) return;
    this.isPlaying = false;
    this.changed(true);
  }

  toggle(): void {
    if (this.isPlaying) this.pause();
    else this.play();
  }

  /** Goes to presentation time `p` (clamped to what is recorded, recording more if needed). */
  seek(p: number): void {
    if (!Number.isFinite(p)) return;
    this.finishStart();
    if (p > this.end) this.record(Math.min(p - this.end, 10 * 60_000), 50);
    this.p = Math.min(Math.max(0, p), this.end);
    this.moved();
  }

  /** Goes to the moment virtual time `v` is shown. */
  seekVirtual(v: number): void {
    this.finishStart();
    if (v > this.run.recordedUntil) this.record(v - this.run.recordedUntil + SLICE, 50);
    this.seek(this.presentation.toPresentation(v));
  }

  /** Goes to the middle of message `id`'s flight. */
  seekMessage(id: number): void {
    const stop = this.presentation.stopOf(id);
    if (stop !== undefined) this.seek(stop);
    else this.seekVirtual(this.run.cluster.sim.trace.sentAt(id));
  }

  stepForward(): void {
    this.finishStart();
    this.pause();
    let next = this.presentation.nextStop(this.p);
    for (let tries = 0; next === undefined && tries < 40 && this.run.recordedUntil < MAX_RUN; tries++) {
      this.record(SLICE * 4, Infinity);
      next = this.presentation.nextStop(this.p);
    }
    if (next !== undefined) this.seek(next);
  }

  stepBack(): void {
    this.finishStart();
    this.pause();
    this.seek(this.presentation.previousStop(this.p) ?? 0);
  }

  restart(): void {
    this.seek(0);
    this.play();
  }

  // --- Script steps --------------------------------------------------------------------------

  /** Step `i` of the script, recording until it has begun (undefined if the run never gets there). */
  step(i: number): StepRecord | undefined {
    this.finishStart();
    while (this.run.steps[i] === undefined && !this.run.scriptDone && this.run.recordedUntil < MAX_RUN)
      this.record(SLICE * 8, Infinity);
    return this.run.steps[i];
  }

  /** Step `i` recorded to its end (undefined if the run never gets there). */
  finishedStep(i: number): StepRecord | undefined {
    let record = this.step(i);
    while (record && record.end === null && this.run.recordedUntil < MAX_RUN) {
      this.record(SLICE * 8, Infinity);
      record = this.run.steps[i];
    }
    return record;
  }

  /** Plays step `i` from its beginning and stops where it has done what it promised. */
  playStep(i: number): void {
    const record = this.step(i);
    if (!record) return;
    this.isPlaying = false;
    this.seek(this.presentation.toPresentation(record.start));
    this.stopAtStep = i;
    this.play();
  }

  /** Shows step `i` at its beginning or its end, paused. */
  showStep(i: number, at: 'start' | 'end'): void {
    const record = at === 'end' ? this.finishedStep(i) : this.step(i);
    if (!record) return;
    this.stopAtStep = null;
    this.isPlaying = false;
    this.seek(
      this.presentation.toPresentation(at === 'end' && record.end !== null ? record.end : record.start),
    );
  }

  /** Plays on from the cursor, stopping at the end of step `i`. */
  playToEndOf(i: number): void {
    this.stopAtStep = i;
    this.play();
  }

  /** Plays on without stopping at a step's end. */
  playThrough(): void {
    this.stopAtStep = null;
    this.play();
  }

  /** The presentation time step `i` ends at, if recorded. */
  private stepEnd(i: number): number | undefined {
    const end = this.run.steps[i]?.end;
    return end === null || end === undefined ? undefined : this.presentation.toPresentation(end);
  }

  setSpeed(speed: number): void {
    this.rate = clampSpeed(speed);
    this.changed(true);
  }

  /** Shows, dims or hides routine traffic; the cursor keeps its virtual time. */
  setHeartbeats(mode: HeartbeatMode): void {
    if (mode === this.presentation.mode) return;
    const v = this.virtualTime;
    this.presentation = new Presentation(this.run.cluster.sim.trace, mode);
    this.presentation.extend(this.run.recordedUntil);
    this.p = this.presentation.toPresentation(v);
    this.moved();
  }

  dispose(): void {
    this.isPlaying = false;
    if (this.frame !== null) this.clock.cancel(this.frame);
    this.frame = null;
    this.frameListeners.clear();
    this.changeListeners.clear();
  }

  // --- The frame loop ------------------------------------------------------------------------

  /** Virtual ms recorded per slice: shrinks when a slice took too long (a burst), grows when quiet. */
  private slice = SLICE;

  /** Records up to `virtualMs` more of the run, for at most `budget` wall ms. */
  private record(virtualMs: number, budget: number): void {
    const start = this.clock.now();
    const target = Math.min(MAX_RUN, this.run.recordedUntil + virtualMs);
    while (this.run.recordedUntil < target) {
      const before = this.clock.now();
      this.run.extendTo(Math.min(target, this.run.recordedUntil + this.slice));
      const took = this.clock.now() - before;
      if (Number.isFinite(budget)) {
        if (took > budget / 2) this.slice = Math.max(MIN_SLICE, this.slice / 4);
        else if (took < budget / 8) this.slice = Math.min(MAX_SLICE, this.slice * 2);
      }
      if (this.clock.now() - start > budget) break;
    }
    this.presentation.extend(this.run.recordedUntil);
  }

  private schedule(): void {
    if (this.frame !== null) return;
    if (!this.isPlaying && this.complete && this.pendingStart === null) return;
    this.frame = this.clock.request(() => this.tick());
  }

  private tick(): void {
    this.frame = null;
    const now = this.clock.now();
    let stopped = false;
    if (this.pendingStart !== null) {
      this.record(this.pendingStart - this.run.recordedUntil + SLICE, START_BUDGET);
      if (this.run.recordedUntil >= this.pendingStart) {
        this.finishStart();
        for (const listener of this.frameListeners) listener(this.p);
        this.changed(true);
      }
      this.schedule();
      return;
    }
    if (this.isPlaying) {
      // A hidden tab or a long pause must not jump the cluster ahead.
      const dt = Math.min(now - this.lastFrame, 100);
      this.p += dt * this.rate;
      // Playing records ahead of the cursor, and the run goes on until MAX_RUN.
      if (this.end - this.p < LOOKAHEAD * this.rate) {
        this.horizon = Math.min(MAX_RUN, Math.max(this.horizon, this.run.recordedUntil + SLICE));
      }
      const stop = this.stopAtStep === null ? undefined : this.stepEnd(this.stopAtStep);
      if (stop !== undefined && this.p >= stop) {
        this.p = stop;
        this.isPlaying = false;
        this.stopAtStep = null;
        stopped = true;
      }
    }
    // A script records on to its last step's end, in the background.
    if (!this.run.scriptDone)
      this.horizon = Math.min(MAX_RUN, Math.max(this.horizon, this.run.recordedUntil + SLICE));
    this.lastFrame = now;
    const telling = this.objectsDue === 0 || now - this.lastChange >= CHANGE_EVERY;
    // Recording waits on frames that already redraw something.
    if (this.run.recordedUntil < this.horizon && !telling)
      this.record(this.horizon - this.run.recordedUntil, RECORD_BUDGET);
    if (this.isPlaying && this.p >= this.end) {
      this.p = this.end;
      if (this.run.recordedUntil >= MAX_RUN) this.isPlaying = false;
    }
    for (const listener of this.frameListeners) listener(this.p);
    if (this.objectsDue === 0) this.tell('objects');
    if (this.objectsDue >= 0) this.objectsDue--;
    this.changed(stopped);
    this.schedule();
  }

  private tell(what: ChangeKind): void {
    for (const listener of this.changeListeners) listener(what);
  }

  private moved(): void {
    for (const listener of this.frameListeners) listener(this.p);
    this.changed(true);
    this.schedule();
  }

  private changed(force: boolean): void {
    const now = this.clock.now();
    if (!force && now - this.lastChange < CHANGE_EVERY) return;
    this.lastChange = now;
    if (force) {
      this.objectsDue = -1;
      this.tell('all');
    } else {
      this.objectsDue = 2;
      this.tell('time');
    }
  }
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}
