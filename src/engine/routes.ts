/**
 * The only routes a message may take, by the kinds of its two ends: every component talks only to
 * kube-apiserver; only kube-apiserver talks to etcd; a kubelet drives its own node's runtime and
 * probes its own node's pods; the runtime runs its node's pods; kube-proxy's rules carry Service
 * traffic to pods on any node, and bring CoreDNS's answers back.
 */
import type { NodeName } from './clusterConfig';
import type { ComponentKind, Endpoint } from './topology';

export interface ParsedEndpoint {
  readonly kind: ComponentKind | 'pods';
  readonly node?: NodeName;
}

export function parseEndpoint(endpoint: Endpoint): ParsedEndpoint {
  const slash = endpoint.indexOf('/');
  if (slash < 0) return { kind: endpoint as ComponentKind };
  return {
    kind: endpoint.slice(0, slash) as ComponentKind | 'pods',
    node: endpoint.slice(slash + 1) as NodeName,
  };
}

const API_CLIENTS = new Set<ComponentKind | 'pods'>([
  'kubectl',
  'kube-scheduler',
  'kube-controller-manager',
  'kubelet',
  'kube-proxy',
  'coredns',
  'dashboard',
]);

/** Every pair of endpoints asked about, and the answer (endpoints are few; messages are millions). */
const checked = new Map<Endpoint, Map<Endpoint, boolean>>();

/** Whether a message may go from `from` to `to` directly. */
export function isAllowedRoute(from: Endpoint, to: Endpoint): boolean {
  let byTarget = checked.get(from);
  if (!byTarget) checked.set(from, (byTarget = new Map()));
  let allowed = byTarget.get(to);
  if (allowed === undefined) byTarget.set(to, (allowed = routeAllowed(from, to)));
  return allowed;
}

function routeAllowed(from: Endpoint, to: Endpoint): boolean {
  const a = parseEndpoint(from);
  const b = parseEndpoint(to);
  if (a.kind === 'kube-apiserver') return b.kind === 'etcd' || API_CLIENTS.has(b.kind);
  if (b.kind === 'kube-apiserver') return a.kind === 'etcd' || API_CLIENTS.has(a.kind);
  if (a.kind === 'kubelet' && b.kind === 'container-runtime') return a.node === b.node;
  // kubelet probes its own pods at their addresses (HTTP, TCP, gRPC); exec probes go through the runtime.
  if (a.kind === 'kubelet' && b.kind === 'pods') return a.node === b.node;
  if (a.kind === 'container-runtime' && (b.kind === 'kubelet' || b.kind === 'pods')) return a.node === b.node;
  // Service traffic: a pod's packet meets its own node's kube-proxy rules, which send it to a backend anywhere.
  if (a.kind === 'pods' && b.kind === 'kube-proxy') return a.node === b.node;
  if (a.kind === 'kube-proxy') return b.kind === 'pods' || b.kind === 'coredns';
  // CoreDNS's answer goes back through the asking pod's node, whose conntrack entry (from kube-proxy's DNAT) returns it.
  if (a.kind === 'coredns') return b.kind === 'kube-proxy';
  return false;
}
