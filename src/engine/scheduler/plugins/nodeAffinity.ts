/** NodeAffinity: nodeSelector and required node affinity filter nodes; preferred terms score them. */
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../../api/types';
import { defaultNormalize, type FilterPlugin, type ScorePlugin } from '../framework';

export const ERR_REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

function matchesRequirement(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(value) > Number(r.values?.[0]);
    case 'Lt':
      return has && Number(value) < Number(r.values?.[0]);
  }
}

/** A term matches when all its label expressions and its `metadata.name` fields match. */
export const matchesTerm = (term: NodeSelectorTerm, labels: Record<string, string>, nodeName = '') =>
  (term.matchExpressions ?? []).every((r) => matchesRequirement(r, labels)) &&
  (term.matchFields ?? []).every(
    (r) => r.key === 'metadata.name' && matchesRequirement({ ...r, key: 'name' }, { name: nodeName }),
  );

/** Whether the node satisfies the pod's nodeSelector and required node affinity. */
export function podMatchesNode(pod: Pod, labels: Record<string, string>, nodeName = ''): boolean {
  for (const k in pod.spec.nodeSelector ?? {}) if (labels[k] !== pod.spec.nodeSelector![k]) return false;
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.length === 0 || terms.some((t) => matchesTerm(t, labels, nodeName));
}

/**
 * NodeAffinity's PreFilter: when every required term pins `metadata.name In [...]`, only those
 * nodes are worth filtering (PreFilterResult.NodeNames). Null when the pod is not pinned.
 */
export function preFilterNodeNames(pod: Pod): Set<string> | null {
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms?.length ? pinnedNames(terms) : null;
}

/**
 * The names every term pins, or null. Apart from preFilterNodeNames, which runs on every cycle,
 * so that V8 inlines that check into its caller without this loop.
 */
function pinnedNames(terms: readonly NodeSelectorTerm[]): Set<string> | null {
  const names = new Set<string>();
  for (const t of terms) {
    const pin = t.matchFields?.find((r) => r.key === 'metadata.name' && r.operator === 'In');
    if (!pin) return null;
    for (const v of pin.values ?? []) names.add(v);
  }
  return names;
}

export const NodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  filter(state, node) {
    if (!state.constrained) return null;
    return podMatchesNode(state.pod, node.node.metadata.labels ?? {}, node.name)
      ? null
      : { code: 'UnschedulableAndUnresolvable', plugin: 'NodeAffinity', reasons: [ERR_REASON_AFFINITY] };
  },
};

export const NodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score(state, node) {
    const preferred = state.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (!preferred) return 0;
    let sum = 0;
    const labels = node.node.metadata.labels ?? {};
    for (const p of preferred) if (matchesTerm(p.preference, labels, node.name)) sum += p.weight;
    return sum;
  },
  normalize: (scores) => defaultNormalize(scores, false),
};
