/** Facts about pods that several components need: requests, QoS class, readiness, ownership. */
import { bytes, milliCpu } from '../core/quantity';
import type { Condition, OwnerReference, Pod, PodConditionType, Toleration, Taint } from './types';

export interface Requests {
  readonly milliCpu: number;
  readonly memory: number;
}

/** A pod's requests, with the non-zero requests the scheduler scores with. */
export interface PodRequests extends Requests {
  readonly nonZero: Requests;
}

// Requests are read on every scheduling cycle and cache update; objects are immutable, so each is
// computed once, both kinds in one pass and one memo entry. The entry is the spec's: a status update
// makes a new pod object around the same spec, which then finds it.
const requestsMemo = new WeakMap<Pod['spec'], PodRequests>();

function requestsOf(pod: Pod): PodRequests {
  let r = requestsMemo.get(pod.spec);
  if (!r) requestsMemo.set(pod.spec, (r = requestsAndNonZero(pod)));
  return r;
}

/** The sum of the containers' requests (what the scheduler's Fit filter compares with allocatable). */
export function podRequests(pod: Pod): Requests {
  return requestsOf(pod);
}

/** For scoring only, containers with no request count as 100m CPU and 200Mi memory (pkg/scheduler/util). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function nonZeroRequests(pod: Pod): Requests {
  return requestsOf(pod).nonZero;
}

/**
 * Both kinds of requests, worked out afresh: for a caller that reads them once or twice per pod
 * (the scheduler), cheaper than a memo entry per pod.
 */
export function requestsAndNonZero(pod: Pod): PodRequests {
  let cpu = 0;
  let memory = 0;
  let nonZeroCpu = 0;
  let nonZeroMemory = 0;
  // An index loop: for…of's iterator protocol is most of this function's bytecode, which delays
  // V8's optimising it (the scheduler calls it once per pod) and takes up its callers' inlining room.
  const containers = pod.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const r = containers[i]!.resources?.requests;
    const containerCpu = r?.cpu ? milliCpu(r.cpu) : 0;
    const containerMemory = r?.memory ? bytes(r.memory) : 0;
    cpu += containerCpu;
    memory += containerMemory;
    nonZeroCpu += r?.cpu ? containerCpu : DEFAULT_MILLI_CPU_REQUEST;
    nonZeroMemory += r?.memory ? containerMemory : DEFAULT_MEMORY_REQUEST;
  }
  return { milliCpu: cpu, memory, nonZero: { milliCpu: nonZeroCpu, memory: nonZeroMemory } };
}

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (req.cpu || req.memory || lim.cpu || lim.memory) any = true;
    for (const r of ['cpu', 'memory'] as const) {
      const limit = lim[r];
      const request = req[r] ?? limit;
      if (!limit || request !== limit) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function podCondition(pod: Pod, type: PodConditionType): Condition<PodConditionType> | undefined {
  return pod.status.conditions?.find((c) => c.type === type);
}

export const isPodReady = (pod: Pod) => podCondition(pod, 'Ready')?.status === 'True';
export const isTerminating = (pod: Pod) => pod.metadata.deletionTimestamp !== undefined;
export const isTerminal = (pod: Pod) => pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';

/** Whether a pod still counts for its controller: not finished and not being deleted. */
export const isActive = (pod: Pod) => !isTerminal(pod) && !isTerminating(pod);

export function controllerOf(meta: { ownerReferences?: OwnerReference[] }): OwnerReference | undefined {
  return meta.ownerReferences?.find((r) => r.controller);
}

export function matchesLabels(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

/** Whether `toleration` tolerates `taint` (core/v1 helper ToleratesTaint). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key === undefined || toleration.key === '') return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

export const toleratesAll = (tolerations: readonly Toleration[] | undefined, taint: Taint) =>
  (tolerations ?? []).some((t) => tolerates(t, taint));

/** Upstream formats a pod as `name_namespace(uid)` in kubelet messages. */
export const formatPod = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
