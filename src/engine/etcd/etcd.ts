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

/**
 * The keys under one resource prefix (`/registry/pods/`), kept in key order for range reads. New
 * and deleted keys are noted and merged in at the next read, so writes stay cheap.
 */
class KeySet {
  private sorted: string[] = [];
  private added: string[] = [];
  private removed = false;

  add(key: string): void {
    this.added.push(key);
  }

  remove(): void {
    this.removed = true;
  }

  /** Every live key, in order. */
  keys(live: (key: string) => boolean): readonly string[] {
    if (this.added.length === 0 && !this.removed) return this.sorted;
    const fresh = [...new Set(this.added.filter(live))].sort(compare);
    const isFresh = new Set(fresh);
    const kept = this.sorted.filter((k) => !isFresh.has(k) && (!this.removed || live(k)));
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length && j < fresh.length) merged.push(kept[i]! < fresh[j]! ? kept[i++]! : fresh[j++]!);
    while (i < kept.length) merged.push(kept[i++]!);
    while (j < fresh.length) merged.push(fresh[j++]!);
    this.sorted = merged;
    this.added = [];
    this.removed = false;
    return merged;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A key's resource prefix: `/registry/pods/default/nginx` → `/registry/pods/`; undefined when it has none. */
function bucketOf(key: string): string | undefined {
  const first = key.indexOf('/', 1);
  const second = first < 0 ? -1 : key.indexOf('/', first + 1);
  return second < 0 ? undefined : key.slice(0, second + 1);
}

export class Etcd {
  private rev = 1;
  private readonly data = new Map<string, KeyValue>();
  /** Keys by resource prefix, so a range reads one resource's keys, not the whole store. */
  private readonly buckets = new Map<string, KeySet>();
  private readonly live = (key: string) => this.data.has(key);
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
    const bucket = bucketOf(prefix);
    if (bucket === undefined) {
      for (const kv of this.data.values()) if (kv.key.startsWith(prefix)) out.push(kv);
      return out.sort((a, b) => compare(a.key, b.key));
    }
    const keys = this.buckets.get(bucket)?.keys(this.live) ?? [];
    // Keys are in order: those under the prefix are one run, found by binary search.
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(this.data.get(keys[i]!)!);
    return out;
  }

  private keySet(key: string): KeySet | undefined {
    const bucket = bucketOf(key);
    if (bucket === undefined) return undefined;
    let set = this.buckets.get(bucket);
    if (!set) this.buckets.set(bucket, (set = new KeySet()));
    return set;
  }

  /**
   * Writes `value` at `key`; the stored object carries the new revision as its resourceVersion.
   * `owned`: the caller made `value` and its metadata for this write alone, so they are stamped in
   * place instead of copied (objects are never changed once stored).
   */
  put(key: string, value: KubeObject, time: SimMillis, messageId: number | null, owned = false): KeyValue {
    return this.write(key, this.data.get(key), value, time, messageId, owned);
  }

  /**
   * A transaction, as kube-apiserver's GuaranteedUpdate sends it: if the key still holds `expected`
   * (what was read before; undefined: no key), put `value`; otherwise write nothing and return
   * undefined (the caller reads again and retries).
   */
  putIf(
    key: string,
    expected: KubeObject | undefined,
    value: KubeObject,
    time: SimMillis,
    messageId: number | null,
    owned = false,
  ): KeyValue | undefined {
    const previous = this.data.get(key);
    if (previous?.value !== expected) return undefined;
    return this.write(key, previous, value, time, messageId, owned);
  }

  private write(
    key: string,
    previous: KeyValue | undefined,
    value: KubeObject,
    time: SimMillis,
    messageId: number | null,
    owned: boolean,
  ): KeyValue {
    const revision = ++this.rev;
    let stored: KubeObject;
    if (owned) {
      value.metadata.resourceVersion = String(revision);
      stored = value;
    } else {
      // Spread, then set (one literal with a spread and more keys takes V8's slow path).
      const metadata = { ...value.metadata };
      metadata.resourceVersion = String(revision);
      stored = { ...value } as KubeObject;
      stored.metadata = metadata;
    }
    if (!previous) this.keySet(key)?.add(key);
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
    this.keySet(key)?.remove();
    this.changes.push({ revision, key, value: null, time, messageId });
    return previous;
  }

  get size(): number {
    return this.data.size;
  }
}
