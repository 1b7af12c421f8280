/**
 * Records Events as client-go's events.k8s.io/v1 recorder does (tools/events), the one
 * kube-scheduler and kube-proxy use. Unlike the core/v1 recorder it does not count every repeat
 * with a write:
 * - a new event is created, with eventTime, action and reportingInstance, and no count;
 * - its first repeat (same action, reason, note and regarding object, resourceVersion included)
 *   patches a series of count 2 onto it;
 * - later repeats only count up in memory; every 6 minutes the broadcaster writes each open
 *   series, and a series not seen for 6 minutes gets its last write and is forgotten.
 */
import type { KubeEvent, KubeObject, ObjectReference } from '../api/types';
import type { ApiServer, RequestOptions } from '../apiserver/apiServer';
import type { ApiResult } from '../apiserver/request';
import type { Sim } from '../sim';
import type { Endpoint } from '../topology';
import { referenceTo } from './eventRecorder';
import { EventStamper } from './eventStamp';
import { retryRefused } from './recordToSink';

/** client-go's refreshTime and finishTime. */
export const SERIES_REFRESH_MS = 6 * 60_000;

const API_VERSION = 'events.k8s.io/v1';

interface Cached {
  event: KubeEvent;
  /** When it was last seen (the series' lastObservedTime, or the eventTime). */
  observedAt: number;
}

export class EventsV1Recorder {
  /** The broadcaster's eventCache: the isomorphic key → the event as last sent. */
  private readonly cache = new Map<string, Cached>();
  private readonly stamper: EventStamper;
  private epoch = 0;
  /** The caller's options, and a refused connection heard (the broadcaster retries those). */
  private readonly options: RequestOptions;

  constructor(
    private readonly sim: Sim,
    private readonly api: ApiServer,
    private readonly from: Endpoint,
    /** reportingController, e.g. `default-scheduler`. */
    private readonly controller: string,
    /** reportingInstance: the controller and the host it runs on, e.g. `default-scheduler-minikube`. */
    private readonly instance: string,
    options: RequestOptions = {},
  ) {
    this.stamper = new EventStamper(instance);
    this.options = options.refused ? options : { ...options, refused: true };
  }

  /** The broadcaster starts with its process: the refresh and finish loops run every 6 minutes. */
  start(): void {
    const epoch = ++this.epoch;
    const loop = () =>
      this.sim.after(SERIES_REFRESH_MS, () => {
        if (epoch !== this.epoch) return;
        this.refreshSeries();
        this.finishSeries();
        loop();
      });
    loop();
  }

  /** The process stops: its loops end and what it remembered is gone. */
  stop(): void {
    this.epoch++;
    this.cache.clear();
  }

  /** `regarding` is an object (its reference is made as GetReference makes it) or a ready reference. */
  record(
    regarding: KubeObject | ObjectReference,
    type: KubeEvent['type'],
    reason: string,
    action: string,
    note: string,
  ): void {
    const ref = 'metadata' in regarding ? referenceTo(regarding) : regarding;
    const key = isomorphicKey(ref, reason, action, note);
    const now = this.sim.now;
    const cached = this.cache.get(key);
    if (cached) {
      cached.observedAt = now;
      const count = (cached.event.series?.count ?? 1) + 1;
      const event = { ...cached.event };
      event.series = { count, lastObservedTime: this.stamper.stamp(now).micro };
      cached.event = event;
      // Only the first repeat is written at once; the rest wait for the refresh loop.
      if (count === 2) this.send(cached);
      return;
    }
    const stamp = this.stamper.stamp(now);
    const namespace = ref.namespace || 'default';
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${ref.name}.${stamp.suffix}`,
        namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      involvedObject: ref,
      reason,
      message: note,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: stamp.micro,
      action,
      reportingComponent: this.controller,
      reportingInstance: this.instance,
    };
    const entry: Cached = { event, observedAt: now };
    this.cache.set(key, entry);
    this.send(entry);
  }

  /**
   * recordEvent: a series is patched (created again if the Event is gone), a new event created; a
   * refused connection is tried again as recordToSink does, unless a newer version was sent since.
   */
  private send(entry: Cached, tries = 1): void {
    const event = entry.event;
    const name = event.metadata.name;
    const namespace = event.metadata.namespace ?? 'default';
    const again = () => entry.event === event && this.send(entry, tries + 1);
    const refused = (r: ApiResult) => retryRefused(this.sim, this.from, r, tries, again);
    const create = () =>
      this.api.request(
        this.from,
        { verb: 'create', kind: 'Event', object: event, apiVersion: API_VERSION },
        (r) => {
          if (r.ok && r.object.kind === 'Event' && entry.event === event) entry.event = r.object;
          else refused(r);
        },
        this.options,
      );
    if (!event.series) return create();
    this.api.request(
      this.from,
      { verb: 'patch', kind: 'Event', namespace, name, object: event, apiVersion: API_VERSION },
      (r) => {
        if (!r.ok && r.error.reason === 'NotFound') create();
        else refused(r);
      },
      this.options,
    );
  }

  /** Every open series is written with its count so far. */
  private refreshSeries(): void {
    for (const entry of this.cache.values()) if (entry.event.series) this.send(entry);
  }

  /** A series not seen for 6 minutes is written a last time and forgotten; so is a lone event. */
  private finishSeries(): void {
    const before = this.sim.now - SERIES_REFRESH_MS;
    for (const [key, entry] of this.cache) {
      if (entry.observedAt >= before) continue;
      if (entry.event.series) this.send(entry);
      this.cache.delete(key);
    }
  }
}

/** client-go's getKey: action, reason, reporting controller (one per recorder), regarding object and note. */
function isomorphicKey(ref: ObjectReference, reason: string, action: string, note: string): string {
  return `${action}\u0000${reason}\u0000${ref.kind}\u0000${ref.namespace ?? ''}\u0000${ref.name}\u0000${ref.uid}\u0000${ref.resourceVersion ?? ''}\u0000${ref.fieldPath ?? ''}\u0000${note}`;
}
