/**
 * etcd: a revisioned key-value store. Every write gets the next cluster-wide revision, which
 * becomes the object's resourceVersion. Only kube-apiserver calls it. The change log is the
 * cluster's history: replaying it rebuilds the state at any point of the run.
 */
import type { SimMillis } from '../core/time';
import type { KubeObject } from '../api/types';

export interface KeyValue {
  readonly key: string;
  readonly value: KubeObject;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
}

export interface Change {
  readonly revision: number;
  readonly key: string;
  /** The new value, or null when the key was deleted. */
  readonly value: KubeObject | null;
  readonly time: SimMillis;
  /** The trace message whose delivery made the change. */
  readonly messageId: number | null;
}

export class Etcd {
  private rev = 1;
  private readonly data = new Map<string, KeyValue>();
  readonly changes: Change[] = [];

  get revision(): number {
    return this.rev;
  }

  get(key: string): KeyValue | undefined {
    return this.data.get(key);
  }

  /** Every key under `prefix`, in key order as etcd's range returns them. */
  range(prefix: string): KeyValue[] {
    const out: KeyValue[] = [];
    for (const kv of this.data.values()) if (kv.key.startsWith(prefix)) out.push(kv);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * Writes `value` at `key`; the stored object carries the new revision as its resourceVersion.
   * `owned`: the caller made `value` and its metadata for this write alone, so they are stamped in
   * place instead of copied (objects are never changed once stored).
   */
  put(key: string, value: KubeObject, time: SimMillis, messageId: number | null, owned = false): KeyValue {
    const revision = ++this.rev;
    let stored: KubeObject;
    if (owned) {
      value.metadata.resourceVersion = String(revision);
      stored = value;
    } else {
      stored = { ...value, metadata: { ...value.metadata, resourceVersion: String(revision) } } as KubeObject;
    }
    const previous = this.data.get(key);
    const kv: KeyValue = {
      key,
      value: stored,
      createRevision: previous?.createRevision ?? revision,
      modRevision: revision,
      version: (previous?.version ?? 0) + 1,
    };
    this.data.set(key, kv);
    this.changes.push({ revision, key, value: stored, time, messageId });
    return kv;
  }

  delete(key: string, time: SimMillis, messageId: number | null): KeyValue | undefined {
    const previous = this.data.get(key);
    if (!previous) return undefined;
    const revision = ++this.rev;
    this.data.delete(key);
    this.changes.push({ revision, key, value: null, time, messageId });
    return previous;
  }

  get size(): number {
    return this.data.size;
  }
}
