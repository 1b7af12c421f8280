/**
 * node-lifecycle-controller and taint-eviction-controller. Every 5 s it checks each node's last
 * heartbeat (its Ready condition's lastHeartbeatTime or its Lease's renewTime); silent past the
 * 50 s grace period, the node's conditions become Unknown ("Kubelet stopped posting node status.").
 * Ready=False/Unknown taints the node not-ready/unreachable (NoSchedule and NoExecute); pods that
 * do not tolerate a NoExecute taint are evicted once their tolerationSeconds run out.
 */
import { tolerates } from '../api/pods';
import type { Condition, Lease, Node, NodeConditionType, Pod, Taint } from '../api/types';
import { NOT_READY_TAINT, UNREACHABLE_TAINT, UNSCHEDULABLE_TAINT } from '../apiserver/admission';
import type { ApiServer } from '../apiserver/apiServer';
import { controllerUser } from '../apiserver/identity';
import { EventRecorder } from '../client/eventRecorder';
import { Informer } from '../client/informer';
import { timestamp } from '../core/time';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';
import { BY_NODE, indexPodsByNode } from './podControl';

export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export const NODE_STARTUP_GRACE_MS = 60_000;

export class NodeLifecycleController extends Controller {
  readonly name = 'node-lifecycle-controller';
  readonly serviceAccount = 'node-controller';
  /** Upstream's recorder: `v1.EventSource{Component: "node-controller"}` (NodeNotReady, RegisteredNode). */
  protected override get eventComponent(): string {
    return 'node-controller';
  }
  readonly nodes: Informer<'Node'>;
  readonly leases: Informer<'Lease'>;
  /** Per node: when we last saw it alive, and the heartbeat values we saw then. */
  private readonly health = new Map<
    string,
    { probe: number; fresh: boolean; heartbeat?: string | undefined; renew?: string | undefined }
  >();
  /** Pods scheduled for eviction, by uid. */
  private readonly evictions = new Map<string, number>();
  private readonly eviction: EventRecorder;

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly pods: Informer<'Pod'>,
  ) {
    super(sim, api);
    indexPodsByNode(pods);
    this.nodes = new Informer(api, KCM, 'Node', undefined, () => true);
    this.leases = new Informer(
      api,
      KCM,
      'Lease',
      (l) => l.metadata.namespace === 'kube-node-lease',
      () => true,
    );
    this.eviction = new EventRecorder(
      sim,
      api,
      KCM,
      { component: 'taint-eviction-controller' },
      { as: controllerUser('taint-eviction-controller') },
    );
    this.nodes.addHandlers({
      onAdd: (n) => {
        this.health.set(n.metadata.name, {
          probe: this.sim.now,
          fresh: false,
          heartbeat: readyOf(n)?.lastHeartbeatTime,
        });
        this.recorder.record(
          n,
          'Normal',
          'RegisteredNode',
          `Node ${n.metadata.name} event: Registered Node ${n.metadata.name} in Controller`,
        );
        this.enqueue(n.metadata.name);
      },
      onUpdate: (n) => {
        this.heard(n.metadata.name, readyOf(n)?.lastHeartbeatTime, undefined);
        this.enqueue(n.metadata.name);
      },
      onDelete: (n) => this.health.delete(n.metadata.name),
    });
    const renewed = (l: Lease) => this.heard(l.metadata.name, undefined, l.spec.renewTime);
    this.leases.addHandlers({ onAdd: renewed, onUpdate: renewed });
    pods.addHandlers({ onAdd: (p) => this.podOnNode(p), onUpdate: (p) => this.podOnNode(p) });
  }

  start(): void {
    this.nodes.start();
    this.leases.start();
    // Everything observed before the restart is stale: every node gets a fresh grace period.
    for (const h of this.health.values()) h.probe = this.sim.now;
    this.every(NODE_MONITOR_PERIOD_MS, () => this.monitor());
  }

  override stop(): void {
    super.stop();
    this.nodes.halt();
    this.leases.halt();
    this.evictions.clear();
  }

  /** monitorNodeHealth: a new heartbeat or Lease renewal resets the node's probe time. */
  private monitor(): void {
    const now = this.sim.now;
    // forEach, not for…of over entries: no [name, health] pair made per node per pass.
    this.health.forEach((h, name) => {
      // A heartbeat seen since the last pass counts from this pass, as tryUpdateNodeHealth records it.
      if (h.fresh) {
        h.probe = now;
        h.fresh = false;
        return;
      }
      if (now - h.probe <= NODE_MONITOR_GRACE_MS) return;
      const node = this.nodes.get(undefined, name);
      if (!node) return;
      const ready = readyOf(node);
      const grace = ready ? NODE_MONITOR_GRACE_MS : NODE_STARTUP_GRACE_MS;
      if (now - h.probe > grace && ready?.status !== 'Unknown') this.markUnknown(node, ready === undefined);
    });
  }

  /** A new Ready heartbeat or Lease renewTime marks the node alive at the next monitor pass. */
  private heard(name: string, heartbeat: string | undefined, renew: string | undefined): void {
    const h = this.health.get(name);
    if (!h) return;
    if (heartbeat !== undefined && heartbeat !== h.heartbeat) {
      h.heartbeat = heartbeat;
      h.fresh = true;
    }
    if (renew !== undefined && renew !== h.renew) {
      h.renew = renew;
      h.fresh = true;
    }
  }

  private markUnknown(node: Node, never: boolean): void {
    const now = timestamp(this.sim.now);
    const conditions = node.status.conditions.map((c): Condition<NodeConditionType> => ({
      ...c,
      status: 'Unknown',
      reason: never ? 'NodeStatusNeverUpdated' : 'NodeStatusUnknown',
      message: never ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.',
      lastTransitionTime: now,
    }));
    this.api.request(
      KCM,
      { verb: 'updateStatus', kind: 'Node', object: { ...node, status: { ...node.status, conditions } } },
      (r) => {
        if (!r.ok) return;
        this.recorder.record(
          r.object,
          'Normal',
          'NodeNotReady',
          `Node ${node.metadata.name} status is now: NodeNotReady`,
        );
        this.markPodsNotReady(node.metadata.name, now);
      },
      this.options,
    );
    this.note({
      key: node.metadata.name,
      desired: 'heartbeat within 50s',
      actual: `silent for ${Math.round((this.sim.now - (this.health.get(node.metadata.name)?.probe ?? 0)) / 1000)}s`,
      diff: 'kubelet stopped posting node status',
      action: 'set Ready=Unknown',
    });
  }

  /**
   * MarkPodsNotReady: the pods on a node that stopped reporting lose Ready (they may be gone), so
   * EndpointSlices drop them and Services stop sending them traffic; kubectl shows them 0/1 Running.
   */
  private markPodsNotReady(nodeName: string, now: string): void {
    for (const pod of this.pods.byIndex(BY_NODE, nodeName)) {
      if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
      if (ready?.status === 'False') continue;
      const conditions = (pod.status.conditions ?? []).map((c) =>
        c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: now } : c,
      );
      this.recorder.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
      this.api.request(
        KCM,
        {
          verb: 'updateStatus',
          kind: 'Pod',
          object: {
            ...pod,
            metadata: { ...pod.metadata, resourceVersion: '' },
            status: { ...pod.status, conditions },
          },
        },
        () => {},
        this.options,
      );
    }
  }

  /**
   * The taints a node should carry for its Ready condition and for `spec.unschedulable` (a cordon),
   * as doNoScheduleTaintingPass and doNoExecuteTaintingPass keep them. Taints still wanted keep
   * their timeAdded.
   */
  protected reconcile(name: string): void {
    const node = this.nodes.get(undefined, name);
    if (!node) return;
    const ready = readyOf(node)?.status;
    const want: Taint[] =
      ready === 'False'
        ? [
            { key: NOT_READY_TAINT, effect: 'NoSchedule' },
            { key: NOT_READY_TAINT, effect: 'NoExecute' },
          ]
        : ready === 'Unknown'
          ? [
              { key: UNREACHABLE_TAINT, effect: 'NoSchedule' },
              { key: UNREACHABLE_TAINT, effect: 'NoExecute' },
            ]
          : [];
    if (node.spec.unschedulable) want.push({ key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' });
    const managed = (t: Taint) =>
      t.key === NOT_READY_TAINT ||
      t.key === UNREACHABLE_TAINT ||
      (t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule');
    const same = (a: Taint) => (b: Taint) => a.key === b.key && a.effect === b.effect;
    const current = node.spec.taints ?? [];
    const have = current.filter(managed);
    const add = want.filter((w) => !have.some(same(w)));
    const drop = have.filter((h) => !want.some(same(h)));
    if (add.length || drop.length) {
      const now = timestamp(this.sim.now);
      const taints = [
        ...current.filter((t) => !drop.includes(t)),
        ...add.map((t) => ({ ...t, timeAdded: now })),
      ];
      // No taints left: the field goes, as `omitempty` drops an empty list.
      const spec: Node['spec'] = { ...node.spec, taints };
      if (!taints.length) delete spec.taints;
      this.api.request(
        KCM,
        { verb: 'update', kind: 'Node', object: { ...node, spec }, asPatch: true },
        (r) => {
          if (!r.ok) this.retry(name, 50);
        },
        this.options,
      );
      this.note({
        key: name,
        desired: want.length ? want.map((t) => `${t.key}:${t.effect}`).join(', ') : 'no condition taints',
        actual: have.length ? have.map((t) => `${t.key}:${t.effect}`).join(', ') : 'none',
        diff: 'taints differ',
        action: 'update Node taints',
      });
    }
    // Only a NoExecute taint can evict; most updates (status reports) leave none, and the pods are not looked at.
    if ((node.spec.taints ?? []).some((t) => t.effect === 'NoExecute')) {
      for (const pod of this.pods.byIndex(BY_NODE, name)) this.considerEviction(pod, node);
    }
  }

  private podOnNode(pod: Pod): void {
    if (!pod.spec.nodeName) return;
    const node = this.nodes.get(undefined, pod.spec.nodeName);
    if (node) this.considerEviction(pod, node);
  }

  /** taint-eviction-controller: evict now, at the end of tolerationSeconds, or never. */
  private considerEviction(pod: Pod, node: Node): void {
    if (pod.metadata.deletionTimestamp || this.evictions.has(pod.metadata.uid) || !this.running) return;
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return;
    const noExecute = (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (noExecute.length === 0) return;
    let wait = Infinity;
    for (const taint of noExecute) {
      const tol = (pod.spec.tolerations ?? []).find((t) => tolerates(t, taint));
      if (!tol) {
        wait = 0;
        break;
      }
      if (tol.tolerationSeconds !== undefined) wait = Math.min(wait, tol.tolerationSeconds * 1000);
    }
    if (wait === Infinity) return;
    const at = this.sim.now + wait;
    this.evictions.set(pod.metadata.uid, at);
    const epoch = this.epoch;
    this.sim.at(at, () => {
      this.evictions.delete(pod.metadata.uid);
      if (epoch !== this.epoch || !this.running) return;
      const current = this.pods.get(pod.metadata.namespace, pod.metadata.name);
      const stillTainted =
        current?.spec.nodeName &&
        (this.nodes.get(undefined, current.spec.nodeName)?.spec.taints ?? []).some(
          (t) => t.effect === 'NoExecute',
        );
      if (!current || current.metadata.deletionTimestamp || !stillTainted) return;
      this.eviction.record(
        current,
        'Normal',
        'TaintManagerEviction',
        `Marking for deletion Pod ${current.metadata.namespace}/${current.metadata.name}`,
      );
      this.api.request(
        KCM,
        {
          verb: 'delete',
          kind: 'Pod',
          namespace: current.metadata.namespace ?? 'default',
          name: current.metadata.name,
        },
        () => {},
        {
          as: controllerUser('taint-eviction-controller'),
        },
      );
    });
  }
}

function readyOf(node: Node): Condition<NodeConditionType> | undefined {
  for (const c of node.status.conditions ?? []) if (c.type === 'Ready') return c;
  return undefined;
}
