/**
 * A shared informer, client-go style: list once, then watch, keeping a local cache that the
 * component reads instead of asking kube-apiserver. Handlers hear adds, updates and deletes.
 */
import { objectKey } from '../api/resources';
import type { Kind, KubeObject, ObjectOfKind } from '../api/types';
import type { ApiServer, WatchEventType } from '../apiserver/apiServer';
import type { Endpoint } from '../topology';

export interface InformerHandlers<T> {
  onAdd?(object: T): void;
  onUpdate?(object: T, old: T): void;
  onDelete?(object: T): void;
}

/** The field selector `spec.nodeName=<node>`: only the pods bound to one node (a kubelet's view); on Nodes, that Node. */
export interface NodeSelector {
  readonly nodeName: string;
}

/**
 * The cached objects' keys grouped by one value of theirs (client-go's Indexer), kept up to date
 * with the cache. Groups hold keys only (the cache has the objects), so an update that keeps its
 * value (a pod's status report on the same node) changes nothing here.
 */
class Index<T> {
  private readonly groups = new Map<string, Set<string>>();
  private readonly valueByKey = new Map<string, string>();

  constructor(private readonly valueOf: (object: T) => string | undefined) {}

  group(value: string): ReadonlySet<string> | undefined {
    return this.groups.get(value);
  }

  /** The object at `key` is now `object` (undefined: gone). */
  update(key: string, object: T | undefined): void {
    const before = this.valueByKey.get(key);
    const after = object === undefined ? undefined : this.valueOf(object);
    if (before === after) return;
    if (before !== undefined) {
      const group = this.groups.get(before)!;
      group.delete(key);
      if (group.size === 0) this.groups.delete(before);
      this.valueByKey.delete(key);
    }
    if (after === undefined) return;
    const group = this.groups.get(after);
    if (group) group.add(key);
    else this.groups.set(after, new Set([key]));
    this.valueByKey.set(key, after);
  }

  clear(): void {
    this.groups.clear();
    this.valueByKey.clear();
  }
}

/** client-go's reflector backoff: NewExponentialBackoffManager(800ms, 30s, …, 2.0, 1.0). */
const RETRY_INITIAL_MS = 800;
const RETRY_MAX_MS = 30_000;

export class Informer<K extends Kind> {
  private readonly cache = new Map<string, ObjectOfKind<K>>();
  /** Each cached key's place in the cache's order (the order `list()` gives). */
  private readonly position = new Map<string, number>();
  private nextPosition = 0;
  private readonly indexes = new Map<string, Index<ObjectOfKind<K>>>();
  /** The same indexes as a list: every watch event updates them all, and a Map's iterator is an allocation. */
  private readonly indexList: Index<ObjectOfKind<K>>[] = [];
  private readonly handlers: InformerHandlers<ObjectOfKind<K>>[] = [];
  private stop: (() => void) | null = null;
  /** Bumped by each connection attempt, each break and each halt: callbacks of an older one do nothing. */
  private attempt = 0;
  /** Failed connections in a row: the next retry waits longer (reflector backoff). */
  private failures = 0;
  synced = false;
  /** How many times the cache was started afresh: state a component derived from it is void after a restart. */
  generation = 0;
  /**
   * Bumped by every change to the cache: a component that found nothing to do with what the cache
   * held can tell, by this one number, that it would find the same again.
   */
  version = 0;

  constructor(
    private readonly api: ApiServer,
    private readonly owner: Endpoint,
    readonly kind: K,
    private readonly selector?: ((o: ObjectOfKind<K>) => boolean) | NodeSelector,
    private readonly routine?: (o: ObjectOfKind<K>) => boolean,
  ) {}

  addHandlers(h: InformerHandlers<ObjectOfKind<K>>): void {
    this.handlers.push(h);
  }

  get(namespace: string | undefined, name: string): ObjectOfKind<K> | undefined {
    return this.cache.get(objectKey(namespace, name));
  }

  /** The cached objects, in the order they were first seen. */
  list(): IterableIterator<ObjectOfKind<K>> {
    return this.cache.values();
  }

  get size(): number {
    return this.cache.size;
  }

  /** Groups the cached objects by `valueOf` (undefined: in no group) under `name`; once per name. */
  addIndex(name: string, valueOf: (object: ObjectOfKind<K>) => string | undefined): void {
    if (this.indexes.has(name)) return;
    const index = new Index(valueOf);
    for (const [key, object] of this.cache) index.update(key, object);
    this.indexes.set(name, index);
    this.indexList.push(index);
  }

  /** The cached objects whose `name` index value is `value`, in the order `list()` gives them. */
  byIndex(name: string, value: string): ObjectOfKind<K>[] {
    const group = this.indexes.get(name)!.group(value);
    return group ? this.inOrder(group) : [];
  }

  /** How many cached objects have `value` in index `name`. */
  countIndex(name: string, value: string): number {
    return this.indexes.get(name)!.group(value)?.size ?? 0;
  }

  /** The cached objects with these keys (absent ones left out), in the order `list()` gives them. */
  inOrder(keys: Iterable<string>): ObjectOfKind<K>[] {
    const found: string[] = [];
    for (const key of keys) if (this.cache.has(key)) found.push(key);
    found.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    return found.map((key) => this.cache.get(key)!);
  }

  /** Starts (or restarts: a restarted process remembers nothing) with an empty cache, a fresh list, then a watch. */
  start(): void {
    this.halt();
    this.cache.clear();
    this.version++;
    this.position.clear();
    for (const index of this.indexes.values()) index.clear();
    this.generation++;
    this.failures = 0;
    this.connect();
  }

  /**
   * Watches, and lists: the list brings the cache up to date (after a broken connection too: what
   * changed meanwhile is applied, what is gone deleted). If kube-apiserver is down, or its process
   * ends later, the connection breaks and is tried again after a backoff.
   */
  private connect(): void {
    const attempt = ++this.attempt;
    const broken = () => {
      if (attempt === this.attempt) this.broken();
    };
    const selector = this.selector;
    const nodeName = typeof selector === 'object' ? selector.nodeName : undefined;
    const filter =
      nodeName === undefined ? (selector as ((o: KubeObject) => boolean) | undefined) : undefined;
    const routine = this.routine as ((o: KubeObject) => boolean) | undefined;
    this.stop = this.api.watch({
      watcher: this.owner,
      kind: this.kind,
      ...(nodeName !== undefined ? { nodeName } : {}),
      ...(filter ? { filter } : {}),
      ...(routine ? { routine } : {}),
      onEvent: (type, object, key) => this.apply(type, object as ObjectOfKind<K>, key),
      onBroken: broken,
    });
    this.api.list(
      this.owner,
      this.kind,
      filter,
      (result) => {
        if (attempt !== this.attempt || !result.ok) return;
        this.failures = 0;
        const fresh = new Map(
          result.items.map((o) => [objectKey(o.metadata.namespace, o.metadata.name), o as ObjectOfKind<K>]),
        );
        for (const [key, old] of this.cache) if (!fresh.has(key)) this.apply('DELETED', old);
        for (const o of fresh.values())
          this.apply(
            this.cache.has(objectKey(o.metadata.namespace, o.metadata.name)) ? 'MODIFIED' : 'ADDED',
            o,
          );
        this.synced = true;
      },
      nodeName,
      broken,
    );
  }

  /**
   * The connection broke (refused, or kube-apiserver's process ended): list and watch again after
   * client-go's reflector backoff, 800 ms doubling to 30 s, each wait stretched by up to 100 %.
   * The cache stays as it was meanwhile, stale.
   */
  private broken(): void {
    this.stop?.();
    this.stop = null;
    const attempt = ++this.attempt;
    const base = Math.min(RETRY_INITIAL_MS * 2 ** this.failures, RETRY_MAX_MS);
    this.failures++;
    const sim = this.api.sim;
    sim.after(base + sim.rng.int(0, base), () => {
      if (attempt === this.attempt) this.connect();
    });
  }

  /** Stops watching (the component went down); the cache stays as it was, stale. */
  halt(): void {
    this.attempt++;
    this.stop?.();
    this.stop = null;
    this.synced = false;
  }

  private apply(
    type: WatchEventType,
    object: ObjectOfKind<K>,
    key = objectKey(object.metadata.namespace, object.metadata.name),
  ): void {
    const old = this.cache.get(key);
    if (type === 'DELETED') {
      if (!old) return;
      this.cache.delete(key);
      this.version++;
      this.position.delete(key);
      for (let i = 0; i < this.indexList.length; i++) this.indexList[i]!.update(key, undefined);
      for (const h of this.handlers) h.onDelete?.(object);
      return;
    }
    // An older version than the one cached (a list crossing a watch event) changes nothing.
    if (old && atLeast(old.metadata.resourceVersion, object.metadata.resourceVersion)) return;
    this.cache.set(key, object);
    this.version++;
    if (!old) this.position.set(key, this.nextPosition++);
    for (let i = 0; i < this.indexList.length; i++) this.indexList[i]!.update(key, object);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(object, old);
      else h.onAdd?.(object);
    }
  }
}

/**
 * Whether resourceVersion `a` is at least `b`. Stored objects carry etcd revisions written as plain
 * decimals (no sign, no leading zeros), so the longer is the larger and equal lengths compare as
 * text, as their numbers would: no string-to-number parsing on every watch event.
 */
function atLeast(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a >= b;
}
