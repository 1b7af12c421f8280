/** NodePorts: a pod asking for a host port fits only where that port (and protocol) is free. */
import type { FilterPlugin } from '../framework';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

export const NodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(state, node) {
    if (state.hostPorts.length === 0) return null;
    for (const p of state.hostPorts) {
      if (node.usedPorts.has(p))
        return { code: 'Unschedulable', plugin: 'NodePorts', reasons: [ERR_REASON_PORTS] };
    }
    return null;
  },
};
