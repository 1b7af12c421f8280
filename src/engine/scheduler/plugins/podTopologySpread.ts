/**
 * PodTopologySpread's Score with the system default constraints (defaultingType: System): a pod
 * with no constraints of its own that belongs to a Service or a ReplicaSet is spread with
 * `maxSkew: 3` over `kubernetes.io/hostname` and `maxSkew: 5` over `topology.kubernetes.io/zone`,
 * both ScheduleAnyway. So replicas of a Deployment spread across nodes even where another node
 * has more room. Only a soft preference: the default constraints never filter a node out.
 *
 * Score (plugin.go, scoring.go): per constraint whose topology key the node has, the number of
 * pods matching the selector in the node's domain times the topology's normalising weight
 * (ln(domains + 2)), plus maxSkew − 1; rounded. NormalizeScore reverses it: fewer matching pods,
 * higher score, 100 · (max + min − s) / max.
 */
import type { Pod, ReplicaSet, Service } from '../../api/types';
import { MAX_NODE_SCORE, type CycleState, type ScorePlugin } from '../framework';
import type { NodeInfo } from '../nodeInfo';

export const HOSTNAME_KEY = 'kubernetes.io/hostname';
export const ZONE_KEY = 'topology.kubernetes.io/zone';

interface Constraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
}

/** The system default constraints (podtopologyspread/plugin.go systemDefaultConstraints). */
const SYSTEM_DEFAULT_CONSTRAINTS: readonly Constraint[] = [
  { maxSkew: 3, topologyKey: HOSTNAME_KEY },
  { maxSkew: 5, topologyKey: ZONE_KEY },
];

/** A label selector that is the AND of several `matchLabels` sets. */
export type SpreadSelector = readonly Readonly<Record<string, string>>[];

const selects = (selector: Readonly<Record<string, string>>, labels: Record<string, string> | undefined) => {
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
};

/**
 * helper.DefaultSelector: the selectors of the Services and ReplicaSets in the pod's namespace that
 * select it, all required at once. Empty when none does (the pod is then not spread).
 */
export function defaultSelector(
  pod: Pod,
  services: Iterable<Service>,
  replicaSets: Iterable<ReplicaSet>,
): SpreadSelector {
  const namespace = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels;
  const out: Record<string, string>[] = [];
  for (const s of services) {
    const selector = s.spec.selector;
    if ((s.metadata.namespace ?? 'default') !== namespace || !selector || !Object.keys(selector).length)
      continue;
    if (selects(selector, labels)) out.push(selector);
  }
  for (const rs of replicaSets) {
    const selector = rs.spec.selector.matchLabels;
    if ((rs.metadata.namespace ?? 'default') !== namespace || !selector || !Object.keys(selector).length)
      continue;
    if (selects(selector, labels)) out.push(selector);
  }
  return out;
}

/** countPodsMatchSelector: the node's pods in `namespace` the selector matches, not being deleted. */
function matchingPods(node: NodeInfo, selector: SpreadSelector, namespace: string): number {
  let count = 0;
  outer: for (const p of node.pods.values()) {
    if (p.metadata.deletionTimestamp || (p.metadata.namespace ?? 'default') !== namespace) continue;
    for (const s of selector) if (!selects(s, p.metadata.labels)) continue outer;
    count++;
  }
  return count;
}

/** What PreScore works out for a cycle: per constraint, its weight and the pods in each domain. */
interface SpreadState {
  readonly constraints: readonly Constraint[];
  readonly weights: readonly number[];
  /** Per constraint (not the hostname one, counted per node): matching pods by topology value. */
  readonly counts: readonly Map<string, number>[];
}

const states = new WeakMap<CycleState, SpreadState>();

export const PodTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(state, feasible, all) {
    const selector = state.spreadSelector;
    if (!selector?.length || feasible.length === 0 || all.length === 0) return false;
    const constraints = SYSTEM_DEFAULT_CONSTRAINTS;
    const namespace = state.pod.metadata.namespace ?? 'default';
    // System defaults do not require every topology key: a node without a zone is still spread by hostname.
    const counts = constraints.map(() => new Map<string, number>());
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME_KEY) return;
      for (const node of feasible) counts[i]!.set(node.node.metadata.labels?.[c.topologyKey] ?? '', 0);
    });
    for (const node of all)
      constraints.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME_KEY) return;
        const value = node.node.metadata.labels?.[c.topologyKey] ?? '';
        const count = counts[i]!.get(value);
        if (count !== undefined) counts[i]!.set(value, count + matchingPods(node, selector, namespace));
      });
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === HOSTNAME_KEY ? feasible.length : counts[i]!.size) + 2),
    );
    states.set(state, { constraints, weights, counts });
    return true;
  },
  score(state, node) {
    const spread = states.get(state);
    if (!spread) return 0;
    const labels = node.node.metadata.labels;
    const namespace = state.pod.metadata.namespace ?? 'default';
    let score = 0;
    spread.constraints.forEach((c, i) => {
      const value = labels?.[c.topologyKey];
      if (value === undefined) return;
      const count =
        c.topologyKey === HOSTNAME_KEY
          ? matchingPods(node, state.spreadSelector!, namespace)
          : (spread.counts[i]!.get(value) ?? 0);
      score += count * spread.weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  },
  normalize(scores) {
    let min = Infinity;
    let max = 0;
    for (const s of scores) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    for (let i = 0; i < scores.length; i++)
      scores[i] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
  },
};
