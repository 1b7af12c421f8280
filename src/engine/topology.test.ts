import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NODES, MIN_NODES, RUNTIMES, nodeNameAt } from './clusterConfig';
import { buildTopology, componentId, isAllowedPath, podsId, runsAs } from './topology';

const configs = fc.record({
  nodeCount: fc.integer({ min: MIN_NODES, max: MAX_NODES }),
  runtime: fc.constantFrom(...RUNTIMES),
});

describe('nodeNameAt', () => {
  it.each([
    [0, 'minikube'],
    [1, 'minikube-m02'],
    [8, 'minikube-m09'],
    [9, 'minikube-m10'],
  ])('node %i is %s, as minikube names it', (index, name) => {
    expect(nodeNameAt(index)).toBe(name);
  });
});

describe('buildTopology', () => {
  it('has the four control-plane components, kubectl outside and the two addons', () => {
    const t = buildTopology({ nodeCount: 1, runtime: 'docker' });
    const byPlacement = (p: string) => t.components.filter((c) => c.placement === p).map((c) => c.name);
    expect(byPlacement('control-plane')).toEqual([
      'kube-apiserver',
      'etcd',
      'kube-scheduler',
      'kube-controller-manager',
    ]);
    expect(byPlacement('outside')).toEqual(['kubectl']);
    expect(byPlacement('addon')).toEqual(['CoreDNS', 'Dashboard']);
  });

  it('gives every node a kubelet, a kube-proxy and the chosen runtime', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const t = buildTopology(config);
        expect(t.nodes).toHaveLength(config.nodeCount);
        for (const node of t.nodes) {
          const names = t.components.filter((c) => c.node === node.name).map((c) => c.name);
          expect(names).toEqual(['kubelet', 'kube-proxy', config.runtime]);
        }
      }),
    );
  });

  it('makes only the first node, minikube, the control plane', () => {
    const t = buildTopology({ nodeCount: 3, runtime: 'containerd' });
    expect(t.nodes.map((n) => [n.name, n.controlPlane])).toEqual([
      ['minikube', true],
      ['minikube-m02', false],
      ['minikube-m03', false],
    ]);
  });

  it('connects everything only to kube-apiserver, and only kube-apiserver to etcd', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const t = buildTopology(config);
        const api = componentId('kube-apiserver');
        const etcd = componentId('etcd');
        for (const p of t.paths.filter((p) => p.kind === 'api')) expect(p.to).toBe(api);
        expect(t.paths.filter((p) => p.from === etcd || p.to === etcd)).toEqual([
          { from: api, to: etcd, kind: 'storage' },
        ]);
        for (const c of t.components) {
          if (c.kind === 'container-runtime' || c.id === api) continue;
          expect(isAllowedPath(t, c.id, api)).toBe(true);
        }
      }),
    );
  });

  it('lets a kubelet drive only its own node runtime, and kube-proxy reach only its own node pods', () => {
    const t = buildTopology({ nodeCount: 2, runtime: 'cri-o' });
    const [a, b] = [nodeNameAt(0), nodeNameAt(1)];
    expect(isAllowedPath(t, componentId('kubelet', a), componentId('container-runtime', a))).toBe(true);
    expect(isAllowedPath(t, componentId('kubelet', a), componentId('container-runtime', b))).toBe(false);
    expect(isAllowedPath(t, componentId('kube-proxy', b), podsId(b))).toBe(true);
    expect(isAllowedPath(t, componentId('kube-proxy', b), podsId(a))).toBe(false);
  });

  it.each([
    ['kube-scheduler', 'etcd'],
    ['kubectl', 'etcd'],
    ['kubectl', 'kubelet/minikube'],
    ['kube-scheduler', 'kubelet/minikube'],
    ['kube-controller-manager', 'kube-scheduler'],
    ['coredns', 'etcd'],
  ])('refuses the path %s → %s', (from, to) => {
    const t = buildTopology({ nodeCount: 1, runtime: 'docker' });
    expect(isAllowedPath(t, from as never, to as never)).toBe(false);
  });
});

describe('runsAs', () => {
  it.each([
    ['kube-proxy', 'container'],
    ['kube-apiserver', 'container'],
    ['etcd', 'container'],
    ['coredns', 'container'],
    ['kubelet', 'host'],
    ['container-runtime', 'host'],
    ['kubectl', 'outside'],
  ] as const)('%s runs as %s', (kind, expected) => {
    expect(runsAs(kind)).toBe(expected);
  });
});
