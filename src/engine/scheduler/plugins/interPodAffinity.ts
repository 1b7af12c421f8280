/**
 * InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity): pods placed by the pods
 * already running. Filter: the pod's required affinity needs a matching pod in the node's
 * topology domain; its required anti-affinity wants none there; and no existing pod's required
 * anti-affinity may match it there (the rule holds both ways). Score (weight 2): per topology
 * domain, + the weight of each preferred affinity term a pod there matches, − for anti-affinity,
 * from the incoming pod's terms and the existing pods' terms alike (their required affinity counts
 * with hardPodAffinityWeight 1); normalised min–max to 0–100.
 *
 * Both skip a pod when neither it nor any existing pod has such terms (PreFilter and PreScore
 * return Skip), so the usual pod never pays for it.
 */
import type { LabelSelector, Pod, PodAffinityTerm, WeightedPodAffinityTerm } from '../../api/types';
import {
  MAX_NODE_SCORE,
  type CycleState,
  type FilterPlugin,
  type FilterStatus,
  type ScorePlugin,
} from '../framework';
import type { NodeInfo } from '../nodeInfo';

export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

/** HardPodAffinityWeight's default: an existing pod's required affinity counts this much in Score. */
const HARD_POD_AFFINITY_WEIGHT = 1;

const NONE: readonly never[] = [];

const required = (pod: Pod, anti: boolean): readonly PodAffinityTerm[] =>
  (anti ? pod.spec.affinity?.podAntiAffinity : pod.spec.affinity?.podAffinity)
    ?.requiredDuringSchedulingIgnoredDuringExecution ?? NONE;

const preferred = (pod: Pod, anti: boolean): readonly WeightedPodAffinityTerm[] =>
  (anti ? pod.spec.affinity?.podAntiAffinity : pod.spec.affinity?.podAffinity)
    ?.preferredDuringSchedulingIgnoredDuringExecution ?? NONE;

/** Whether the pod has any pod affinity or anti-affinity term (NodeInfo's PodsWithAffinity). */
export function hasPodAffinity(pod: Pod): boolean {
  const a = pod.spec.affinity;
  if (!a || (!a.podAffinity && !a.podAntiAffinity)) return false;
  return (
    required(pod, false).length +
      required(pod, true).length +
      preferred(pod, false).length +
      preferred(pod, true).length >
    0
  );
}

/** Whether the pod has a required anti-affinity term (NodeInfo's PodsWithRequiredAntiAffinity). */
export const hasRequiredAntiAffinity = (pod: Pod) => required(pod, true).length > 0;

/** A label selector: absent matches nothing, empty matches everything (metav1.LabelSelectorAsSelector). */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const k in selector.matchLabels ?? {}) if (l[k] !== selector.matchLabels![k]) return false;
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const ok =
      r.operator === 'In'
        ? has && (r.values ?? []).includes(l[r.key]!)
        : r.operator === 'NotIn'
          ? !has || !(r.values ?? []).includes(l[r.key]!)
          : r.operator === 'Exists'
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}

/** AffinityTerm.Matches: the pod is in the term's namespaces (its owner's by default) and selected. */
function termMatches(term: PodAffinityTerm, ownerNamespace: string, pod: Pod): boolean {
  const namespace = pod.metadata.namespace ?? 'default';
  const namespaces = term.namespaces?.length ? term.namespaces : [ownerNamespace];
  return namespaces.includes(namespace) && selectorMatches(term.labelSelector, pod.metadata.labels);
}

const nsOf = (pod: Pod) => pod.metadata.namespace ?? 'default';

/**
 * Whether any of `owner`'s terms selects `pod`: if none does, and `pod` has no terms itself, the
 * plugin neither refuses a node nor scores one for it (the scheduler then keeps its fast path).
 */
export function termsSelect(owner: Pod, pod: Pod): boolean {
  const ns = nsOf(owner);
  for (const anti of [false, true]) {
    for (const t of required(owner, anti)) if (termMatches(t, ns, pod)) return true;
    for (const w of preferred(owner, anti)) if (termMatches(w.podAffinityTerm, ns, pod)) return true;
  }
  return false;
}
const pair = (key: string, value: string) => `${key}\u0000${value}`;

/** PreFilter's counts per topology pair (topologyToMatchedTermCount). */
interface FilterState {
  readonly existingAnti: Map<string, number>;
  readonly affinity: Map<string, number>;
  readonly anti: Map<string, number>;
  readonly requiredAffinity: readonly PodAffinityTerm[];
  readonly requiredAnti: readonly PodAffinityTerm[];
}

const filterStates = new WeakMap<CycleState, FilterState | null>();

function count(map: Map<string, number>, node: NodeInfo, key: string): void {
  const value = node.node.metadata.labels?.[key];
  if (value === undefined) return;
  const p = pair(key, value);
  map.set(p, (map.get(p) ?? 0) + 1);
}

function prepareFilter(state: CycleState, all: readonly NodeInfo[]): FilterState | null {
  const pod = state.pod;
  const requiredAffinity = required(pod, false);
  const requiredAnti = required(pod, true);
  const existingAnti = new Map<string, number>();
  const affinity = new Map<string, number>();
  const anti = new Map<string, number>();
  for (const node of all) {
    if (node.requiredAntiAffinityPods > 0)
      for (const existing of node.pods.values())
        for (const t of required(existing, true))
          if (termMatches(t, nsOf(existing), pod)) count(existingAnti, node, t.topologyKey);
    if (requiredAffinity.length === 0 && requiredAnti.length === 0) continue;
    for (const existing of node.pods.values()) {
      // updateWithAffinityTerms: an existing pod counts only if it matches all the required terms.
      if (requiredAffinity.length && requiredAffinity.every((t) => termMatches(t, nsOf(pod), existing)))
        for (const t of requiredAffinity) count(affinity, node, t.topologyKey);
      for (const t of requiredAnti) if (termMatches(t, nsOf(pod), existing)) count(anti, node, t.topologyKey);
    }
  }
  if (existingAnti.size === 0 && requiredAffinity.length === 0 && requiredAnti.length === 0) return null;
  return { existingAnti, affinity, anti, requiredAffinity, requiredAnti };
}

function satisfiesAffinity(s: FilterState, pod: Pod, labels: Record<string, string>): boolean {
  let podsExist = true;
  for (const t of s.requiredAffinity) {
    const value = labels[t.topologyKey];
    if (value === undefined) return false;
    if ((s.affinity.get(pair(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself: nothing matches yet, but it matches its own terms.
  return (
    podsExist || (s.affinity.size === 0 && s.requiredAffinity.every((t) => termMatches(t, nsOf(pod), pod)))
  );
}

export const InterPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter(state, all) {
    const s = prepareFilter(state, all);
    filterStates.set(state, s);
    return s !== null;
  },
  filter(state, node): FilterStatus | null {
    const s = filterStates.get(state);
    if (!s) return null;
    const labels = node.node.metadata.labels ?? {};
    if (!satisfiesAffinity(s, state.pod, labels))
      return { code: 'UnschedulableAndUnresolvable', plugin: 'InterPodAffinity', reasons: [ERR_AFFINITY] };
    for (const t of s.requiredAnti) {
      const value = labels[t.topologyKey];
      if (value !== undefined && (s.anti.get(pair(t.topologyKey, value)) ?? 0) > 0)
        return { code: 'Unschedulable', plugin: 'InterPodAffinity', reasons: [ERR_ANTI_AFFINITY] };
    }
    if (s.existingAnti.size > 0)
      for (const key in labels)
        if ((s.existingAnti.get(pair(key, labels[key]!)) ?? 0) > 0)
          return { code: 'Unschedulable', plugin: 'InterPodAffinity', reasons: [ERR_EXISTING_ANTI_AFFINITY] };
    return null;
  },
};

/** PreScore's sums: topology key → value → score. */
const scoreStates = new WeakMap<CycleState, Map<string, Map<string, number>>>();

function add(
  scores: Map<string, Map<string, number>>,
  term: PodAffinityTerm,
  weight: number,
  termOwnerNamespace: string,
  target: Pod,
  node: NodeInfo,
): void {
  if (!termMatches(term, termOwnerNamespace, target)) return;
  const value = node.node.metadata.labels?.[term.topologyKey];
  if (value === undefined) return;
  let byValue = scores.get(term.topologyKey);
  if (!byValue) scores.set(term.topologyKey, (byValue = new Map()));
  byValue.set(value, (byValue.get(value) ?? 0) + weight);
}

export const InterPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore(state, feasible, all) {
    if (feasible.length === 0) return false;
    const pod = state.pod;
    const ownAffinity = preferred(pod, false);
    const ownAnti = preferred(pod, true);
    const hasConstraints = ownAffinity.length + ownAnti.length > 0;
    const scores = new Map<string, Map<string, number>>();
    for (const node of all) {
      // Unless the pod has preferred terms, only pods with affinity terms of their own count.
      if (!hasConstraints && node.affinityPods === 0) continue;
      if (!node.node.metadata.labels) continue;
      for (const existing of node.pods.values()) {
        const own = hasPodAffinity(existing);
        if (!hasConstraints && !own) continue;
        for (const w of ownAffinity) add(scores, w.podAffinityTerm, w.weight, nsOf(pod), existing, node);
        for (const w of ownAnti) add(scores, w.podAffinityTerm, -w.weight, nsOf(pod), existing, node);
        if (!own) continue;
        for (const t of required(existing, false))
          add(scores, t, HARD_POD_AFFINITY_WEIGHT, nsOf(existing), pod, node);
        for (const w of preferred(existing, false))
          add(scores, w.podAffinityTerm, w.weight, nsOf(existing), pod, node);
        for (const w of preferred(existing, true))
          add(scores, w.podAffinityTerm, -w.weight, nsOf(existing), pod, node);
      }
    }
    if (scores.size === 0) return false;
    scoreStates.set(state, scores);
    return true;
  },
  score(state, node) {
    const scores = scoreStates.get(state);
    if (!scores) return 0;
    const labels = node.node.metadata.labels ?? {};
    let score = 0;
    for (const [key, byValue] of scores) {
      const value = labels[key];
      if (value !== undefined) score += byValue.get(value) ?? 0;
    }
    return score;
  },
  normalize(scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s > max) max = s;
      if (s < min) min = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++)
      scores[i] = diff > 0 ? Math.floor((MAX_NODE_SCORE * (scores[i]! - min)) / diff) : 0;
  },
};
