import { describe, expect, it } from 'vitest';
import { componentId } from '../engine/topology';
import { nodeNameAt } from '../engine/clusterConfig';
import { createAppStore } from './appStore';

const make = () =>
  createAppStore({ config: { nodeCount: 3, runtime: 'docker' }, language: 'en', theme: null });

describe('app store', () => {
  it('rebuilds the topology when the node count or runtime changes', () => {
    const store = make();
    store.getState().setNodeCount(5);
    expect(store.getState().topology.nodes).toHaveLength(5);
    store.getState().setRuntime('containerd');
    expect(store.getState().topology.components.find((c) => c.kind === 'container-runtime')?.name).toBe(
      'containerd',
    );
  });

  it.each([
    [0, 1],
    [42, 10],
    [2.6, 3],
  ])('clamps a node count of %d to %d', (asked, got) => {
    const store = make();
    store.getState().setNodeCount(asked);
    expect(store.getState().config.nodeCount).toBe(got);
  });

  it('drops the selection when its node goes away, and keeps it otherwise', () => {
    const store = make();
    const onM03 = componentId('kubelet', nodeNameAt(2));
    store.getState().select({ kind: 'component', id: onM03 });
    store.getState().setNodeCount(4);
    expect(store.getState().selection).toEqual({ kind: 'component', id: onM03 });
    store.getState().setNodeCount(2);
    expect(store.getState().selection).toBeNull();
    store.getState().select({ kind: 'component', id: componentId('etcd') });
    store.getState().setRuntime('cri-o');
    expect(store.getState().selection).toEqual({ kind: 'component', id: componentId('etcd') });
  });
});
