/**
 * Authorization as kubeadm's cluster sets it up: RBAC roles for the control plane, kube-proxy and
 * CoreDNS, and the Node authorizer plus NodeRestriction for kubelets (a kubelet may change only
 * its own Node and Lease, and only pods bound to it).
 */
import type { Kind, KubeObject } from '../api/types';
import type { UserInfo } from './identity';
import type { Verb } from './request';

type Rule = { kinds: readonly Kind[] | '*'; verbs: readonly Verb[] | '*' };

const READ: Verb[] = ['get', 'list'];
const WRITE: Verb[] = ['get', 'list', 'create', 'update', 'updateStatus', 'delete'];

/** What each non-node user may do (ClusterRoles system:kube-scheduler, system:controller:*, system:node-proxier, …). */
const RULES: Record<string, readonly Rule[]> = {
  // kube-controller-manager's own credential: its shared informers list and watch everything.
  'system:kube-controller-manager': [{ kinds: '*', verbs: READ }],
  'system:kube-scheduler': [
    { kinds: ['Pod'], verbs: [...READ, 'bind', 'updateStatus', 'delete'] },
    { kinds: ['Node', 'Namespace', 'Service'], verbs: READ },
    { kinds: ['Event'], verbs: ['create', 'update', 'patch'] },
    { kinds: ['Lease'], verbs: WRITE },
  ],
  'system:serviceaccount:kube-system:replicaset-controller': [
    { kinds: ['ReplicaSet'], verbs: [...READ, 'update', 'updateStatus'] },
    { kinds: ['Pod'], verbs: [...READ, 'create', 'delete'] },
    { kinds: ['Event'], verbs: ['create', 'update'] },
  ],
  'system:serviceaccount:kube-system:deployment-controller': [
    { kinds: ['Deployment'], verbs: [...READ, 'update', 'updateStatus'] },
    { kinds: ['ReplicaSet'], verbs: WRITE },
    { kinds: ['Pod'], verbs: READ },
    { kinds: ['Event'], verbs: ['create', 'update'] },
  ],
  'system:serviceaccount:kube-system:daemon-set-controller': [
    { kinds: ['DaemonSet'], verbs: [...READ, 'update', 'updateStatus'] },
    { kinds: ['Pod'], verbs: [...READ, 'create', 'delete'] },
    { kinds: ['ControllerRevision'], verbs: [...READ, 'create', 'update', 'delete'] },
    { kinds: ['Node'], verbs: READ },
    { kinds: ['Event'], verbs: ['create', 'update'] },
  ],
  'system:serviceaccount:kube-system:node-controller': [
    { kinds: ['Node'], verbs: [...READ, 'update', 'updateStatus', 'patch'] },
    { kinds: ['Pod'], verbs: [...READ, 'updateStatus', 'delete'] },
    { kinds: ['Lease'], verbs: READ },
    { kinds: ['Event'], verbs: ['create', 'update'] },
  ],
  'system:serviceaccount:kube-system:endpointslice-controller': [
    { kinds: ['Service', 'Pod', 'Node'], verbs: READ },
    { kinds: ['EndpointSlice'], verbs: WRITE },
    { kinds: ['Event'], verbs: ['create', 'update'] },
  ],
  'system:serviceaccount:kube-system:generic-garbage-collector': [{ kinds: '*', verbs: [...READ, 'delete'] }],
  'system:serviceaccount:kube-system:pod-garbage-collector': [
    { kinds: ['Pod', 'Node'], verbs: READ },
    { kinds: ['Pod'], verbs: ['delete'] },
  ],
  'system:serviceaccount:kube-system:taint-eviction-controller': [
    { kinds: ['Pod', 'Node'], verbs: READ },
    { kinds: ['Pod'], verbs: ['delete'] },
    { kinds: ['Event'], verbs: ['create', 'update'] },
  ],
  'system:serviceaccount:kube-system:kube-proxy': [
    { kinds: ['Service', 'EndpointSlice', 'Node'], verbs: READ },
    { kinds: ['Event'], verbs: ['create', 'update', 'patch'] },
  ],
  'system:serviceaccount:kube-system:coredns': [
    { kinds: ['Service', 'EndpointSlice', 'Namespace', 'Pod'], verbs: READ },
  ],
  'system:serviceaccount:kubernetes-dashboard:kubernetes-dashboard': [{ kinds: '*', verbs: READ }],
};

const allows = (rules: readonly Rule[], verb: Verb, kind: Kind) =>
  rules.some(
    (r) => (r.kinds === '*' || r.kinds.includes(kind)) && (r.verbs === '*' || r.verbs.includes(verb)),
  );

/** Why the request is refused, or null when it is allowed. `current` is the stored object, if any. */
export function authorize(
  user: UserInfo,
  verb: Verb,
  kind: Kind,
  object: KubeObject | undefined,
  current: KubeObject | undefined,
): string | null {
  if (user.groups.includes('system:masters')) return null;
  // A kubelet's credential names its node once (not sliced from the user name on every request).
  if (user.node !== undefined) return authorizeNode(user.node, verb, kind, object, current);
  return allows(RULES[user.name] ?? [], verb, kind) ? null : '';
}

/** The Node authorizer and NodeRestriction admission, reduced to what this cluster exercises. */
function authorizeNode(
  node: string,
  verb: Verb,
  kind: Kind,
  object: KubeObject | undefined,
  current: KubeObject | undefined,
): string | null {
  const target = current ?? object;
  switch (kind) {
    case 'Node':
      if (READ.includes(verb)) return null;
      return target?.metadata.name === node
        ? null
        : `node "${node}" is not allowed to modify node "${target?.metadata.name}"`;
    case 'Lease':
      if (READ.includes(verb)) return null;
      return target?.metadata.namespace === 'kube-node-lease' && target.metadata.name === node
        ? null
        : `node "${node}" may only renew its own Lease`;
    case 'Pod': {
      if (READ.includes(verb)) return null;
      const boundTo = target?.kind === 'Pod' ? target.spec.nodeName : undefined;
      if (boundTo !== node)
        return `node "${node}" can only ${verb === 'create' ? 'create mirror pods' : 'change pods'} bound to itself`;
      return verb === 'updateStatus' || verb === 'delete' || verb === 'create' ? null : '';
    }
    case 'Event':
      return verb === 'create' || verb === 'update' ? null : '';
    case 'Service':
    case 'EndpointSlice':
    case 'Namespace':
      return READ.includes(verb) ? null : '';
    default:
      return '';
  }
}
