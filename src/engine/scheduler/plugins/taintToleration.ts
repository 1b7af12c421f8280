/**
 * TaintToleration: Filter refuses a node with a NoSchedule or NoExecute taint the pod does not
 * tolerate; Score prefers nodes with fewer untolerated PreferNoSchedule taints (reversed normalisation).
 */
import { tolerates } from '../../api/pods';
import type { Taint, Toleration } from '../../api/types';
import { defaultNormalize, type FilterPlugin, type ScorePlugin } from '../framework';

/** `node(s) had untolerated taint {key: value}`, as upstream prints it. */
export const untoleratedTaintReason = (t: Taint) =>
  `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;

/** The first taint with one of `effects` that no toleration tolerates (plain loops: this runs for every tainted node). */
function untolerated(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly Taint['effect'][],
): Taint | undefined {
  if (!taints) return undefined;
  outer: for (const t of taints) {
    if (!effects.includes(t.effect)) continue;
    if (tolerations) for (const tol of tolerations) if (tolerates(tol, t)) continue outer;
    return t;
  }
  return undefined;
}

export const TaintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(state, node) {
    const taints = node.node.spec.taints;
    if (!taints || taints.length === 0) return null;
    const taint = untolerated(taints, state.tolerations, ['NoSchedule', 'NoExecute']);
    return taint
      ? {
          code: 'UnschedulableAndUnresolvable',
          plugin: 'TaintToleration',
          reasons: [untoleratedTaintReason(taint)],
        }
      : null;
  },
};

export const TaintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(state, node) {
    const tolerations = (state.pod.spec.tolerations ?? []).filter(
      (t) => !t.effect || t.effect === 'PreferNoSchedule',
    );
    let count = 0;
    for (const t of node.node.spec.taints ?? []) {
      if (t.effect === 'PreferNoSchedule' && !tolerations.some((tol) => tolerates(tol, t))) count++;
    }
    return count;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
