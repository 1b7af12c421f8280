/**
 * kube-apiserver: the cluster's single entry. Each request arrives as a message and goes through
 * authentication, authorization, defaulting and admission, validation, a resourceVersion check and
 * persistence in etcd (another message); every committed change then fans out to the watchers
 * whose watch it matches (one message each).
 */
import { etcdKey, RESOURCES } from '../api/resources';
import type { Kind, KubeObject, Pod, Service } from '../api/types';
import { timestamp } from '../core/time';
import type { Etcd } from '../etcd/etcd';
import type { Sim } from '../sim';
import { componentId, type Endpoint } from '../topology';
import { objectRef, type ObjectRef } from '../trace';
import { admitCreate } from './admission';
import { authorize } from './authorization';
import { userOf, type UserInfo } from './identity';
import {
  alreadyExists,
  conflict,
  etcdUnavailable,
  forbidden,
  invalid,
  notFound,
  type ApiRequest,
  type ApiResult,
  type ListResult,
  type StatusError,
} from './request';
import { validate } from './validation';

export const APISERVER = componentId('kube-apiserver');
export const ETCD = componentId('etcd');

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Watch {
  readonly watcher: Endpoint;
  readonly kind: Kind;
  /** Only objects for which this holds. */
  readonly filter?: (object: KubeObject) => boolean;
  /**
   * The field selector `spec.nodeName=<node>` (a kubelet's pod watch): only pods bound to that
   * node; on Nodes, `metadata.name=<node>` (a kubelet's watch on its own Node). kube-apiserver's
   * watch cache indexes it, so a change reaches such a watch without every other node's watch being asked.
   */
  readonly nodeName?: string;
  readonly onEvent: (type: WatchEventType, object: KubeObject) => void;
  /** Routine traffic (leases, status reports) is marked so the UI can dim it. */
  readonly routine?: (object: KubeObject) => boolean;
}

export interface RequestOptions {
  readonly routine?: boolean;
  /** Which controller inside kube-controller-manager sends it (for its service-account identity). */
  readonly as?: UserInfo;
}

const LATENCY = { request: 2, etcd: 3, watch: 1 } as const;

const SERVICE_CIDR_BASE = [10, 96, 0];

/** A registered watch and its place in registration order (watch events go out in that order). */
interface Registered {
  readonly watch: Watch;
  readonly seq: number;
}

/** The watches on one kind: those without a node selector, and those with one, by node. */
interface KindWatches {
  all: Registered[];
  readonly byNode: Map<string, Registered[]>;
}

export class ApiServer {
  private readonly watches = new Map<Kind, KindWatches>();
  private watchSeq = 0;
  private readonly usedClusterIPs = new Set<string>();

  constructor(
    private readonly sim: Sim,
    private readonly etcd: Etcd,
  ) {}

  get up(): boolean {
    return this.sim.isUp(APISERVER);
  }

  /** Registers a watch; returns a function that ends it. */
  watch(w: Watch): () => void {
    let kindWatches = this.watches.get(w.kind);
    if (!kindWatches) this.watches.set(w.kind, (kindWatches = { all: [], byNode: new Map() }));
    const entry: Registered = { watch: w, seq: this.watchSeq++ };
    const { byNode } = kindWatches;
    if (w.nodeName === undefined) kindWatches.all.push(entry);
    else {
      const list = byNode.get(w.nodeName);
      if (list) list.push(entry);
      else byNode.set(w.nodeName, [entry]);
    }
    return () => {
      const current = this.watches.get(w.kind)!;
      if (w.nodeName === undefined) current.all = current.all.filter((x) => x !== entry);
      else {
        const rest = (byNode.get(w.nodeName) ?? []).filter((x) => x !== entry);
        if (rest.length) byNode.set(w.nodeName, rest);
        else byNode.delete(w.nodeName);
      }
    };
  }

  /** Sends a request from `from`; `done` hears the result when it is known. */
  request(
    from: Endpoint,
    req: ApiRequest,
    done?: (result: ApiResult) => void,
    options: RequestOptions = {},
  ): void {
    const user = options.as ?? userOf(from);
    this.sim.send(
      from,
      APISERVER,
      {
        kind: 'request',
        summary: summaryOf(req),
        object: refOf(req),
        latency: LATENCY.request,
        routine: options.routine === true,
      },
      () => this.handle(from, user, req, done ?? noop, options.routine ?? false),
    );
  }

  /**
   * Lists objects of a kind (from the watch cache, as informers' initial list does); the answer is
   * a message back. `nodeName`: only pods bound to that node (`spec.nodeName=<node>`), read from
   * the index, or that Node alone.
   */
  list(
    from: Endpoint,
    kind: Kind,
    filter: ((o: KubeObject) => boolean) | undefined,
    done: (result: ListResult) => void,
    nodeName?: string,
  ): void {
    const user = userOf(from);
    this.sim.send(
      from,
      APISERVER,
      { kind: 'request', summary: `GET ${collectionPath(kind)}`, latency: LATENCY.request },
      () => {
        const refusal = authorize(user, 'list', kind, undefined, undefined);
        if (refusal !== null) {
          done({
            ok: false,
            error: forbidden(user.name, 'list', kind, undefined, undefined, refusal || undefined),
          });
          return;
        }
        const stored =
          nodeName === undefined
            ? this.etcd.range(RESOURCES[kind].etcdPrefix).map((kv) => kv.value)
            : kind === 'Pod'
              ? this.podsOn(nodeName)
              : [this.etcd.get(etcdKey(kind, undefined, nodeName))?.value].filter((o) => o !== undefined);
        const items = filter ? stored.filter(filter) : stored;
        this.sim.send(
          APISERVER,
          from,
          {
            kind: 'list',
            summary: `${RESOURCES[kind].resource}: ${items.length} items`,
            latency: LATENCY.watch,
          },
          () => done({ ok: true, items }),
        );
      },
    );
  }

  /** The etcd keys of the pods bound to each node (the watch cache's spec.nodeName index); built at first use. */
  private podKeysByNode: Map<string, Set<string>> | null = null;

  /** The stored pods bound to `nodeName`, in key order (as a range read gives them). */
  private podsOn(nodeName: string): KubeObject[] {
    if (!this.podKeysByNode) {
      this.podKeysByNode = new Map();
      for (const kv of this.etcd.range(RESOURCES.Pod.etcdPrefix)) this.indexPod(kv.key, undefined, kv.value);
    }
    const keys = [...(this.podKeysByNode.get(nodeName) ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return keys.map((key) => this.etcd.get(key)!.value);
  }

  /** Keeps the node index up to date with a pod write at `key` (from what etcd held just before). */
  private indexPod(key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    const index = this.podKeysByNode;
    const from = nodeNameOf(before);
    const to = nodeNameOf(after);
    if (!index || from === to) return;
    if (from !== undefined) {
      const keys = index.get(from)!;
      keys.delete(key);
      if (keys.size === 0) index.delete(from);
    }
    if (to !== undefined) {
      const keys = index.get(to);
      if (keys) keys.add(key);
      else index.set(to, new Set([key]));
    }
  }

  /** The stored object, read straight from etcd (for the engine's own bookkeeping and tests, not a component's view). */
  peek(kind: Kind, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.etcd.get(etcdKey(kind, namespace, name))?.value;
  }

  private handle(
    from: Endpoint,
    user: UserInfo,
    req: ApiRequest,
    done: (r: ApiResult) => void,
    routine: boolean,
  ): void {
    const fail = (error: StatusError) => {
      this.sim.send(
        APISERVER,
        from,
        {
          kind: 'error',
          summary: `${error.code} ${error.reason}`,
          object: refOf(req),
          latency: LATENCY.watch,
        },
        () => done({ ok: false, error }),
      );
    };
    const info = RESOURCES[req.kind];
    const namespace = info.namespaced
      ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
      : undefined;
    let name = req.name ?? req.object?.metadata.name ?? '';
    if (req.verb === 'create' && !name && req.object?.metadata.generateName) {
      name = `${req.object.metadata.generateName}${this.sim.rng.suffix(5)}`;
    }
    const key = etcdKey(req.kind, namespace, name);
    const current = this.etcd.get(key)?.value;

    const refusal = authorize(user, req.verb, req.kind, req.object, current);
    if (refusal !== null)
      return fail(
        forbidden(user.name, req.verb, req.kind, namespace, name || undefined, refusal || undefined),
      );

    if (namespace && req.verb === 'create' && !this.etcd.get(etcdKey('Namespace', undefined, namespace))) {
      return fail(notFound('Namespace', namespace));
    }

    const now = timestamp(this.sim.now);
    // etcd writes compare-and-swap on what was read: a write that lost a race is worked out again (GuaranteedUpdate).
    const again = () => this.handle(from, user, req, done, routine);
    switch (req.verb) {
      case 'get':
        if (!current) return fail(notFound(req.kind, name));
        return done({ ok: true, object: current });
      case 'create': {
        if (!req.object)
          return fail({ code: 400, reason: 'BadRequest', message: 'the request has no object' });
        if (current) return fail(alreadyExists(req.kind, name));
        const draft = {
          ...req.object,
          metadata: {
            ...req.object.metadata,
            name,
            ...(namespace ? { namespace } : {}),
            uid: this.sim.rng.uuid(),
            creationTimestamp: now,
            resourceVersion: '',
            ...(req.kind === 'Deployment' || req.kind === 'ReplicaSet' ? { generation: 1 } : {}),
          },
        } as KubeObject;
        const admitted = admitCreate(draft, now, (svc) => this.allocateClusterIP(svc));
        const errors = validate(admitted);
        if (errors.length) return fail(invalid(req.kind, name, errors));
        return this.persist(from, key, admitted, undefined, done, fail, routine, again, true);
      }
      case 'update':
      case 'updateStatus': {
        if (!current || !req.object) return fail(notFound(req.kind, name));
        const rv = req.object.metadata.resourceVersion;
        if (rv && rv !== current.metadata.resourceVersion) return fail(conflict(req.kind, name));
        const next = mergeUpdate(req.verb, current, req.object);
        const errors = validate(next, true);
        if (errors.length) return fail(invalid(req.kind, name, errors));
        // An update's merged object and metadata are new (see mergeUpdate); a status update shares metadata.
        return this.persist(from, key, next, current, done, fail, routine, again, req.verb === 'update');
      }
      case 'patch': {
        if (!current || !req.object || !('spec' in current) || !('spec' in req.object))
          return fail(notFound(req.kind, name));
        // A merge patch of spec onto what is stored: nothing else changes, and no resourceVersion is checked.
        const next = { ...current, spec: { ...current.spec, ...req.object.spec } } as KubeObject;
        const errors = validate(next, true);
        if (errors.length) return fail(invalid(req.kind, name, errors));
        return this.persist(from, key, next, current, done, fail, routine, again);
      }
      case 'bind': {
        if (!current || current.kind !== 'Pod') return fail(notFound('Pod', name));
        if (current.spec.nodeName)
          return fail(
            conflict('Pod', name, `pod ${name} is already assigned to node "${current.spec.nodeName}"`),
          );
        if (current.metadata.deletionTimestamp) return fail(conflict('Pod', name, 'pod is being deleted'));
        const bound: Pod = {
          ...current,
          spec: { ...current.spec, nodeName: req.target ?? '' },
          status: {
            ...current.status,
            conditions: [
              ...(current.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
              { type: 'PodScheduled', status: 'True', lastTransitionTime: now, lastProbeTime: null },
            ],
          },
        };
        return this.persist(from, key, bound, current, done, fail, routine, again);
      }
      case 'delete': {
        if (!current) return fail(notFound(req.kind, name));
        if (
          current.kind === 'Pod' &&
          current.spec.nodeName &&
          current.status.phase !== 'Succeeded' &&
          current.status.phase !== 'Failed'
        ) {
          const grace = req.gracePeriodSeconds ?? current.spec.terminationGracePeriodSeconds ?? 30;
          if (grace > 0) {
            if (current.metadata.deletionTimestamp) return done({ ok: true, object: current });
            const terminating = {
              ...current,
              metadata: {
                ...current.metadata,
                deletionTimestamp: timestamp((this.sim.now + grace * 1000) as never),
                deletionGracePeriodSeconds: grace,
              },
            };
            return this.persist(from, key, terminating, current, done, fail, routine, again);
          }
        }
        return this.persistDelete(from, key, current, done, fail, routine);
      }
      case 'list':
        return fail({ code: 400, reason: 'BadRequest', message: 'use list()' });
    }
  }

  private persist(
    from: Endpoint,
    key: string,
    next: KubeObject,
    previous: KubeObject | undefined,
    done: (r: ApiResult) => void,
    fail: (e: StatusError) => void,
    routine: boolean,
    again: () => void,
    owned = false,
  ): void {
    const ref = refOfObject(next);
    this.sim.send(
      APISERVER,
      ETCD,
      {
        kind: 'etcd',
        summary: memoText('PUT', key),
        object: ref,
        latency: LATENCY.etcd,
        routine,
      },
      () => {
        const stored = this.etcd.get(key)?.value;
        if (stored !== previous) return again();
        if (next.kind === 'Pod') this.indexPod(key, stored, next);
        const kv = this.etcd.put(key, next, this.sim.now, this.sim.cause, owned);
        this.fanOut(key, ref, kv.value, previous, routine);
        done({ ok: true, object: kv.value });
      },
    );
    this.whenEtcdDown(fail);
  }

  private persistDelete(
    from: Endpoint,
    key: string,
    current: KubeObject,
    done: (r: ApiResult) => void,
    fail: (e: StatusError) => void,
    routine: boolean,
  ): void {
    const ref = refOfObject(current);
    this.sim.send(
      APISERVER,
      ETCD,
      { kind: 'etcd', summary: memoText('DELETE', key), object: ref, latency: LATENCY.etcd },
      () => {
        const gone = this.etcd.delete(key, this.sim.now, this.sim.cause);
        if (gone?.value.kind === 'Pod') this.indexPod(key, gone.value, undefined);
        if (gone) {
          if (current.kind === 'Service' && current.spec.clusterIP)
            this.usedClusterIPs.delete(current.spec.clusterIP);
          this.fanOut(key, ref, undefined, gone.value, routine);
        }
        done({ ok: true, object: current });
      },
    );
    this.whenEtcdDown(fail);
  }

  /** With etcd down the write never lands; the client hears the timeout. */
  private whenEtcdDown(fail: (e: StatusError) => void): void {
    if (!this.sim.isUp(ETCD)) this.sim.after(LATENCY.etcd + 1, () => fail(etcdUnavailable()));
  }

  /** Tells the watches about a change at `key` (`ref` names its object). */
  private fanOut(
    key: string,
    ref: ObjectRef,
    next: KubeObject | undefined,
    previous: KubeObject | undefined,
    routine: boolean,
  ): void {
    const changed = (next ?? previous)!;
    const kindWatches = this.watches.get(changed.kind);
    if (!kindWatches) return;
    const { all, byNode } = kindWatches;
    // The watches that may care: every watch without a node selector, and those on the pod's node
    // before and after the change; merged back into registration order.
    const nodeBefore = nodeNameOf(previous);
    const nodeAfter = nodeNameOf(next);
    const onBefore = nodeBefore === undefined ? undefined : byNode.get(nodeBefore);
    const onAfter = nodeAfter === undefined || nodeAfter === nodeBefore ? undefined : byNode.get(nodeAfter);
    if (!onBefore && !onAfter) {
      for (let i = 0; i < all.length; i++) this.notify(all[i]!.watch, key, ref, next, previous, routine);
      return;
    }
    const lists = [all, onBefore ?? NONE, onAfter ?? NONE];
    const at = [0, 0, 0];
    for (;;) {
      let pick = -1;
      let seq = Infinity;
      for (let l = 0; l < 3; l++) {
        const entry = lists[l]![at[l]!];
        if (entry && entry.seq < seq) {
          seq = entry.seq;
          pick = l;
        }
      }
      if (pick < 0) return;
      this.notify(lists[pick]![at[pick]!++]!.watch, key, ref, next, previous, routine);
    }
  }

  /** Tells one watch about a change, if the object matches it before or after. */
  private notify(
    w: Watch,
    key: string,
    ref: ObjectRef,
    next: KubeObject | undefined,
    previous: KubeObject | undefined,
    routine: boolean,
  ): void {
    const before = previous !== undefined && matches(w, previous);
    const after = next !== undefined && matches(w, next);
    if (!before && !after) return;
    const type: WatchEventType = !before ? 'ADDED' : !after ? 'DELETED' : 'MODIFIED';
    const object = (after ? next : previous)!;
    const quiet = routine || (w.routine?.(object) ?? false);
    this.sim.send(
      APISERVER,
      w.watcher,
      {
        kind: 'watch',
        summary: watchText(type, key, object),
        object: ref,
        latency: LATENCY.watch,
        routine: quiet,
      },
      () => w.onEvent(type, object),
    );
  }

  private allocateClusterIP(svc: Service): string {
    const wanted =
      svc.metadata.name === 'kubernetes'
        ? 1
        : svc.metadata.name === 'kube-dns' && svc.metadata.namespace === 'kube-system'
          ? 10
          : 0;
    if (wanted) return this.take(`${SERVICE_CIDR_BASE.join('.')}.${wanted}`);
    for (let i = 11; i < 65_000; i++) {
      const ip = `${SERVICE_CIDR_BASE[0]}.${SERVICE_CIDR_BASE[1]}.${Math.floor(i / 256)}.${i % 256}`;
      if (!this.usedClusterIPs.has(ip) && i % 256 !== 0) return this.take(ip);
    }
    return '';
  }

  private take(ip: string): string {
    this.usedClusterIPs.add(ip);
    return ip;
  }
}

const noop = () => {};
const NONE: readonly Registered[] = [];

/**
 * The node a pod is bound to (what a `spec.nodeName` watch selects on), or a Node's own name (a
 * kubelet's `metadata.name` watch on its Node); undefined for other kinds.
 */
const nodeNameOf = (o: KubeObject | undefined): string | undefined =>
  o?.kind === 'Pod' ? o.spec.nodeName : o?.kind === 'Node' ? o.metadata.name : undefined;

const matches = (w: Watch, o: KubeObject) =>
  (w.nodeName === undefined || nodeNameOf(o) === w.nodeName) && (!w.filter || w.filter(o));

// Trace summaries repeat exactly (every Lease renewal of a node reads the same): each text is made once and shared.
const etcdTexts = new Map<string, string>();
/** Per etcd key: its watch events' texts, `ADDED Pod default/nginx` and so on (made on first use). */
const watchTexts = new Map<string, Partial<Record<WatchEventType, string>>>();
function watchText(type: WatchEventType, key: string, object: KubeObject): string {
  let texts = watchTexts.get(key);
  if (!texts) watchTexts.set(key, (texts = {}));
  return (texts[type] ??= `${type} ${object.kind} ${displayName(object)}`);
}
function memoText(verb: 'PUT' | 'DELETE', key: string): string {
  const cacheKey = verb === 'PUT' ? key : `-${key}`;
  let text = etcdTexts.get(cacheKey);
  if (text === undefined) etcdTexts.set(cacheKey, (text = `${verb} ${key}`));
  return text;
}

/** describe(req), made once per object and verb for updates (the frequent repeats); creates and binds are rarer. */
const described = { update: new Map<string, string>(), updateStatus: new Map<string, string>() };
function summaryOf(req: ApiRequest): string {
  if (req.verb !== 'update' && req.verb !== 'updateStatus') return describe(req);
  const ns = RESOURCES[req.kind].namespaced
    ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
    : undefined;
  const key = etcdKey(req.kind, ns, req.name ?? req.object?.metadata.name ?? '');
  const cache = described[req.verb];
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = describe(req)));
  return text;
}

/** update keeps the stored status; updateStatus changes only status (the /status subresource). */
function mergeUpdate(verb: 'update' | 'updateStatus', current: KubeObject, incoming: KubeObject): KubeObject {
  const meta = current.metadata;
  if (verb === 'updateStatus')
    return { ...current, status: (incoming as { status?: unknown }).status } as KubeObject;
  const merged = {
    ...incoming,
    metadata: {
      ...incoming.metadata,
      uid: meta.uid,
      creationTimestamp: meta.creationTimestamp,
      name: meta.name,
      namespace: meta.namespace,
    },
  } as KubeObject;
  if ('status' in current) (merged as { status: unknown }).status = current.status;
  if (
    (current.kind === 'Deployment' || current.kind === 'ReplicaSet') &&
    JSON.stringify(current.spec) !== JSON.stringify((incoming as typeof current).spec)
  ) {
    merged.metadata.generation = (current.metadata.generation ?? 1) + 1;
  }
  if (meta.deletionTimestamp) merged.metadata.deletionTimestamp = meta.deletionTimestamp;
  return merged;
}

const displayName = (o: KubeObject) =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

const refOfObject = (o: KubeObject) => objectRef(o.kind, o.metadata.namespace, o.metadata.name);

function refOf(req: ApiRequest) {
  const name = req.name ?? req.object?.metadata.name ?? req.object?.metadata.generateName ?? '';
  const namespace = RESOURCES[req.kind].namespaced
    ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
    : undefined;
  return objectRef(req.kind, namespace, name);
}

function collectionPath(kind: Kind, namespace?: string): string {
  const info = RESOURCES[kind];
  const base = info.apiVersion === 'v1' ? '/api/v1' : `/apis/${info.apiVersion}`;
  return `${base}${info.namespaced && namespace ? `/namespaces/${namespace}` : ''}/${info.resource}`;
}

/** The REST call a request is, e.g. `PUT /api/v1/namespaces/default/pods/nginx/status`. */
export function describe(req: ApiRequest): string {
  const ns = RESOURCES[req.kind].namespaced
    ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
    : undefined;
  const name = req.name ?? req.object?.metadata.name ?? '';
  const item = `${collectionPath(req.kind, ns)}/${name}`;
  switch (req.verb) {
    case 'create':
      return `POST ${collectionPath(req.kind, ns)}`;
    case 'update':
      return `PUT ${item}`;
    case 'updateStatus':
      return `PUT ${item}/status`;
    case 'patch':
      return `PATCH ${item}`;
    case 'bind':
      return `POST ${item}/binding → ${req.target}`;
    case 'delete':
      return `DELETE ${item}`;
    case 'get':
      return `GET ${item}`;
    case 'list':
      return `GET ${collectionPath(req.kind, ns)}`;
  }
}
