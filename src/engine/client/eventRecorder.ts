/**
 * Records Kubernetes Events for a component, as client-go's recorder does: a repeat of the same
 * event (same object, reason and message) updates the count instead of creating a new Event.
 */
import { RESOURCES } from '../api/resources';
import type { KubeEvent, KubeObject, ObjectReference } from '../api/types';
import type { ApiServer, RequestOptions } from '../apiserver/apiServer';
import type { ApiRequest } from '../apiserver/request';
import { timestamp } from '../core/time';
import type { Sim } from '../sim';
import type { Endpoint } from '../topology';
import { EventStamper } from './eventStamp';
import { retryRefused } from './recordToSink';

export interface EventSource {
  /** `source.component`, e.g. `kubelet`, `default-scheduler`, `replicaset-controller`. */
  readonly component: string;
  readonly host?: string;
}

/**
 * One event the correlator remembers: what makes a repeat (client-go's key: the object's uid, the
 * field path, type, reason and message) and the Event last written for it.
 */
interface Seen {
  readonly uid: string;
  readonly fieldPath: string;
  readonly type: KubeEvent['type'];
  readonly reason: string;
  readonly message: string;
  event: KubeEvent;
  /** False once the correlator forgot it. */
  live: boolean;
}

export class EventRecorder {
  /**
   * What the correlator remembers, by the involved object's uid (a stored string, quick to find),
   * then compared field by field: no long key string is built and hashed for every event.
   */
  private readonly seen = new Map<string, Seen[]>();
  private count = 0;
  /** What is remembered from oldest to newest, from `oldest` on (forgotten ones before it). */
  private readonly order: (Seen | null)[] = [];
  private oldest = 0;
  /** `source`, as every Event this recorder writes carries it (stored objects never change, so one is shared). */
  private readonly eventSource: KubeEvent['source'];
  private readonly stamper: EventStamper;
  /** The caller's options, and a refused connection heard (the broadcaster retries those). */
  private readonly options: RequestOptions;

  constructor(
    private readonly sim: Sim,
    private readonly api: ApiServer,
    private readonly from: Endpoint,
    private readonly source: EventSource,
    options: RequestOptions = {},
  ) {
    this.eventSource = { component: source.component, ...(source.host ? { host: source.host } : {}) };
    this.stamper = new EventStamper(`${source.component}/${source.host ?? ''}`);
    this.options = options.refused ? options : { ...options, refused: true };
  }

  /** Writes an Event as the broadcaster's recordToSink does (a refused connection is tried again). */
  private write(request: ApiRequest, stored: (event: KubeEvent) => void, tries = 1): void {
    this.api.request(
      this.from,
      request,
      (r) => {
        if (r.ok && r.object.kind === 'Event') stored(r.object);
        else retryRefused(this.sim, this.from, r, tries, () => this.write(request, stored, tries + 1));
      },
      this.options,
    );
  }

  private find(
    uid: string,
    fieldPath: string,
    type: KubeEvent['type'],
    reason: string,
    message: string,
  ): Seen | undefined {
    const list = this.seen.get(uid);
    if (!list) return undefined;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (s.reason === reason && s.message === message && s.type === type && s.fieldPath === fieldPath)
        return s;
    }
    return undefined;
  }

  /** Remembers a new event (as the newest). */
  private add(
    uid: string,
    fieldPath: string,
    type: KubeEvent['type'],
    reason: string,
    message: string,
    event: KubeEvent,
  ): Seen {
    const s: Seen = { uid, fieldPath, type, reason, message, event, live: true };
    const list = this.seen.get(uid);
    if (list) list.push(s);
    else this.seen.set(uid, [s]);
    this.order.push(s);
    this.count++;
    return s;
  }

  /** client-go's correlator keeps the last 4096 events it sent; older repeats start a new Event. */
  private forgetOldest(): void {
    const s = this.order[this.oldest]!;
    s.live = false;
    const list = this.seen.get(s.uid)!;
    list.splice(list.indexOf(s), 1);
    if (list.length === 0) this.seen.delete(s.uid);
    this.count--;
    this.order[this.oldest++] = null;
    if (this.oldest > 4096 && this.oldest * 2 > this.order.length) {
      this.order.splice(0, this.oldest);
      this.oldest = 0;
    }
  }

  /** The Event kube-apiserver stored for `s` is what a repeat updates (remembered again if forgotten meanwhile). */
  private stored(s: Seen, event: KubeEvent): void {
    if (s.live) {
      s.event = event;
      return;
    }
    const now = this.find(s.uid, s.fieldPath, s.type, s.reason, s.message);
    if (now) now.event = event;
    else this.add(s.uid, s.fieldPath, s.type, s.reason, s.message, event);
  }

  /** `object` is an object (referenced as GetReference does) or a reference made by hand. */
  record(
    object: KubeObject | ObjectReference,
    type: KubeEvent['type'],
    reason: string,
    message: string,
    extra: { fieldPath?: string } = {},
  ): void {
    const involved = 'metadata' in object ? referenceTo(object, extra.fieldPath) : object;
    const now = timestamp(this.sim.now);
    const uid = involved.uid;
    const fieldPath = involved.fieldPath ?? '';
    const previous = this.find(uid, fieldPath, type, reason, message);
    const namespace = involved.namespace || 'default';
    if (previous) {
      // Spread, then set: a spread followed by more keys in one literal takes V8's slow path.
      const updated = { ...previous.event };
      updated.count = (previous.event.count ?? 1) + 1;
      updated.lastTimestamp = now;
      previous.event = updated;
      const metadata = { ...updated.metadata };
      metadata.resourceVersion = '';
      const sent = { ...updated };
      sent.metadata = metadata;
      this.write({ verb: 'update', kind: 'Event', object: sent, asPatch: true }, (stored) =>
        this.stored(previous, stored),
      );
      return;
    }
    const event = newEvent(
      `${involved.name}.${this.stamper.stamp(this.sim.now).suffix}`,
      namespace,
      involved,
      type,
      reason,
      message,
      this.eventSource,
      this.source.component,
      this.source.host ?? '',
      now,
    );
    const s = this.add(uid, fieldPath, type, reason, message, event);
    if (this.count > 4096) this.forgetOldest();
    this.write({ verb: 'create', kind: 'Event', object: event }, (stored) => this.stored(s, stored));
  }
}

/**
 * client-go's GetReference: kind, namespace, name, uid, apiVersion and the resourceVersion the
 * recorder saw, plus the field path of a container when the event is about one.
 */
export function referenceTo(object: KubeObject, fieldPath?: string): ObjectReference {
  const involved: { -readonly [K in keyof ObjectReference]: ObjectReference[K] } = {
    kind: object.kind,
    name: object.metadata.name,
    uid: object.metadata.uid,
    apiVersion: RESOURCES[object.kind].apiVersion,
  };
  if (object.metadata.namespace) involved.namespace = object.metadata.namespace;
  if (object.metadata.resourceVersion) involved.resourceVersion = object.metadata.resourceVersion;
  if (fieldPath) involved.fieldPath = fieldPath;
  return involved;
}

/** A new core/v1 Event (count 1), fields in the API struct's order. */
function newEvent(
  name: string,
  namespace: string,
  involved: ObjectReference,
  type: KubeEvent['type'],
  reason: string,
  message: string,
  source: KubeEvent['source'],
  reportingComponent: string,
  reportingInstance: string,
  now: string,
): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: now },
    involvedObject: involved,
    reason,
    message,
    source,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent,
    reportingInstance,
  };
}
