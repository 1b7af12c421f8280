/** `kubectl get nodes`: NAME STATUS ROLES AGE VERSION; wide adds the addresses, OS, kernel and runtime. */
import type { Node } from '../../engine/api/types';
import { age } from '../format/age';
import type { Printer } from './printer';

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  const status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  return node.spec.unschedulable ? `${status},SchedulingDisabled` : status;
}

/** The sorted `node-role.kubernetes.io/<role>` suffixes and the `kubernetes.io/role` value, or `<none>`. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

export const internalIP = (node: Node) =>
  node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>';

export const nodePrinter: Printer<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (n, r) => [
    n.metadata.name,
    nodeStatus(n),
    nodeRoles(n),
    age(r.now, n.metadata.creationTimestamp),
    n.status.nodeInfo.kubeletVersion,
  ],
  wideRow: (n) => [
    internalIP(n),
    '<none>',
    n.status.nodeInfo.osImage || '<unknown>',
    n.status.nodeInfo.kernelVersion || '<unknown>',
    n.status.nodeInfo.containerRuntimeVersion || '<unknown>',
  ],
};
