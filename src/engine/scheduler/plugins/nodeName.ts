/** NodeName: a pod that names its node (spec.nodeName set before scheduling) fits only there. */
import type { FilterPlugin } from '../framework';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter(state, node) {
    const wanted = state.pod.spec.nodeName;
    if (!wanted || wanted === node.name) return null;
    return { code: 'UnschedulableAndUnresolvable', plugin: 'NodeName', reasons: [ERR_REASON_NODE_NAME] };
  },
};
