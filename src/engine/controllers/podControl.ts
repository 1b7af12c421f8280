/** What controllers share for pods: making one from a template, and ranking which to delete first. */
import { controllerOf, isPodReady } from '../api/pods';
import type { OwnerReference, Pod, PodTemplate } from '../api/types';
import type { Informer } from '../client/informer';

/** A new pod from a controller's template, owned by (and named after) the controller. */
export function podFromTemplate(
  template: PodTemplate,
  namespace: string,
  generateName: string,
  owner: OwnerReference,
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName,
      namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...(template.metadata.labels ?? {}) },
      ...(template.metadata.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      // Object.assign, not a spread literal: the reference gains keys (see core/extendable).
      ownerReferences: [Object.assign({}, owner, { controller: true, blockOwnerDeletion: true })],
    },
    spec: structuredClone(template.spec),
    status: { phase: 'Pending' },
  };
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** The annotation's int32, or 0 when it is missing or not a valid one (as the controller reads it). */
function deletionCost(pod: Pod): number {
  const text = pod.metadata.annotations?.[DELETION_COST];
  if (text === undefined || !/^[+-]?\d+$/.test(text.trim())) return 0;
  const n = Number(text.trim());
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : 0;
}

/** When the pod last became Ready (its Ready condition's lastTransitionTime), in epoch ms. */
export function readySince(pod: Pod): number | undefined {
  const t = pod.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
  return t ? Date.parse(t) : undefined;
}

const maxRestarts = (pod: Pod) =>
  Math.max(0, ...(pod.status.containerStatuses ?? []).map((s) => s.restartCount));

/**
 * LogarithmicScaleDown: two ages compare by the integer log2 of their nanoseconds, so pods that
 * came up about the same time (same power of two) count as equally old and the UID decides.
 */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => (now - t > 0 ? Math.floor(Math.log2((now - t) * 1e6)) : -1);
  return rank(t1) - rank(t2);
}

/** A pod to rank, with how many active pods of the same workload share its node. */
export interface RankedPod {
  readonly pod: Pod;
  readonly rank: number;
}

/**
 * The order pods are deleted in when scaling down (controller_utils.go ActivePodsWithRanks.Less):
 * unscheduled before scheduled; Pending, Unknown, then Running; not ready before ready; lower
 * pod-deletion-cost first; more doubled up on its node first; ready for less time first (log
 * scale); more container restarts first; newer first (log scale). `now` is in epoch ms.
 */
export function deletionOrder(now: number): (a: RankedPod, b: RankedPod) => number {
  return ({ pod: a, rank: ra }, { pod: b, rank: rb }) => {
    if (!a.spec.nodeName !== !b.spec.nodeName) return a.spec.nodeName ? 1 : -1;
    const phase = (p: Pod) => PHASE_RANK[p.status.phase] ?? 3;
    if (phase(a) !== phase(b)) return phase(a) - phase(b);
    const readyA = isPodReady(a);
    if (readyA !== isPodReady(b)) return readyA ? 1 : -1;
    const cost = deletionCost(a) - deletionCost(b);
    if (cost !== 0) return cost;
    if (ra !== rb) return rb - ra;
    if (readyA) {
      const order = byAge(readySince(a), readySince(b), now, a, b);
      if (order !== 0) return order;
    }
    const restarts = maxRestarts(b) - maxRestarts(a);
    if (restarts !== 0) return restarts;
    const created = byAge(
      Date.parse(a.metadata.creationTimestamp),
      Date.parse(b.metadata.creationTimestamp),
      now,
      a,
      b,
    );
    if (created !== 0) return created;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  };
}

/** Newer (or unknown) first; on the log scale, the same bucket falls back to the UID. */
function byAge(t1: number | undefined, t2: number | undefined, now: number, a: Pod, b: Pod): number {
  if (t1 === t2) return 0;
  if (t1 === undefined || Number.isNaN(t1)) return -1;
  if (t2 === undefined || Number.isNaN(t2)) return 1;
  const diff = logRankDiff(t1, t2, now);
  if (diff !== 0) return diff;
  return a.metadata.uid < b.metadata.uid ? -1 : a.metadata.uid > b.metadata.uid ? 1 : 0;
}

/**
 * getPodsToDelete: the `count` pods to delete from `pods`, each ranked by how many of `related`
 * (the active pods of every ReplicaSet of the same Deployment) share its node. Deleting them all
 * needs no order, and none is sorted then.
 */
export function podsToDelete(
  pods: readonly Pod[],
  related: readonly Pod[],
  count: number,
  now: number,
): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods
    .map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }))
    .sort(deletionOrder(now))
    .slice(0, count)
    .map((r) => r.pod);
}

export const ownedBy = (pod: Pod, uid: string) => controllerOf(pod.metadata)?.uid === uid;

/** The name of a pod informer's index by the node each pod is bound to (see `indexPodsByNode`). */
export const BY_NODE = 'spec.nodeName';

/** Indexes a pod informer by node, so a node's pods are found without going through every pod. */
export function indexPodsByNode(pods: Informer<'Pod'>): void {
  pods.addIndex(BY_NODE, (p) => p.spec.nodeName);
}
