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

/** The field selector `spec.nodeName=<node>`: only the pods bound to one node (a kubelet's view). */
export interface NodeSelector {
  readonly nodeName: string;
}

export class Informer<K extends Kind> {
  private readonly cache = new Map<string, ObjectOfKind<K>>();
  private readonly handlers: InformerHandlers<ObjectOfKind<K>>[] = [];
  private stop: (() => void) | null = null;
  synced = false;

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

  /** Starts (or restarts: a restarted process remembers nothing) with an empty cache, a fresh list, then a watch. */
  start(): void {
    this.halt();
    this.cache.clear();
    const selector = this.selector;
    const nodeName = typeof selector === 'object' ? selector.nodeName : undefined;
    const filter =
      nodeName !== undefined
        ? (o: KubeObject) => o.kind === 'Pod' && o.spec.nodeName === nodeName
        : (selector as ((o: KubeObject) => boolean) | undefined);
    const routine = this.routine as ((o: KubeObject) => boolean) | undefined;
    this.stop = this.api.watch({
      watcher: this.owner,
      kind: this.kind,
      ...(nodeName !== undefined ? { nodeName } : filter ? { filter } : {}),
      ...(routine ? { routine } : {}),
      onEvent: (type, object) => this.apply(type, object as ObjectOfKind<K>),
    });
    this.api.list(this.owner, this.kind, filter, (result) => {
      if (!result.ok) return;
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
    });
  }

  /** Stops watching (the component went down); the cache stays as it was, stale. */
  halt(): void {
    this.stop?.();
    this.stop = null;
    this.synced = false;
  }

  private apply(type: WatchEventType, object: ObjectOfKind<K>): void {
    const key = objectKey(object.metadata.namespace, object.metadata.name);
    const old = this.cache.get(key);
    if (type === 'DELETED') {
      if (!old) return;
      this.cache.delete(key);
      for (const h of this.handlers) h.onDelete?.(object);
      return;
    }
    // An older version than the one cached (a list crossing a watch event) changes nothing.
    if (old && Number(old.metadata.resourceVersion) >= Number(object.metadata.resourceVersion)) return;
    this.cache.set(key, object);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(object, old);
      else h.onAdd?.(object);
    }
  }
}
