/**
 * The default profile's Filter and Score, fused into one pass per node with the cheap checks first.
 * It computes exactly what running FILTER_PLUGINS and SCORE_PLUGINS one by one computes (a property
 * test holds it to that); it exists because a cycle on 5,000 nodes calls them 5,000 times.
 */
import type { CycleState, FilterStatus } from './framework';
import { defaultNormalize } from './framework';
import type { NodeInfo } from './nodeInfo';
import { balancedScore } from './plugins/balancedAllocation';
import { ImageLocality } from './plugins/imageLocality';
import { NodeAffinityFilter, NodeAffinityScore } from './plugins/nodeAffinity';
import { NodeName } from './plugins/nodeName';
import { NodePorts } from './plugins/nodePorts';
import { leastRequestedScore, NodeResourcesFitFilter } from './plugins/nodeResourcesFit';
import { NodeUnschedulable } from './plugins/nodeUnschedulable';
import { TaintTolerationFilter, TaintTolerationScore } from './plugins/taintToleration';

/** FILTER_PLUGINS in order, skipping the ones that cannot fail for this pod and node. */
export function defaultFilter(state: CycleState, node: NodeInfo): FilterStatus | null {
  let status: FilterStatus | null;
  if (node.unschedulable && (status = NodeUnschedulable.filter(state, node))) return status;
  if (state.pod.spec.nodeName && (status = NodeName.filter(state, node))) return status;
  if (node.taints !== null && (status = TaintTolerationFilter.filter(state, node))) return status;
  if (state.constrained && (status = NodeAffinityFilter.filter(state, node))) return status;
  if (state.hostPorts.length > 0 && (status = NodePorts.filter(state, node))) return status;
  if (
    node.podCount + 1 > node.allocPods ||
    (state.podCpu > 0 && state.podCpu > node.allocCpu - node.reqCpu) ||
    (state.podMem > 0 && state.podMem > node.allocMem - node.reqMem)
  ) {
    return NodeResourcesFitFilter.filter(state, node);
  }
  return null;
}

/** SCORE_PLUGINS' weighted, normalised total per node, in `totals`. */
export function defaultScore(state: CycleState, nodes: readonly NodeInfo[], totals: Float64Array): void {
  const n = nodes.length;
  // TaintToleration and NodeAffinity raw scores are mostly all zero; their arrays are only made when not.
  let taintRaw: number[] | null = null;
  let affinityRaw: number[] | null = null;
  const preferred = state.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    if (node.taints !== null) {
      const raw = TaintTolerationScore.score(state, node);
      if (raw !== 0) (taintRaw ??= new Array<number>(n).fill(0))[i] = raw;
    }
    if (preferred) {
      const raw = NodeAffinityScore.score(state, node);
      if (raw !== 0) (affinityRaw ??= new Array<number>(n).fill(0))[i] = raw;
    }
    const cpu = node.nonZeroCpu + state.podNonZeroCpu;
    const mem = node.nonZeroMem + state.podNonZeroMem;
    const fit = Math.floor(
      (leastRequestedScore(cpu, node.allocCpu) + leastRequestedScore(mem, node.allocMem)) / 2,
    );
    const balanced =
      node.allocCpu === 0 || node.allocMem === 0
        ? 0
        : balancedScore(cpu / node.allocCpu, mem / node.allocMem);
    const image = node.images.size > 0 ? ImageLocality.score(state, node) : 0;
    totals[i] = fit + balanced + image;
  }
  // All-zero raw scores normalise to 100 each (TaintToleration, reversed) and 0 each (NodeAffinity).
  if (taintRaw) {
    defaultNormalize(taintRaw, true);
    for (let i = 0; i < n; i++) totals[i]! += taintRaw[i]! * TaintTolerationScore.weight;
  } else {
    const all = 100 * TaintTolerationScore.weight;
    for (let i = 0; i < n; i++) totals[i]! += all;
  }
  if (affinityRaw) {
    defaultNormalize(affinityRaw, false);
    for (let i = 0; i < n; i++) totals[i]! += affinityRaw[i]! * NodeAffinityScore.weight;
  }
}
