import { describe, expect, it } from 'vitest';
import { buildTopology } from './topology';
import { isAllowedRoute } from './routes';

describe('isAllowedRoute', () => {
  it.each([
    ['kubectl', 'kube-apiserver', true],
    ['kube-apiserver', 'etcd', true],
    ['etcd', 'kube-apiserver', true],
    ['kubelet/minikube', 'kube-apiserver', true],
    ['kube-apiserver', 'kubelet/minikube-m02', true],
    ['kubelet/minikube-m02', 'container-runtime/minikube-m02', true],
    ['kubelet/minikube', 'container-runtime/minikube-m02', false],
    ['container-runtime/minikube', 'pods/minikube', true],
    // Probes: a kubelet reaches its own node's pods, no other node's; pods do not call kubelet.
    ['kubelet/minikube-m02', 'pods/minikube-m02', true],
    ['kubelet/minikube', 'pods/minikube-m02', false],
    ['pods/minikube', 'kubelet/minikube', false],
    ['kube-proxy/minikube', 'pods/minikube-m02', true],
    ['pods/minikube', 'kube-proxy/minikube-m02', false],
    ['kubectl', 'etcd', false],
    ['kube-scheduler', 'etcd', false],
    ['kube-scheduler', 'kubelet/minikube', false],
    ['kube-controller-manager', 'kube-scheduler', false],
    ['coredns', 'etcd', false],
    ['kube-proxy/minikube', 'coredns', true],
    ['coredns', 'kube-proxy/minikube-m02', true],
    ['coredns', 'pods/minikube', false],
    ['coredns', 'kubelet/minikube', false],
    ['dashboard', 'kubelet/minikube', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(isAllowedRoute(from as never, to as never)).toBe(allowed);
  });

  it('allows every path the diagram draws', () => {
    for (const p of buildTopology({ nodeCount: 3, runtime: 'docker' }).paths)
      expect(isAllowedRoute(p.from, p.to), `${p.from} → ${p.to}`).toBe(true);
  });
});
