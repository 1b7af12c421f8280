/** NodeUnschedulable: a cordoned node (spec.unschedulable) takes no new pods unless they tolerate its taint. */
import { toleratesAll } from '../../api/pods';
import { UNSCHEDULABLE_TAINT } from '../../apiserver/admission';
import type { FilterPlugin } from '../framework';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, node) {
    if (!node.node.spec.unschedulable) return null;
    if (toleratesAll(state.pod.spec.tolerations, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' }))
      return null;
    return {
      code: 'UnschedulableAndUnresolvable',
      plugin: 'NodeUnschedulable',
      reasons: [ERR_REASON_UNSCHEDULABLE],
    };
  },
};
