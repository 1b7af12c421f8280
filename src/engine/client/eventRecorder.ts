/**
 * Records Kubernetes Events for a component, as client-go's recorder does: a repeat of the same
 * event (same object, reason and message) updates the count instead of creating a new Event.
 */
import { RESOURCES } from '../api/resources';
import type { KubeEvent, KubeObject, ObjectReference } from '../api/types';
import type { ApiServer, RequestOptions } from '../apiserver/apiServer';
import { timestamp } from '../core/time';
import type { Sim } from '../sim';
import type { Endpoint } from '../topology';

export interface EventSource {
  /** `source.component`, e.g. `kubelet`, `default-scheduler`, `replicaset-controller`. */
  readonly component: string;
  readonly host?: string;
}

export class EventRecorder {
  private readonly seen = new Map<string, KubeEvent>();
  /** The keys of `seen` from oldest to newest, from `oldest` on (a Map's first key is slow to find after many deletes). */
  private readonly order: string[] = [];
  private oldest = 0;
  /** `source`, as every Event this recorder writes carries it (stored objects never change, so one is shared). */
  private readonly eventSource: KubeEvent['source'];

  constructor(
    private readonly sim: Sim,
    private readonly api: ApiServer,
    private readonly from: Endpoint,
    private readonly source: EventSource,
    private readonly options: RequestOptions = {},
  ) {
    this.eventSource = { component: source.component, ...(source.host ? { host: source.host } : {}) };
  }

  /** client-go's correlator keeps the last 4096 events it sent; older repeats start a new Event. */
  private remember(key: string, event: KubeEvent): void {
    this.keep(key, event);
    if (this.seen.size > 4096) {
      this.seen.delete(this.order[this.oldest]!);
      this.order[this.oldest++] = '';
      if (this.oldest > 4096 && this.oldest * 2 > this.order.length) {
        this.order.splice(0, this.oldest);
        this.oldest = 0;
      }
    }
  }

  private keep(key: string, event: KubeEvent): void {
    if (!this.seen.has(key)) this.order.push(key);
    this.seen.set(key, event);
  }

  record(
    object: KubeObject,
    type: KubeEvent['type'],
    reason: string,
    message: string,
    extra: { fieldPath?: string; action?: string } = {},
  ): void {
    const involved: { -readonly [K in keyof ObjectReference]: ObjectReference[K] } = {
      kind: object.kind,
      name: object.metadata.name,
      uid: object.metadata.uid,
      apiVersion: RESOURCES[object.kind].apiVersion,
    };
    if (object.metadata.namespace) involved.namespace = object.metadata.namespace;
    if (extra.fieldPath) involved.fieldPath = extra.fieldPath;
    const now = timestamp(this.sim.now);
    const key = `${involved.uid}|${involved.fieldPath ?? ''}|${type}|${reason}|${message}`;
    const previous = this.seen.get(key);
    const namespace = object.metadata.namespace ?? 'default';
    if (previous) {
      const updated: KubeEvent = { ...previous, count: previous.count + 1, lastTimestamp: now };
      this.keep(key, updated);
      this.api.request(
        this.from,
        {
          verb: 'update',
          kind: 'Event',
          object: { ...updated, metadata: { ...updated.metadata, resourceVersion: '' } },
        },
        (r) => {
          if (r.ok && r.object.kind === 'Event') this.keep(key, r.object);
        },
        this.options,
      );
      return;
    }
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${object.metadata.name}.${(0x180000000 + this.sim.now * 1000 + this.seen.size).toString(16)}`,
        namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: now,
      },
      involvedObject: involved,
      reason,
      message,
      type,
      source: this.eventSource,
      reportingComponent: this.source.component,
      ...(extra.action ? { action: extra.action } : {}),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    this.remember(key, event);
    this.api.request(
      this.from,
      { verb: 'create', kind: 'Event', object: event },
      (r) => {
        if (r.ok && r.object.kind === 'Event') this.keep(key, r.object);
      },
      this.options,
    );
  }
}
