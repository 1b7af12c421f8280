/**
 * kube-proxy on one node: watches Services and EndpointSlices and keeps the node's forwarding
 * rules (iptables mode: ClusterIP:port → one ready endpoint, picked at random). The kernel then
 * carries each connection by those rules; kube-proxy itself only writes them.
 */
import type { ApiServer } from '../apiserver/apiServer';
import { EventsV1Recorder } from '../client/eventsV1Recorder';
import { Informer } from '../client/informer';
import type { NodeName } from '../clusterConfig';
import type { Sim } from '../sim';
import { componentId, type ComponentId } from '../topology';
import { SERVICE_NAME_LABEL } from '../controllers/endpointSliceController';

export interface Backend {
  readonly ip: string;
  readonly port: number;
  readonly node?: string;
  readonly pod?: string;
}

export class KubeProxy {
  readonly id: ComponentId;
  readonly services: Informer<'Service'>;
  readonly slices: Informer<'EndpointSlice'>;
  /** The programmed rules: "clusterIP:port" → ready backends. */
  readonly rules = new Map<string, Backend[]>();
  syncs = 0;
  private syncPending = false;
  private readonly recorder: EventsV1Recorder;

  constructor(
    private readonly sim: Sim,
    api: ApiServer,
    readonly node: NodeName,
  ) {
    this.id = componentId('kube-proxy', node);
    // events.k8s.io/v1, reported as kube-proxy-<hostname> (its pod uses the node's network and name).
    this.recorder = new EventsV1Recorder(sim, api, this.id, 'kube-proxy', `kube-proxy-${node}`);
    this.services = new Informer(api, this.id, 'Service');
    this.slices = new Informer(api, this.id, 'EndpointSlice');
    const changed = () => this.requestSync();
    this.services.addHandlers({ onAdd: changed, onUpdate: changed, onDelete: changed });
    this.slices.addHandlers({ onAdd: changed, onUpdate: changed, onDelete: changed });
  }

  get up(): boolean {
    return this.sim.isUp(this.id);
  }

  /** The process started (its pod's container, as kubelet runs it): it watches and writes rules. */
  start(): void {
    this.sim.setUp(this.id, true);
    this.services.start();
    this.slices.start();
    this.recorder.start();
    // kube-proxy's own reference to its Node (no apiVersion, the hostname as the uid); the event has no note.
    this.recorder.record(
      { kind: 'Node', name: this.node, uid: this.node },
      'Normal',
      'Starting',
      'StartKubeProxy',
      '',
    );
  }

  /**
   * The process ended (its pod deleted or restarted) but the node runs on: the rules it wrote stay
   * in the kernel and keep carrying traffic; nobody updates them until the next kube-proxy starts.
   */
  processExited(): void {
    this.recorder.stop();
    this.services.halt();
    this.slices.halt();
  }

  /** The node is off: no process, and no rules either. */
  stop(): void {
    this.sim.setUp(this.id, false);
    this.processExited();
  }

  /** Rules are rewritten at most once per second (minSyncPeriod). */
  private requestSync(): void {
    if (this.syncPending) return;
    this.syncPending = true;
    this.sim.after(1_000, () => {
      this.syncPending = false;
      if (this.up) this.syncRules();
    });
  }

  syncRules(): void {
    this.syncs++;
    this.rules.clear();
    for (const svc of this.services.list()) {
      if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') continue;
      const slices = [...this.slices.list()].filter(
        (s) =>
          s.metadata.namespace === svc.metadata.namespace &&
          s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name,
      );
      for (const port of svc.spec.ports) {
        const backends: Backend[] = [];
        for (const slice of slices) {
          const target =
            slice.ports.find((p) => (port.name ? p.name === port.name : true))?.port ??
            port.targetPort ??
            port.port;
          for (const e of slice.endpoints) {
            if (!e.conditions.ready) continue;
            for (const ip of e.addresses)
              backends.push({
                ip,
                port: target,
                ...(e.nodeName ? { node: e.nodeName } : {}),
                ...(e.targetRef ? { pod: e.targetRef.name } : {}),
              });
          }
        }
        this.rules.set(`${svc.spec.clusterIP}:${port.port}`, backends);
      }
    }
  }

  /** Where a new connection to `clusterIP:port` goes: a uniformly random ready backend, or none (REJECT). */
  route(clusterIP: string, port: number): Backend | null {
    const backends = this.rules.get(`${clusterIP}:${port}`) ?? [];
    if (backends.length === 0) return null;
    return backends[this.sim.rng.int(0, backends.length - 1)]!;
  }
}
