/** endpointslice-controller: for each Service with a selector, one EndpointSlice listing its pods, ready or not. */
import { isPodReady, matchesLabels } from '../api/pods';
import { objectKey } from '../api/resources';
import type { Endpoint, EndpointSlice, ObjectMeta, Pod, Service } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker } from './triggerTimeTracker';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** On a headless Service's slices (and Endpoints). */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** How long a write may go unanswered before the sync gives up on it (a client-side timeout). */
const WRITE_TIMEOUT_MS = 10_000;

export class EndpointSliceController extends Controller {
  readonly name = 'endpointslice-controller';
  readonly serviceAccount = 'endpointslice-controller';
  readonly services: Informer<'Service'>;
  readonly slices: Informer<'EndpointSlice'>;
  /**
   * upstream's EndpointSliceTracker: per Service, the slice this controller last wrote and the
   * resourceVersion the write returned. Until the informer holds that version, its cache is stale
   * and the Service is not synced (else a second slice would be created beside the first).
   */
  private readonly tracker = new Map<string, { name: string; resourceVersion: number }>();
  /** Services with a write in flight, and when it was sent: like a key held by its worker, not synced again until it returns. */
  private readonly writing = new Map<string, number>();
  private readonly triggerTimes = new TriggerTimeTracker();

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly pods: Informer<'Pod'>,
  ) {
    super(sim, api);
    this.services = new Informer(api, KCM, 'Service');
    this.slices = new Informer(api, KCM, 'EndpointSlice');
    this.services.addHandlers({
      onAdd: (s) => this.enqueue(keyOf(s)),
      onUpdate: (s) => this.enqueue(keyOf(s)),
      onDelete: (s) => {
        this.tracker.delete(keyOf(s));
        this.triggerTimes.forget(keyOf(s));
      },
    });
    // A slice someone else deleted is no longer expected: the Service is synced again to recreate it.
    this.slices.addHandlers({
      onDelete: (s) => {
        const service = s.metadata.labels?.[SERVICE_NAME_LABEL];
        if (service === undefined) return;
        const key = objectKey(s.metadata.namespace, service);
        if (this.tracker.get(key)?.name !== s.metadata.name) return;
        this.tracker.delete(key);
        this.enqueue(key);
      },
    });
    const podChanged = (p: Pod) => {
      for (const svc of this.services.list()) {
        if (
          svc.metadata.namespace === p.metadata.namespace &&
          matchesLabels(svc.spec.selector, p.metadata.labels)
        )
          this.enqueue(keyOf(svc));
      }
    };
    pods.addHandlers({ onAdd: podChanged, onUpdate: podChanged, onDelete: podChanged });
  }

  start(): void {
    this.services.start();
    this.slices.start();
  }

  override stop(): void {
    super.stop();
    this.tracker.clear();
    this.writing.clear();
    this.triggerTimes.clear();
    this.services.halt();
    this.slices.halt();
  }

  protected reconcile(key: string): void {
    const sent = this.writing.get(key);
    if (sent !== undefined) {
      if (this.sim.now - sent < WRITE_TIMEOUT_MS) return this.retry(key, 50);
      this.writing.delete(key); // no answer (kube-apiserver down): the request timed out
    }
    const [namespace, name] = key.split('/') as [string, string];
    const svc = this.services.get(namespace, name);
    if (!svc || !svc.spec.selector) return;
    const tracked = this.tracker.get(key);
    if (tracked) {
      const cached = this.slices.get(namespace, tracked.name);
      // StaleSlices: "EndpointSlice informer cache is out of date"; the key is requeued.
      if (!cached || Number(cached.metadata.resourceVersion) < tracked.resourceVersion) {
        this.retry(key, 50);
        return;
      }
    }
    const selected = [...this.pods.list()].filter(
      (p) => p.metadata.namespace === namespace && matchesLabels(svc.spec.selector, p.metadata.labels),
    );
    const triggerTime = this.triggerTimes.compute(key, svc, selected);
    const endpoints: Endpoint[] = selected
      .filter((p) => p.status.podIP)
      .map((p) => ({
        addresses: [p.status.podIP!],
        conditions: {
          ready: isPodReady(p) && !p.metadata.deletionTimestamp,
          serving: isPodReady(p),
          terminating: !!p.metadata.deletionTimestamp,
        },
        ...(p.spec.nodeName ? { nodeName: p.spec.nodeName } : {}),
        targetRef: { kind: 'Pod' as const, namespace, name: p.metadata.name, uid: p.metadata.uid },
      }));
    const existing = [...this.slices.list()].find(
      (s) => s.metadata.namespace === namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === name,
    );
    // An unnamed Service port is an empty name on the slice.
    const ports = svc.spec.ports.map((p) => ({
      name: p.name ?? '',
      port: p.targetPort ?? p.port,
      protocol: p.protocol ?? ('TCP' as const),
    }));
    const ready = endpoints.filter((e) => e.conditions.ready).length;
    if (
      existing &&
      JSON.stringify(existing.endpoints) === JSON.stringify(endpoints) &&
      JSON.stringify(existing.ports) === JSON.stringify(ports)
    )
      return;
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: withTriggerTime(
        existing
          ? existing.metadata
          : {
              name: '',
              generateName: `${name}-`,
              namespace,
              uid: '',
              resourceVersion: '',
              creationTimestamp: '',
              // The Service's own labels are copied onto its slices (setEndpointSliceLabels).
              labels: {
                ...svc.metadata.labels,
                ...(svc.spec.clusterIP === 'None' ? { [HEADLESS_LABEL]: '' } : {}),
                [SERVICE_NAME_LABEL]: name,
                'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
              },
              ownerReferences: [
                {
                  apiVersion: 'v1',
                  kind: 'Service',
                  name,
                  uid: svc.metadata.uid,
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            },
        triggerTime,
      ),
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    const epoch = this.epoch;
    const sentAt = this.sim.now;
    this.writing.set(key, sentAt);
    this.api.request(
      KCM,
      { verb: existing ? 'update' : 'create', kind: 'EndpointSlice', object: slice },
      (r) => {
        if (epoch !== this.epoch) return;
        if (this.writing.get(key) === sentAt) this.writing.delete(key);
        if (!r.ok) return this.retry(key, 50);
        const { name: written, resourceVersion } = r.object.metadata;
        this.tracker.set(key, { name: written, resourceVersion: Number(resourceVersion) });
      },
      this.options,
    );
    this.note({
      key,
      desired: `endpoints of pods matching ${JSON.stringify(svc.spec.selector)}`,
      actual: `${plural(existing?.endpoints.length ?? 0, 'endpoint')} listed`,
      diff: `${plural(endpoints.length, 'endpoint')}, ${ready} ready`,
      action: existing ? 'update EndpointSlice' : 'create EndpointSlice',
    });
  }
}

/** addTriggerTimeAnnotation: a new trigger time is written, none clears the last one. */
function withTriggerTime(metadata: ObjectMeta, triggerTime: string): ObjectMeta {
  const { annotations, ...rest } = metadata;
  const others = { ...annotations };
  delete others[LAST_CHANGE_TRIGGER_TIME];
  const next = triggerTime ? { ...others, [LAST_CHANGE_TRIGGER_TIME]: triggerTime } : others;
  // An empty map is left out, as the API's JSON omits it.
  return Object.keys(next).length ? { ...rest, annotations: next } : rest;
}

const keyOf = (s: Service) => objectKey(s.metadata.namespace, s.metadata.name);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
