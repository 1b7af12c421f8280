/** kubelet's own admission (lifecycle/predicate.go): a pod bound here must fit what the node's pods leave free. */
import { podRequests } from '../api/pods';
import type { Pod } from '../api/types';

export interface Refusal {
  readonly reason: 'OutOfcpu' | 'OutOfmemory';
  readonly message: string;
}

/** Why `pod` cannot run next to `running` on a node of this capacity, or null when it fits. */
export function admitPod(
  pod: Pod,
  running: Iterable<Pod>,
  capacity: { milliCpu: number; memory: number },
): Refusal | null {
  let cpu = 0;
  let mem = 0;
  for (const p of running) {
    const r = podRequests(p);
    cpu += r.milliCpu;
    mem += r.memory;
  }
  const want = podRequests(pod);
  if (cpu + want.milliCpu > capacity.milliCpu) {
    return {
      reason: 'OutOfcpu',
      message: `Pod was rejected: Node didn't have enough resource: cpu, requested: ${want.milliCpu}, used: ${cpu}, capacity: ${capacity.milliCpu}`,
    };
  }
  if (mem + want.memory > capacity.memory) {
    return {
      reason: 'OutOfmemory',
      message: `Pod was rejected: Node didn't have enough resource: memory, requested: ${want.memory}, used: ${mem}, capacity: ${capacity.memory}`,
    };
  }
  return null;
}
