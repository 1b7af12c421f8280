import { describe, expect, it } from 'vitest';
import { componentId } from '../engine/topology';
import { nodeNameAt } from '../engine/clusterConfig';
import { manualClock } from '../playback/manualClock';
import * as engine from './engine';
import { createAppStore } from './appStore';
import { manifestPlacesAt } from './userActions';

const make = (clock = manualClock().clock) =>
  createAppStore({ config: { nodeCount: 3, runtime: 'docker' }, language: 'en', theme: null, clock, engine });

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

describe('playback in the store', () => {
  it('follows the player: play, the cursor moves, the view shows pods on nodes', () => {
    const { clock, frame } = manualClock();
    const store = make(clock);
    store.getState().setSpeed(16);
    store.getState().play();
    expect(store.getState().playback.playing).toBe(true);
    const running = () =>
      [...store.getState().view.nodes.values()].flatMap((n) => n.pods).filter((p) => p.status === 'Running');
    for (let i = 0; i < 30_000 && running().length < 3; i++) frame();
    expect(running().length).toBeGreaterThanOrEqual(3);
    expect(store.getState().playback.virtualTime).toBeGreaterThan(0);
    expect([...store.getState().view.nodes.values()].every((n) => n.registered && n.ready === 'True')).toBe(
      true,
    );
  });

  it('keeps an unchanged node view identical, so its drawing is not redone', () => {
    const { clock, frame } = manualClock();
    const store = make(clock);
    store.getState().seekVirtual(4_000);
    const before = store.getState().view.nodes;
    store.getState().stepForward();
    for (let i = 0; i < 5; i++) frame();
    const after = store.getState().view.nodes;
    const same = [...after].filter(([name, n]) => before.get(name) === n);
    expect(same.length).toBeGreaterThan(0);
  });

  it('starts a new run when the cluster is reconfigured, at the same speed', () => {
    const store = make();
    const first = store.getState().player;
    store.getState().setSpeed(4);
    store.getState().setNodeCount(2);
    expect(store.getState().player).not.toBe(first);
    expect(store.getState().playback.speed).toBe(4);
    expect(store.getState().view.nodes.size).toBe(2);
  });
});

describe('doing something at the cursor', () => {
  it('forks the run there: a stopped kubelet makes its node NotReady 50 s later', () => {
    const { clock } = manualClock();
    const store = make(clock);
    store.getState().seekVirtual(20_000);
    const before = store.getState().player;
    store.getState().perform({ type: 'stopKubelet', node: 'minikube-m02' });
    const after = store.getState().player!;
    expect(after).not.toBe(before);
    expect(after.virtualTime).toBeCloseTo(20_000, -1);
    expect(store.getState().actions).toEqual([
      { at: 20_000, action: { type: 'stopKubelet', node: 'minikube-m02' } },
    ]);
    store.getState().seekVirtual(60_000);
    expect(store.getState().view.nodes.get('minikube-m02')?.ready).toBe('True');
    store.getState().seekVirtual(90_000);
    expect(store.getState().view.nodes.get('minikube-m02')?.ready).toBe('Unknown');
    expect(store.getState().view.nodes.get('minikube-m03')?.ready).toBe('True');
  });

  it('stopping kube-scheduler from the panel moves its manifest: its mirror pod goes, and comes back', () => {
    const store = make();
    store.getState().seekVirtual(5_000);
    store.getState().perform({ type: 'stopComponent', component: 'kube-scheduler' });
    store.getState().seekVirtual(15_000);
    const mirror = () =>
      [...store.getState().player!.objectsNow().values()].some(
        (o) => o.kind === 'Pod' && o.metadata.name === 'kube-scheduler-minikube',
      );
    expect(mirror()).toBe(false);
    expect(manifestPlacesAt(store.getState().actions, 15_000, 'minikube').get('kube-scheduler')).toBe(
      '/tmp/kube-scheduler.yaml',
    );
    store.getState().perform({ type: 'startComponent', component: 'kube-scheduler' });
    store.getState().seekVirtual(20_000);
    expect(mirror()).toBe(true);
    expect(manifestPlacesAt(store.getState().actions, 20_000, 'minikube').size).toBe(0);
  });

  it('rewrites the future: an action before an earlier one drops it', () => {
    const store = make();
    store.getState().seekVirtual(30_000);
    store.getState().perform({ type: 'cordon', node: 'minikube-m03' });
    store.getState().seekVirtual(10_000);
    store.getState().perform({ type: 'stopNode', node: 'minikube-m02' });
    expect(store.getState().actions.map((a) => a.action.type)).toEqual(['stopNode']);
  });
});
