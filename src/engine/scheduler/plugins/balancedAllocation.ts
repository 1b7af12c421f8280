/** NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in equal shares. */
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework';

export function balancedScore(cpuFraction: number, memFraction: number): number {
  return balancedCappedScore(Math.min(cpuFraction, 1), Math.min(memFraction, 1));
}

/** balancedScore for fractions already capped at 1 (the block index caps each request value once). */
export function balancedCappedScore(f1: number, f2: number): number {
  const std = Math.abs((f1 - f2) / 2);
  return Math.floor((1 - std) * MAX_NODE_SCORE);
}

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(state, node) {
    if (node.allocCpu === 0 || node.allocMem === 0) return 0;
    return balancedScore(
      (node.nonZeroCpu + state.podNonZeroCpu) / node.allocCpu,
      (node.nonZeroMem + state.podNonZeroMem) / node.allocMem,
    );
  },
};
