/**
 * What the diagram draws of the cluster's objects at the cursor: each node's status and its pods,
 * and the pods still waiting for a node. Derived from etcd's objects, and shared with the previous
 * view wherever nothing changed, so a node whose pods did not change is not drawn again.
 */
import type { KubeObject, Node, Pod } from '../engine/api/types';

/** A pod's STATUS as `kubectl get pods` shows it. */
export type PodDisplayStatus = string;

export interface PodView {
  readonly namespace: string;
  readonly name: string;
  readonly status: PodDisplayStatus;
  /** The colour family the status belongs to. */
  readonly tone: PodTone;
}

export type PodTone = 'pending' | 'creating' | 'running' | 'terminating' | 'failed' | 'done';

export interface NodeView {
  readonly name: string;
  /** The Node object exists (kubelet has registered it). */
  readonly registered: boolean;
  /** Its Ready condition: 'True', 'False', 'Unknown', or null before the first report. */
  readonly ready: 'True' | 'False' | 'Unknown' | null;
  readonly unschedulable: boolean;
  readonly taints: readonly string[];
  /** Pods bound to it that the diagram draws as pods (not those it draws as components). */
  readonly pods: readonly PodView[];
  /** Pods bound to it that are drawn as components (static control-plane pods, kube-proxy, CoreDNS). */
  readonly systemPods: number;
}

export interface ClusterView {
  readonly nodes: ReadonlyMap<string, NodeView>;
  /** Pods no node has been chosen for yet. */
  readonly unscheduled: readonly PodView[];
}

export const EMPTY_VIEW: ClusterView = { nodes: new Map(), unscheduled: [] };

/** Pods the diagram already shows as a component card. */
function drawnAsComponent(pod: Pod): boolean {
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return true;
  const owner = pod.metadata.ownerReferences?.[0];
  if (pod.metadata.namespace === 'kube-system' && owner?.kind === 'DaemonSet') return true;
  if (pod.metadata.labels?.['k8s-app'] === 'kube-dns') return true;
  return pod.metadata.namespace === 'kubernetes-dashboard';
}

/** STATUS as kubectl prints it: Terminating, a container's waiting reason, or the phase. */
export function podStatus(pod: Pod): PodDisplayStatus {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  if (pod.status.reason && pod.status.phase === 'Failed') return pod.status.reason;
  for (const c of pod.status.containerStatuses ?? []) {
    const waiting = c.state.waiting?.reason;
    if (waiting) return waiting;
    if (c.state.terminated && pod.status.phase === 'Running') return c.state.terminated.reason;
  }
  if (pod.status.phase === 'Pending' && pod.spec.nodeName) return 'ContainerCreating';
  return pod.status.phase;
}

export function podTone(status: PodDisplayStatus): PodTone {
  switch (status) {
    case 'Running':
      return 'running';
    case 'Pending':
      return 'pending';
    case 'ContainerCreating':
    case 'PodInitializing':
      return 'creating';
    case 'Terminating':
      return 'terminating';
    case 'Succeeded':
    case 'Completed':
      return 'done';
    default:
      return 'failed';
  }
}

function samePods(a: readonly PodView[], b: readonly PodView[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Builds the view of `objects`, reusing whatever is unchanged from `previous`. */
export function deriveClusterView(
  objects: ReadonlyMap<string, KubeObject>,
  nodeNames: readonly string[],
  previous: ClusterView = EMPTY_VIEW,
): ClusterView {
  const previousPods = new Map<string, PodView>();
  for (const n of previous.nodes.values())
    for (const p of n.pods) previousPods.set(`${p.namespace}/${p.name}`, p);
  for (const p of previous.unscheduled) previousPods.set(`${p.namespace}/${p.name}`, p);
  const podView = (pod: Pod): PodView => {
    const namespace = pod.metadata.namespace ?? 'default';
    const status = podStatus(pod);
    const old = previousPods.get(`${namespace}/${pod.metadata.name}`);
    if (old && old.status === status) return old;
    return { namespace, name: pod.metadata.name, status, tone: podTone(status) };
  };

  const nodeObjects = new Map<string, Node>();
  const podsOn = new Map<string, PodView[]>();
  const systemOn = new Map<string, number>();
  const unscheduled: PodView[] = [];
  for (const o of objects.values()) {
    if (o.kind === 'Node') nodeObjects.set(o.metadata.name, o);
    else if (o.kind === 'Pod') {
      const node = o.spec.nodeName;
      if (!node) {
        if (o.status.phase === 'Pending') unscheduled.push(podView(o));
      } else if (drawnAsComponent(o)) systemOn.set(node, (systemOn.get(node) ?? 0) + 1);
      else {
        const list = podsOn.get(node) ?? [];
        list.push(podView(o));
        podsOn.set(node, list);
      }
    }
  }
  const byName = (a: PodView, b: PodView) =>
    a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? 1 : -1;

  const nodes = new Map<string, NodeView>();
  for (const name of new Set([...nodeNames, ...nodeObjects.keys()])) {
    const node = nodeObjects.get(name);
    const ready = node?.status.conditions.find((c) => c.type === 'Ready')?.status ?? null;
    const pods = (podsOn.get(name) ?? []).sort(byName);
    const taints = (node?.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);
    const next: NodeView = {
      name,
      registered: node !== undefined,
      ready,
      unschedulable: node?.spec.unschedulable === true,
      taints,
      pods,
      systemPods: systemOn.get(name) ?? 0,
    };
    const old = previous.nodes.get(name);
    const same =
      old &&
      old.registered === next.registered &&
      old.ready === next.ready &&
      old.unschedulable === next.unschedulable &&
      old.systemPods === next.systemPods &&
      old.taints.join() === next.taints.join() &&
      samePods(old.pods, next.pods);
    nodes.set(name, same ? old : next);
  }
  unscheduled.sort(byName);
  return {
    nodes,
    unscheduled: samePods(previous.unscheduled, unscheduled) ? previous.unscheduled : unscheduled,
  };
}
