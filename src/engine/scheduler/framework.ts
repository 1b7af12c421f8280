/** The scheduling framework's shapes: plugin hooks, statuses and per-cycle state (pkg/scheduler/framework). */
import type { Pod, Toleration } from '../api/types';
import type { NodeInfo } from './nodeInfo';
import type { SpreadSelector } from './plugins/podTopologySpread';

export const MAX_NODE_SCORE = 100;

export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  readonly code: StatusCode;
  readonly plugin: string;
  readonly reasons: readonly string[];
}

/** What a cycle computes once per pod and shares between plugins (CycleState). */
export interface CycleState {
  readonly pod: Pod;
  /** The pod's tolerations, and those that count for PreferNoSchedule scoring. */
  readonly tolerations: readonly Toleration[];
  readonly preferTolerations: readonly Toleration[];
  /** Whether the pod has a nodeSelector or required node affinity at all. */
  readonly constrained: boolean;
  /** Its containers' images, normalised as ImageLocality compares them. */
  readonly images: readonly string[];
  readonly podCpu: number;
  readonly podMem: number;
  readonly podNonZeroCpu: number;
  readonly podNonZeroMem: number;
  readonly hostPorts: readonly string[];
  readonly totalNodes: number;
  /** Per image: on how many nodes it is (for ImageLocality's spread factor). */
  readonly imageNodeCounts: ReadonlyMap<string, number>;
  /**
   * PodTopologySpread's default selector for the pod (the Services and ReplicaSets that select it),
   * from the scheduler's informers; none: the pod is not spread.
   */
  readonly spreadSelector?: SpreadSelector;
}

export interface FilterPlugin {
  readonly name: string;
  /**
   * PreFilter, once per cycle before Filter, with every node; false skips the plugin's Filter for
   * this pod (it then refuses no node).
   */
  preFilter?(state: CycleState, all: readonly NodeInfo[]): boolean;
  /** null when the node passes. */
  filter(state: CycleState, node: NodeInfo): FilterStatus | null;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /**
   * PreScore, once per cycle before Score, with the nodes that passed Filter and all nodes; false
   * skips the plugin for this pod (it then scores nothing and adds nothing).
   */
  preScore?(state: CycleState, feasible: readonly NodeInfo[], all: readonly NodeInfo[]): boolean;
  score(state: CycleState, node: NodeInfo): number;
  /** Rescales raw scores to 0–100 in place (NormalizeScore). */
  normalize?(scores: number[]): void;
}

/** framework.DefaultNormalizeScore: scale to 0–100 by the highest score, optionally reversed. */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      scores[i] = reverse ? MAX_NODE_SCORE : 0;
      continue;
    }
    const s = Math.floor((MAX_NODE_SCORE * scores[i]!) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
