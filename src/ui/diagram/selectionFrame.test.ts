import { describe, expect, it } from 'vitest';
import { buildTopology, componentId } from '../../engine/topology';
import { contains } from './geometry';
import { layoutDiagram } from './layout';
import { focusFrame, selectionFrame } from './selectionFrame';

describe('selectionFrame', () => {
  const topology = buildTopology({ nodeCount: 7, runtime: 'docker' });
  const layout = layoutDiagram(topology);
  const box = (id: string) => layout.cards.find((c) => c.component.id === id)!.box;

  it('frames an addon with the end of the bar it reaches, not the whole bar', () => {
    const frame = selectionFrame(layout, topology, { kind: 'component', id: componentId('dashboard') });
    expect(contains(frame, box('dashboard'))).toBe(true);
    expect(frame.w).toBeLessThan(box('kube-apiserver').w / 2);
  });

  it('frames kube-apiserver with everything, since everything talks to it', () => {
    const frame = selectionFrame(layout, topology, { kind: 'component', id: componentId('kube-apiserver') });
    for (const c of layout.cards) expect(contains(frame, c.box), c.component.id).toBe(true);
  });

  it('frames a kubelet with its runtime and the lane up to kube-apiserver', () => {
    const frame = selectionFrame(layout, topology, {
      kind: 'component',
      id: 'kubelet/minikube-m07' as never,
    });
    expect(contains(frame, box('kubelet/minikube-m07'))).toBe(true);
    expect(contains(frame, box('container-runtime/minikube-m07'))).toBe(true);
    const api = box('kube-apiserver');
    expect(frame.y).toBeLessThanOrEqual(api.y + api.h);
  });
});

describe('focusFrame', () => {
  const topology = buildTopology({ nodeCount: 3, runtime: 'docker' });
  const layout = layoutDiagram(topology);
  const box = (id: string) => layout.cards.find((c) => c.component.id === id)!.box;

  it('frames the components and nodes a step names, without the whole kube-apiserver bar', () => {
    const frame = focusFrame(
      layout,
      new Set([componentId('kube-controller-manager'), componentId('kube-apiserver'), 'minikube-m03']),
    )!;
    expect(contains(frame, box('kube-controller-manager'))).toBe(true);
    expect(contains(frame, layout.nodes.find((n) => n.node.name === 'minikube-m03')!.box)).toBe(true);
    expect(contains(frame, layout.nodes.find((n) => n.node.name === 'minikube-m02')!.box)).toBe(false);
  });

  it('frames the bar when kube-apiserver is all the step names, and nothing for names not drawn', () => {
    expect(focusFrame(layout, new Set([componentId('kube-apiserver')]))).toEqual(box('kube-apiserver'));
    expect(focusFrame(layout, new Set(['minikube-m09']))).toBeUndefined();
  });
});
