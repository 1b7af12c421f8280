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
      ownerReferences: [{ ...owner, controller: true, blockOwnerDeletion: true }],
    },
    spec: structuredClone(template.spec),
    status: { phase: 'Pending' },
  };
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The order pods are deleted in when scaling down (controller_utils.go ActivePods ranking):
 * unscheduled before scheduled, Pending before Running, not ready before ready, newer before older.
 */
export function deletionOrder(a: Pod, b: Pod): number {
  const unassigned = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  if (unassigned(a) !== unassigned(b)) return unassigned(a) - unassigned(b);
  const phase = (p: Pod) => PHASE_RANK[p.status.phase] ?? 3;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp)
    return a.metadata.creationTimestamp > b.metadata.creationTimestamp ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

export const ownedBy = (pod: Pod, uid: string) => controllerOf(pod.metadata)?.uid === uid;

/** The name of a pod informer's index by the node each pod is bound to (see `indexPodsByNode`). */
export const BY_NODE = 'spec.nodeName';

/** Indexes a pod informer by node, so a node's pods are found without going through every pod. */
export function indexPodsByNode(pods: Informer<'Pod'>): void {
  pods.addIndex(BY_NODE, (p) => p.spec.nodeName);
}
