/**
 * Everything kube-apiserver derives from an object's identity (kind, namespace, name): its etcd
 * key, the informer key, the trace's object reference and the trace texts about it. A busy run
 * handles millions of requests about a few thousand objects, so each object's record is made once
 * and found with one lookup; the texts inside are made on first use.
 */
import { etcdKey, objectKey, RESOURCES } from '../api/resources';
import type { Kind } from '../api/types';
import { objectRef, type ObjectRef } from '../trace';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export class StoredKeys {
  /** The etcd key, `/registry/pods/default/nginx`. */
  readonly key: string;
  /** The informers' key: `namespace/name`, or `name` for cluster-scoped objects. */
  readonly objectKey: string;
  readonly ref: ObjectRef;
  private put?: string;
  private del?: string;
  private update?: string;
  private updateStatus?: string;
  private patch?: string;
  private patchStatus?: string;
  private readonly watch: Partial<Record<WatchEventType, string>> = {};

  constructor(
    readonly kind: Kind,
    /** The namespace ('' for cluster-scoped kinds). */
    readonly namespace: string,
    readonly name: string,
  ) {
    const ns = namespace || undefined;
    if (kind === 'Event') {
      // Every Event has a name of its own, written once or twice: nothing to share, so nothing is kept.
      this.key = `${RESOURCES.Event.etcdPrefix}${namespace}/${name}`;
      this.objectKey = `${namespace}/${name}`;
      this.ref = { kind, name, namespace };
    } else {
      this.key = etcdKey(kind, ns, name);
      this.objectKey = objectKey(ns, name);
      this.ref = objectRef(kind, ns, name);
    }
  }

  /** `PUT /registry/...`, kube-apiserver's write to etcd. */
  get putText(): string {
    return (this.put ??= `PUT ${this.key}`);
  }

  /** `GET /registry/...`, a quorum read. */
  get getText(): string {
    return `GET ${this.key}`;
  }

  /** `DELETE /registry/...`. */
  get deleteText(): string {
    return (this.del ??= `DELETE ${this.key}`);
  }

  /** `MODIFIED Pod default/nginx`: a watch event's text. */
  watchText(type: WatchEventType): string {
    return (this.watch[type] ??= `${type} ${this.kind} ${this.namespace ? this.objectKey : this.name}`);
  }

  /**
   * The REST call of an update (`PUT /api/v1/namespaces/default/pods/nginx`) or a status update
   * (`…/status`), or of the same sent as a PATCH.
   */
  updateText(status: boolean, patch = false): string {
    if (patch)
      return status
        ? (this.patchStatus ??= `PATCH ${this.itemPath()}/status`)
        : (this.patch ??= `PATCH ${this.itemPath()}`);
    if (status) return (this.updateStatus ??= `PUT ${this.itemPath()}/status`);
    return (this.update ??= `PUT ${this.itemPath()}`);
  }

  private itemPath(): string {
    const info = RESOURCES[this.kind];
    const base = info.apiVersion === 'v1' ? '/api/v1' : `/apis/${info.apiVersion}`;
    const ns = this.namespace ? `/namespaces/${this.namespace}` : '';
    return `${base}${ns}/${info.resource}/${this.name}`;
  }
}

const records = new Map<Kind, Map<string, Map<string, StoredKeys>>>();

/** The record for an object; `namespace` is ignored for cluster-scoped kinds and defaults to `default`. */
export function storedKeys(kind: Kind, namespace: string | undefined, name: string): StoredKeys {
  const ns = RESOURCES[kind].namespaced ? (namespace ?? 'default') : '';
  if (kind === 'Event') return new StoredKeys(kind, ns, name);
  let byNamespace = records.get(kind);
  if (!byNamespace) records.set(kind, (byNamespace = new Map()));
  let byName = byNamespace.get(ns);
  if (!byName) byNamespace.set(ns, (byName = new Map()));
  let record = byName.get(name);
  if (!record) byName.set(name, (record = new StoredKeys(kind, ns, name)));
  return record;
}
