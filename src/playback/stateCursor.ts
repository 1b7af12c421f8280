/**
 * The cluster's objects at the playback cursor. Moving forward applies the changes in between;
 * moving back rebuilds from the nearest checkpoint (ObjectHistory). Either way it is etcd's own
 * change log replayed, never undone.
 */
import type { KubeObject } from '../engine/api/types';
import type { Change } from '../engine/etcd/etcd';
import type { ObjectHistory } from '../engine/history';

export class StateCursor {
  private state = new Map<string, KubeObject>();
  private applied = 0;
  /** Changes every time the state does, so views can tell cheaply whether to redraw. */
  version = 0;

  constructor(
    private readonly history: ObjectHistory,
    private readonly changes: readonly Change[],
  ) {}

  /** How many changes the state holds. */
  get count(): number {
    return this.applied;
  }

  /** Every object at virtual time `t`, keyed by etcd key. Do not mutate. */
  at(t: number): ReadonlyMap<string, KubeObject> {
    const count = this.history.countAt(t);
    if (count === this.applied) return this.state;
    if (count > this.applied && count - this.applied < 4_000) {
      for (let i = this.applied; i < count; i++) {
        const c = this.changes[i]!;
        if (c.value) this.state.set(c.key, c.value);
        else this.state.delete(c.key);
      }
    } else {
      this.state = new Map(this.history.stateAfter(count));
    }
    this.applied = count;
    this.version++;
    return this.state;
  }
}
