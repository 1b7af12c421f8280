/** The default-scheduler profile: which Filter and Score plugins run, in upstream order, with their weights. */
import { InterPodAffinityFilter, InterPodAffinityScore } from './plugins/interPodAffinity';
import type { FilterPlugin, ScorePlugin } from './framework';
import { ImageLocality } from './plugins/imageLocality';
import { NodeAffinityFilter, NodeAffinityScore } from './plugins/nodeAffinity';
import { NodeName } from './plugins/nodeName';
import { NodePorts } from './plugins/nodePorts';
import { NodeResourcesBalancedAllocation } from './plugins/balancedAllocation';
import { NodeResourcesFitFilter, NodeResourcesFitScore } from './plugins/nodeResourcesFit';
import { NodeUnschedulable } from './plugins/nodeUnschedulable';
import { PodTopologySpreadScore } from './plugins/podTopologySpread';
import { TaintTolerationFilter, TaintTolerationScore } from './plugins/taintToleration';

export const SCHEDULER_NAME = 'default-scheduler';

export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  NodeUnschedulable,
  NodeName,
  TaintTolerationFilter,
  NodeAffinityFilter,
  NodePorts,
  NodeResourcesFitFilter,
  InterPodAffinityFilter,
];

export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  TaintTolerationScore,
  NodeAffinityScore,
  NodeResourcesFitScore,
  PodTopologySpreadScore,
  InterPodAffinityScore,
  NodeResourcesBalancedAllocation,
  ImageLocality,
];

/** numFeasibleNodesToFind (schedule_one.go) with percentageOfNodesToScore 0 (adaptive). */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  const MIN_FEASIBLE = 100;
  if (numAllNodes < MIN_FEASIBLE) return numAllNodes;
  let pct = percentageOfNodesToScore;
  if (pct <= 0) {
    pct = 50 - Math.floor(numAllNodes / 125);
    if (pct < 5) pct = 5;
  }
  const n = Math.floor((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE ? MIN_FEASIBLE : n;
}
