/**
 * NodeResourcesFit: Filter checks that the pod's requests fit what the node's pods leave of its
 * allocatable (and its pod count); Score uses LeastAllocated over cpu and memory, weight 1 each.
 */
import { MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../framework';

export const ERR_TOO_MANY_PODS = 'Too many pods';
export const insufficient = (resource: string) => `Insufficient ${resource}`;

export const NodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(state, node) {
    const tooMany = node.pods.size + 1 > node.allocPods;
    const cpu = state.podCpu > 0 && state.podCpu > node.allocCpu - node.reqCpu;
    const mem = state.podMem > 0 && state.podMem > node.allocMem - node.reqMem;
    if (!tooMany && !cpu && !mem) return null;
    const reasons: string[] = [];
    if (tooMany) reasons.push(ERR_TOO_MANY_PODS);
    if (cpu) reasons.push(insufficient('cpu'));
    if (mem) reasons.push(insufficient('memory'));
    return { code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons };
  },
};

/** (allocatable − requested) × 100 / allocatable, 0 when over (least_allocated.go), integer maths as upstream. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export const NodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(state, node) {
    const cpu = leastRequestedScore(node.nonZeroCpu + state.podNonZeroCpu, node.allocCpu);
    const mem = leastRequestedScore(node.nonZeroMem + state.podNonZeroMem, node.allocMem);
    return Math.floor((cpu + mem) / 2);
  },
};
