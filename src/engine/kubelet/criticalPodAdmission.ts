/**
 * kubelet's CriticalPodAdmissionHandler: a critical pod (a static pod, or one of priority
 * system-cluster-critical or higher) that does not fit what the node's pods leave is not refused;
 * kubelet preempts ordinary pods to make room. It picks the fewest pods it can, BestEffort before
 * Burstable before Guaranteed (getPodsToPreempt), each round the pod whose requests come closest to
 * covering what is still missing (getPodsToPreemptByDistance), the smaller of two equally close.
 */
import { podRequests, qosClass } from '../api/pods';
import type { Pod } from '../api/types';

/** SystemCriticalPriority: system-cluster-critical and system-node-critical are at or above it. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

export const PREEMPT_REASON = 'Preempting';
export const PREEMPT_MESSAGE = 'Preempted in order to admit critical pod';

/** IsCriticalPod: static and mirror pods, and pods of system-critical priority. */
export function isCriticalPod(pod: Pod, isStatic: boolean): boolean {
  return isStatic || (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
}

interface Requirement {
  readonly resource: 'milliCpu' | 'memory';
  readonly quantity: number;
}

/** What must be freed for `pod` to fit beside `running` within `capacity`; empty if it fits. */
export function shortfall(
  pod: Pod,
  running: Iterable<Pod>,
  capacity: { milliCpu: number; memory: number },
): Requirement[] {
  const used = { milliCpu: 0, memory: 0 };
  for (const p of running) {
    const r = podRequests(p);
    used.milliCpu += r.milliCpu;
    used.memory += r.memory;
  }
  const want = podRequests(pod);
  const out: Requirement[] = [];
  for (const resource of ['milliCpu', 'memory'] as const) {
    const quantity = want[resource] - (capacity[resource] - used[resource]);
    if (quantity > 0) out.push({ resource, quantity });
  }
  return out;
}

function subtract(requirements: readonly Requirement[], pods: readonly Pod[]): Requirement[] {
  const out: Requirement[] = [];
  for (const req of requirements) {
    let quantity = req.quantity;
    for (const p of pods) {
      quantity -= podRequests(p)[req.resource];
      if (quantity <= 0) break;
    }
    if (quantity > 0) out.push({ resource: req.resource, quantity });
  }
  return out;
}

/** How far a pod's requests fall short of the requirements, each requirement weighing alike. */
function distance(requirements: readonly Requirement[], pod: Pod): number {
  let d = 0;
  for (const req of requirements) {
    const remaining = req.quantity - podRequests(pod)[req.resource];
    if (remaining > 0) d += (remaining / req.quantity) ** 2;
  }
  return d;
}

/** smallerResourceRequest: memory first, then cpu. */
function smaller(a: Pod, b: Pod): boolean {
  const ra = podRequests(a);
  const rb = podRequests(b);
  return ra.memory !== rb.memory ? ra.memory < rb.memory : ra.milliCpu < rb.milliCpu;
}

function byDistance(candidates: readonly Pod[], requirements: Requirement[]): Pod[] | null {
  const pods = [...candidates];
  const chosen: Pod[] = [];
  let left = requirements;
  while (left.length > 0) {
    if (pods.length === 0) return null;
    let best = 0;
    let bestDistance = left.length + 1;
    pods.forEach((p, i) => {
      const d = distance(left, p);
      if (d < bestDistance || (d === bestDistance && smaller(p, pods[best]!))) {
        bestDistance = d;
        best = i;
      }
    });
    left = subtract(left, [pods[best]!]);
    chosen.push(pods[best]!);
    pods[best] = pods[pods.length - 1]!;
    pods.pop();
  }
  return chosen;
}

/** The pods to preempt to meet `requirements` (null when even all of them would not do). */
export function podsToPreempt(candidates: readonly Pod[], requirements: Requirement[]): Pod[] | null {
  const of = (q: string) => candidates.filter((p) => qosClass(p) === q);
  const bestEffort = of('BestEffort');
  const burstable = of('Burstable');
  const guaranteed = of('Guaranteed');
  if (subtract(requirements, [...bestEffort, ...burstable, ...guaranteed]).length > 0) return null;
  const guaranteedOut = byDistance(guaranteed, subtract(requirements, [...bestEffort, ...burstable]));
  const burstableOut = byDistance(
    burstable,
    subtract(requirements, [...bestEffort, ...(guaranteedOut ?? [])]),
  );
  const bestEffortOut = byDistance(
    bestEffort,
    subtract(requirements, [...(burstableOut ?? []), ...(guaranteedOut ?? [])]),
  );
  if (!guaranteedOut || !burstableOut || !bestEffortOut) return null;
  return [...bestEffortOut, ...burstableOut, ...guaranteedOut];
}
