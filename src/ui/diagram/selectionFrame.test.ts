import { describe, expect, it } from 'vitest';
import { buildTopology, componentId } from '../../engine/topology';
import { contains } from './geometry';
import { layoutDiagram } from './layout';
import { selectionFrame } from './selectionFrame';

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
