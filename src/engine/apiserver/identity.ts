/** Who each component is to kube-apiserver (authentication): the user and groups its credentials carry. */
import { parseEndpoint } from '../routes';
import type { Endpoint } from '../topology';

export interface UserInfo {
  readonly name: string;
  readonly groups: readonly string[];
  /** For a kubelet (`system:node:<node>` in group `system:nodes`): its node, for the Node authorizer. */
  readonly node?: string;
}

/** kube-controller-manager runs each controller with its own service account (--use-service-account-credentials). */
export const controllerUser = (controller: string): UserInfo => ({
  name: `system:serviceaccount:kube-system:${controller}`,
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
});

/** The user a component's requests authenticate as. */
export function userOf(endpoint: Endpoint): UserInfo {
  let user = users.get(endpoint);
  if (!user) users.set(endpoint, (user = authenticate(endpoint)));
  return user;
}

/** A component's credentials never change, so each is looked at once. */
const users = new Map<Endpoint, UserInfo>();

function authenticate(endpoint: Endpoint): UserInfo {
  const { kind, node } = parseEndpoint(endpoint);
  switch (kind) {
    case 'kubectl':
      return { name: 'minikube-user', groups: ['system:masters', 'system:authenticated'] };
    case 'kube-scheduler':
      return { name: 'system:kube-scheduler', groups: ['system:authenticated'] };
    case 'kube-controller-manager':
      return { name: 'system:kube-controller-manager', groups: ['system:authenticated'] };
    case 'kubelet':
      return { name: `system:node:${node}`, groups: ['system:nodes', 'system:authenticated'], node: node! };
    case 'kube-proxy':
      return {
        name: 'system:serviceaccount:kube-system:kube-proxy',
        groups: ['system:serviceaccounts', 'system:authenticated'],
      };
    case 'coredns':
      return {
        name: 'system:serviceaccount:kube-system:coredns',
        groups: ['system:serviceaccounts', 'system:authenticated'],
      };
    case 'dashboard':
      return {
        name: 'system:serviceaccount:kubernetes-dashboard:kubernetes-dashboard',
        groups: ['system:serviceaccounts', 'system:authenticated'],
      };
    default:
      return { name: 'system:anonymous', groups: ['system:unauthenticated'] };
  }
}
