/**
 * Time travel for the cluster's objects: rebuilds what etcd held at any virtual time from its change
 * log, starting from the nearest kept checkpoint, so a timeline slider can jump anywhere instantly.
 * Replaying changes, never undoing them.
 */
import type { KubeObject } from './api/types';
import type { Change } from './etcd/etcd';
import { lastIndexAtOrBefore } from './core/timeSearch';

export type ObjectState = ReadonlyMap<string, KubeObject>;

export class ObjectHistory {
  /** checkpoints[i] is the state after the first i × every changes. */
  private readonly checkpoints: Map<string, KubeObject>[] = [new Map()];

  constructor(
    private readonly changes: readonly Change[],
    private readonly every = 2_000,
  ) {}

  /** How many changes had happened by virtual time `t` (inclusive). */
  countAt(t: number): number {
    return lastIndexAtOrBefore(this.changes, t) + 1;
  }

  /** Every object as it was at virtual time `t`, keyed by etcd key. */
  stateAt(t: number): ObjectState {
    return this.stateAfter(this.countAt(t));
  }

  /** Every object after the first `count` changes. */
  stateAfter(count: number): ObjectState {
    this.extendCheckpoints(count);
    const index = Math.min(Math.floor(count / this.every), this.checkpoints.length - 1);
    const state = new Map(this.checkpoints[index]);
    for (let i = index * this.every; i < count; i++) apply(state, this.changes[i]!);
    return state;
  }

  private extendCheckpoints(count: number): void {
    while (this.checkpoints.length * this.every <= count) {
      const last = this.checkpoints.length - 1;
      const state = new Map(this.checkpoints[last]);
      for (let i = last * this.every; i < (last + 1) * this.every; i++) apply(state, this.changes[i]!);
      this.checkpoints.push(state);
    }
  }
}

function apply(state: Map<string, KubeObject>, change: Change): void {
  if (change.value) state.set(change.key, change.value);
  else state.delete(change.key);
}
