/**
 * kube-apiserver: the cluster's single entry. Each request arrives as a message and goes through
 * authentication, authorization, defaulting and admission, validation, a resourceVersion check and
 * persistence in etcd (another message); every committed change then fans out to the watchers
 * whose watch it matches (one message each).
 */
import { etcdKey, RESOURCES } from '../api/resources';
import type { Kind, KubeObject, Lease, Service } from '../api/types';
import { microTimestamp, timestamp } from '../core/time';
import type { Etcd } from '../etcd/etcd';
import type { Route, Sim } from '../sim';
import { componentId, type Endpoint } from '../topology';
import { admitCreate, defaultOnWrite } from './admission';
import { authorize } from './authorization';
import { userOf, type UserInfo } from './identity';
import {
  alreadyExists,
  conflict,
  connectionRefused,
  etcdUnavailable,
  forbidden,
  invalid,
  notFound,
  type ApiRequest,
  type ApiResult,
  type ListResult,
  type StatusError,
} from './request';
import { storedKeys, type StoredKeys, type WatchEventType } from './storedKeys';
import { validate } from './validation';
import { bound, created, evictionMarked, mergeUpdate, patched, withTemplateGeneration } from './strategy';
import { collectionPath, describe, refOf } from './requestText';
import { IDENTITY_LEASE_NAME, IDENTITY_RENEW_MS, identityLease } from './identityLease';
import { extendable } from '../core/extendable';

export const APISERVER = componentId('kube-apiserver');
export const ETCD = componentId('etcd');

export type { WatchEventType };

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
  /** `key`: the object's informer key (`namespace/name`), made once for every watch told. */
  readonly onEvent: (type: WatchEventType, object: KubeObject, key: string) => void;
  /** Routine traffic (leases, status reports) is marked so the UI can dim it. */
  readonly routine?: (object: KubeObject) => boolean;
  /** kube-apiserver's process ended: the watch's connection is gone (the watcher must watch again). */
  readonly onBroken?: () => void;
}

export interface RequestOptions {
  readonly routine?: boolean;
  /** Which controller inside kube-controller-manager sends it (for its service-account identity). */
  readonly as?: UserInfo;
  /**
   * The client hears when kube-apiserver is down: `done` gets a ConnectionRefused error when the
   * request would have arrived (without it, a request to a stopped kube-apiserver just goes unanswered).
   */
  readonly refused?: boolean;
}

const LATENCY = { request: 2, etcd: 3, watch: 1 } as const;

/** kube-apiserver's --event-ttl: etcd keeps an Event for an hour after its last write. */
export const EVENT_TTL_MS = 3_600_000;

const SERVICE_CIDR_BASE = [10, 96, 0];

/** A registered watch and its place in registration order (watch events go out in that order). */
interface Registered {
  readonly watch: Watch;
  readonly seq: number;
  /** kube-apiserver → the watcher, checked when the watch began. */
  readonly route: Route;
}

/** A client as kube-apiserver knows it: who its credentials say it is, and its checked route in. */
interface Client {
  readonly user: UserInfo;
  readonly route: Route;
  /** kube-apiserver → the client: list answers and refusals. */
  readonly back: Route;
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
  private readonly clients = new Map<Endpoint, Client>();
  private readonly toEtcd: Route;
  private readonly fromEtcd: Route;

  constructor(
    readonly sim: Sim,
    private readonly etcd: Etcd,
  ) {
    this.toEtcd = sim.route(APISERVER, ETCD);
    this.fromEtcd = sim.route(ETCD, APISERVER);
  }

  private client(from: Endpoint): Client {
    let client = this.clients.get(from);
    if (!client)
      this.clients.set(
        from,
        (client = {
          user: userOf(from),
          route: this.sim.route(from, APISERVER),
          back: this.sim.route(APISERVER, from),
        }),
      );
    return client;
  }

  get up(): boolean {
    return this.sim.isUp(APISERVER);
  }

  /** Registers a watch; returns a function that ends it. */
  watch(w: Watch): () => void {
    let kindWatches = this.watches.get(w.kind);
    if (!kindWatches) this.watches.set(w.kind, (kindWatches = { all: [], byNode: new Map() }));
    const entry: Registered = { watch: w, seq: this.watchSeq++, route: this.sim.route(APISERVER, w.watcher) };
    const { byNode } = kindWatches;
    if (w.nodeName === undefined) kindWatches.all.push(entry);
    else {
      const list = byNode.get(w.nodeName);
      if (list) list.push(entry);
      else byNode.set(w.nodeName, [entry]);
    }
    return () => {
      // (Gone already if kube-apiserver's process ended since: its watches went with it.)
      const current = this.watches.get(w.kind);
      if (!current) return;
      if (w.nodeName === undefined) current.all = current.all.filter((x) => x !== entry);
      else {
        const rest = (current.byNode.get(w.nodeName) ?? []).filter((x) => x !== entry);
        if (rest.length) current.byNode.set(w.nodeName, rest);
        else current.byNode.delete(w.nodeName);
      }
    };
  }

  /** Bumped at each process start and end: the identity Lease's renewals belong to one process. */
  private processEpoch = 0;

  /**
   * The process starts: a new server ID (the holder of its identity Lease), renewed every 10 s by
   * kube-apiserver itself, straight to etcd.
   */
  processStarted(): void {
    const epoch = ++this.processEpoch;
    const holder = `${IDENTITY_LEASE_NAME}_${this.sim.rng.uuid()}`;
    const keys = storedKeys('Lease', 'kube-system', IDENTITY_LEASE_NAME);
    const renew = () => {
      if (epoch !== this.processEpoch || !this.up) return;
      this.sim.sendOn(
        this.toEtcd,
        { kind: 'etcd', summary: keys.putText, object: keys.ref, latency: LATENCY.etcd, routine: true },
        () => {
          const current = this.etcd.get(keys.key)?.value as Lease | undefined;
          const now = this.sim.now;
          const next = identityLease(current, holder, microTimestamp(now), {
            uid: current?.metadata.uid ?? this.sim.rng.uuid(),
            creationTimestamp: current?.metadata.creationTimestamp ?? timestamp(now),
          });
          const kv = this.etcd.putIf(keys.key, current, next, now, this.sim.cause);
          if (kv) this.fanOut(keys, kv.value, current, true);
        },
      );
      this.sim.after(IDENTITY_RENEW_MS, renew);
    };
    renew();
  }

  /**
   * The process ends: every watch connection is closed. Each watcher hears it (a reflector's watch
   * fails) and must list and watch again, against a kube-apiserver that is down until it starts.
   */
  processEnded(): void {
    this.processEpoch++;
    const broken: Registered[] = [];
    for (const kindWatches of this.watches.values()) {
      broken.push(...kindWatches.all);
      for (const entries of kindWatches.byNode.values()) broken.push(...entries);
    }
    this.watches.clear();
    // In registration order: the watchers hear it in a fixed order, whatever the map's.
    broken.sort((a, b) => a.seq - b.seq);
    for (const entry of broken) entry.watch.onBroken?.();
  }

  /** Sends a request from `from`; `done` hears the result when it is known. */
  request(
    from: Endpoint,
    req: ApiRequest,
    done?: (result: ApiResult) => void,
    options: RequestOptions = {},
  ): void {
    const client = this.client(from);
    const user = options.as ?? client.user;
    // A create with only a generateName has no key until kube-apiserver picks the name.
    const name = req.name ?? req.object?.metadata.name;
    // (A patch's object may have no metadata at all: it carries only what changes.)
    const keys = name
      ? storedKeys(
          req.kind,
          req.namespace ?? (req.object?.metadata as KubeObject['metadata'] | undefined)?.namespace,
          name,
        )
      : null;
    this.sim.sendOn(
      client.route,
      {
        kind: 'request',
        summary:
          keys && (req.verb === 'update' || req.verb === 'updateStatus')
            ? keys.updateText(req.verb === 'updateStatus', req.asPatch === true)
            : describe(req),
        object: keys?.ref ?? refOf(req),
        latency: LATENCY.request,
        routine: options.routine === true,
      },
      () => this.handle(from, user, req, keys, done ?? noop, options.routine ?? false),
      options.refused && done ? () => done({ ok: false, error: connectionRefused() }) : undefined,
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
    /** Runs if kube-apiserver is down when the request arrives (the connection is refused). */
    refused?: () => void,
  ): void {
    const client = this.client(from);
    const user = client.user;
    this.sim.sendOn(
      client.route,
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
        this.sim.sendOn(
          client.back,
          {
            kind: 'list',
            summary: `${RESOURCES[kind].resource}: ${items.length} ${items.length === 1 ? 'item' : 'items'}`,
            latency: LATENCY.watch,
          },
          () => done({ ok: true, items }),
        );
      },
      refused,
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
    named: StoredKeys | null,
    done: (r: ApiResult) => void,
    routine: boolean,
  ): void {
    const info = RESOURCES[req.kind];
    const namespace = info.namespaced
      ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
      : undefined;
    let name = req.name ?? req.object?.metadata.name ?? '';
    if (req.verb === 'create' && !name && req.object?.metadata.generateName) {
      name = `${req.object.metadata.generateName}${this.sim.rng.suffix(5)}`;
    }
    const keys = named ?? storedKeys(req.kind, namespace, name);
    const key = keys.key;
    const current = this.etcd.get(key)?.value;

    const refusal = authorize(user, req.verb, req.kind, req.object, current);
    if (refusal !== null)
      return this.fail(
        from,
        req,
        done,
        forbidden(user.name, req.verb, req.kind, namespace, name || undefined, refusal || undefined),
      );

    if (namespace && req.verb === 'create' && !this.etcd.get(etcdKey('Namespace', undefined, namespace))) {
      return this.fail(from, req, done, notFound('Namespace', namespace));
    }

    const now = timestamp(this.sim.now);
    switch (req.verb) {
      case 'get':
        return this.quorumRead(from, keys, req, name, done);
      case 'create': {
        if (!req.object)
          return this.fail(from, req, done, {
            code: 400,
            reason: 'BadRequest',
            message: 'the request has no object',
          });
        if (current) return this.fail(from, req, done, alreadyExists(req.kind, name));
        const draft = created(req.kind, req.object, name, namespace, this.sim.rng.uuid(), now);
        const admitted = admitCreate(draft, now, (svc) => this.allocateClusterIP(svc));
        const errors = validate(admitted);
        if (errors.length) return this.fail(from, req, done, invalid(req.kind, name, errors));
        return this.persist(from, user, keys, admitted, undefined, done, req, routine, true);
      }
      case 'update':
      case 'updateStatus': {
        if (!current || !req.object) return this.fail(from, req, done, notFound(req.kind, name));
        const rv = req.object.metadata.resourceVersion;
        if (rv && rv !== current.metadata.resourceVersion)
          return this.fail(from, req, done, conflict(req.kind, name));
        const incoming = req.verb === 'update' ? defaultOnWrite(req.object) : req.object;
        const next = withTemplateGeneration(current, mergeUpdate(req.verb, current, incoming));
        // The /status subresource validates only what it may change (ValidatePodStatusUpdate and
        // the like): the spec it carries is the stored one, already valid.
        const errors = req.verb === 'updateStatus' ? NO_ERRORS : validate(next, true);
        if (errors.length) return this.fail(from, req, done, invalid(req.kind, name, errors));
        // An update's merged object and metadata are new (see mergeUpdate); a status update shares metadata.
        return this.persist(from, user, keys, next, current, done, req, routine, req.verb === 'update');
      }
      case 'patch': {
        if (!current || !req.object) return this.fail(from, req, done, notFound(req.kind, name));
        // A JSON merge patch of labels, annotations and spec onto what is stored, with no
        // resourceVersion precondition (kubectl apply, node-ipam-controller).
        const next = withTemplateGeneration(current, patched(current, req.object));
        const errors = validate(next, true);
        if (errors.length) return this.fail(from, req, done, invalid(req.kind, name, errors));
        return this.persist(from, user, keys, next, current, done, req, routine);
      }
      case 'bind': {
        if (!current || current.kind !== 'Pod') return this.fail(from, req, done, notFound('Pod', name));
        if (current.spec.nodeName)
          return this.fail(
            from,
            req,
            done,
            conflict('Pod', name, `pod ${name} is already assigned to node "${current.spec.nodeName}"`),
          );
        if (current.metadata.deletionTimestamp)
          return this.fail(from, req, done, conflict('Pod', name, 'pod is being deleted'));
        return this.persist(
          from,
          user,
          keys,
          bound(current, req.target ?? '', now),
          current,
          done,
          req,
          routine,
        );
      }
      case 'delete': {
        if (!current) return this.fail(from, req, done, notFound(req.kind, name));
        if (
          current.kind === 'Pod' &&
          current.spec.nodeName &&
          current.status.phase !== 'Succeeded' &&
          current.status.phase !== 'Failed'
        ) {
          const grace = req.gracePeriodSeconds ?? current.spec.terminationGracePeriodSeconds ?? 30;
          if (grace > 0) {
            if (current.metadata.deletionTimestamp) return done({ ok: true, object: current });
            // Spread, then set (see `created`).
            const metadata = extendable(current.metadata);
            metadata.deletionTimestamp = timestamp((this.sim.now + grace * 1000) as never);
            metadata.deletionGracePeriodSeconds = grace;
            // BeforeDelete: the first graceful deletion changes what the object's controllers should
            // do, so a generation that is set is bumped (a pod's then reads 2).
            if (metadata.generation !== undefined && metadata.generation > 0) metadata.generation++;
            const terminating = { ...current };
            terminating.metadata = metadata;
            return this.persist(from, user, keys, terminating, current, done, req, routine);
          }
        }
        return this.persistDelete(from, keys, current, done, req, routine);
      }
      case 'evict': {
        if (!current || current.kind !== 'Pod') return this.fail(from, req, done, notFound('Pod', name));
        // registry/core/pod/storage/eviction.go with no PodDisruptionBudget to consult: the pod is
        // marked DisruptionTarget (addConditionAndDeletePod, GA since v1.31), then deleted as a
        // DELETE would delete it, with its own grace period.
        const deleteIt = () => this.handle(from, user, { ...req, verb: 'delete' }, keys, done, routine);
        if (current.status.conditions?.some((c) => c.type === 'DisruptionTarget' && c.status === 'True'))
          return deleteIt();
        const marked = { ...current, status: evictionMarked(current.status, now) };
        return this.persist(
          from,
          user,
          keys,
          marked,
          current,
          (r) => (r.ok ? deleteIt() : done(r)),
          req,
          routine,
        );
      }
      case 'list':
        return this.fail(from, req, done, { code: 400, reason: 'BadRequest', message: 'use list()' });
    }
  }

  /**
   * A GET without a resourceVersion is a quorum read: kube-apiserver asks etcd rather than its watch
   * cache, so it fails while etcd is down.
   */
  private quorumRead(
    from: Endpoint,
    keys: StoredKeys,
    req: ApiRequest,
    name: string,
    done: (r: ApiResult) => void,
  ): void {
    this.sim.sendOn(
      this.toEtcd,
      { kind: 'etcd', summary: keys.getText, object: keys.ref, latency: LATENCY.etcd },
      () => {
        const kv = this.etcd.get(keys.key);
        if (!kv) return this.fail(from, req, done, notFound(req.kind, name));
        done({ ok: true, object: kv.value });
      },
    );
    this.whenEtcdDown(from, req, done);
  }

  /** Refuses a request: the error goes back to the client as a message. */
  private fail(from: Endpoint, req: ApiRequest, done: (r: ApiResult) => void, error: StatusError): void {
    this.sim.sendOn(
      this.client(from).back,
      {
        kind: 'error',
        summary: `${error.code} ${error.reason}`,
        object: refOf(req),
        latency: LATENCY.watch,
      },
      () => done({ ok: false, error }),
    );
  }

  private persist(
    from: Endpoint,
    user: UserInfo,
    keys: StoredKeys,
    next: KubeObject,
    previous: KubeObject | undefined,
    done: (r: ApiResult) => void,
    req: ApiRequest,
    routine: boolean,
    owned = false,
  ): void {
    this.sim.sendOn(
      this.toEtcd,
      { kind: 'etcd', summary: keys.putText, object: keys.ref, latency: LATENCY.etcd, routine },
      () => {
        const key = keys.key;
        // etcd writes compare-and-swap on what was read: a write that lost a race is worked out again
        // on the newer object (GuaranteedUpdate), as the same request from the same client.
        const kv = this.etcd.putIf(key, previous, next, this.sim.now, this.sim.cause, owned);
        if (!kv) return this.handle(from, user, req, null, done, routine);
        if (next.kind === 'Pod') this.indexPod(key, previous, next);
        if (keys.kind === 'Event') this.expireLater(keys, kv.modRevision);
        this.fanOut(keys, kv.value, previous, routine);
        done({ ok: true, object: kv.value });
      },
    );
    this.whenEtcdDown(from, req, done);
  }

  private persistDelete(
    from: Endpoint,
    keys: StoredKeys,
    current: KubeObject,
    done: (r: ApiResult) => void,
    req: ApiRequest,
    routine: boolean,
  ): void {
    this.sim.sendOn(
      this.toEtcd,
      { kind: 'etcd', summary: keys.deleteText, object: keys.ref, latency: LATENCY.etcd },
      () => {
        const key = keys.key;
        const gone = this.etcd.delete(key, this.sim.now, this.sim.cause);
        if (gone?.value.kind === 'Pod') this.indexPod(key, gone.value, undefined);
        if (gone) {
          if (current.kind === 'Service' && current.spec.clusterIP)
            this.usedClusterIPs.delete(current.spec.clusterIP);
          this.fanOut(keys, undefined, gone.value, routine);
        }
        done({ ok: true, object: current });
      },
    );
    this.whenEtcdDown(from, req, done);
  }

  /**
   * Events are written with an etcd lease of the event TTL; each write attaches a fresh one. When
   * the lease of the last write runs out, etcd deletes the Event on its own and kube-apiserver's
   * watch on etcd hears of it (a message from etcd), then tells the watchers.
   */
  private expireLater(keys: StoredKeys, revision: number): void {
    const expire = () => {
      const kv = this.etcd.get(keys.key);
      if (!kv || kv.modRevision !== revision) return;
      // A stopped etcd counts no lease time; the lease runs out once it is back.
      if (!this.sim.isUp(ETCD)) return this.sim.after(1_000, expire);
      const gone = this.etcd.delete(keys.key, this.sim.now, null)!;
      this.sim.sendOn(
        this.fromEtcd,
        { kind: 'etcd', summary: `${keys.deleteText} (lease expired)`, object: keys.ref, routine: true },
        () => this.fanOut(keys, undefined, gone.value, true),
      );
    };
    this.sim.after(EVENT_TTL_MS, expire);
  }

  /** With etcd down the write never lands; the client hears the timeout. */
  private whenEtcdDown(from: Endpoint, req: ApiRequest, done: (r: ApiResult) => void): void {
    if (!this.sim.isUp(ETCD))
      this.sim.after(LATENCY.etcd + 1, () => this.fail(from, req, done, etcdUnavailable()));
  }

  /** Tells the watches about a change to the object `keys` names. */
  private fanOut(
    keys: StoredKeys,
    next: KubeObject | undefined,
    previous: KubeObject | undefined,
    routine: boolean,
  ): void {
    const kindWatches = this.watches.get(keys.kind);
    if (!kindWatches) return;
    const { all, byNode } = kindWatches;
    // The watches that may care: every watch without a node selector, and those on the pod's node
    // before and after the change; merged back into registration order.
    const nodeBefore = nodeNameOf(previous);
    const nodeAfter = nodeNameOf(next);
    const onBefore = nodeBefore === undefined ? undefined : byNode.get(nodeBefore);
    const onAfter = nodeAfter === undefined || nodeAfter === nodeBefore ? undefined : byNode.get(nodeAfter);
    if (!onBefore && !onAfter) {
      for (let i = 0; i < all.length; i++) this.notify(all[i]!, keys, next, previous, routine);
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
      this.notify(lists[pick]![at[pick]!++]!, keys, next, previous, routine);
    }
  }

  /** Tells one watch about a change, if the object matches it before or after. */
  private notify(
    { watch: w, route }: Registered,
    keys: StoredKeys,
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
    this.sim.sendOn(
      route,
      {
        kind: 'watch',
        summary: keys.watchText(type),
        object: keys.ref,
        latency: LATENCY.watch,
        routine: quiet,
      },
      () => w.onEvent(type, object, keys.objectKey),
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
const NO_ERRORS: readonly string[] = [];
const NONE: readonly Registered[] = [];

/**
 * The node a pod is bound to (what a `spec.nodeName` watch selects on), or a Node's own name (a
 * kubelet's `metadata.name` watch on its Node); undefined for other kinds.
 */
const nodeNameOf = (o: KubeObject | undefined): string | undefined =>
  o?.kind === 'Pod' ? o.spec.nodeName : o?.kind === 'Node' ? o.metadata.name : undefined;

const matches = (w: Watch, o: KubeObject) =>
  (w.nodeName === undefined || nodeNameOf(o) === w.nodeName) && (!w.filter || w.filter(o));
