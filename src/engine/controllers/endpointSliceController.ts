/** endpointslice-controller: for each Service with a selector, one EndpointSlice listing its pods, ready or not. */
import { isPodReady, matchesLabels } from '../api/pods';
import { objectKey } from '../api/resources';
import type { Endpoint, EndpointSlice, Pod, Service } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export class EndpointSliceController extends Controller {
  readonly name = 'endpointslice-controller';
  readonly serviceAccount = 'endpointslice-controller';
  readonly services: Informer<'Service'>;
  readonly slices: Informer<'EndpointSlice'>;

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
    this.services.halt();
    this.slices.halt();
  }

  protected reconcile(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const svc = this.services.get(namespace, name);
    if (!svc || !svc.spec.selector) return;
    const endpoints: Endpoint[] = [...this.pods.list()]
      .filter(
        (p) =>
          p.metadata.namespace === namespace &&
          matchesLabels(svc.spec.selector, p.metadata.labels) &&
          p.status.podIP,
      )
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
    const ports = svc.spec.ports.map((p) => ({
      ...(p.name ? { name: p.name } : {}),
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
      metadata: existing
        ? existing.metadata
        : {
            name: '',
            generateName: `${name}-`,
            namespace,
            uid: '',
            resourceVersion: '',
            creationTimestamp: '',
            labels: {
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
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    this.api.request(
      KCM,
      { verb: existing ? 'update' : 'create', kind: 'EndpointSlice', object: slice },
      (r) => {
        if (!r.ok) this.retry(key, 50);
      },
      this.options,
    );
    this.note({
      key,
      desired: `endpoints of pods matching ${JSON.stringify(svc.spec.selector)}`,
      actual: `${existing?.endpoints.length ?? 0} endpoints listed`,
      diff: `${endpoints.length} endpoints, ${ready} ready`,
      action: existing ? 'update EndpointSlice' : 'create EndpointSlice',
    });
  }
}

const keyOf = (s: Service) => objectKey(s.metadata.namespace, s.metadata.name);
