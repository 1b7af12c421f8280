import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NODES, MIN_NODES, RUNTIMES } from '../../engine/clusterConfig';
import { buildTopology } from '../../engine/topology';
import { center, contains, overlaps, segmentCrossesBox, type Box } from './geometry';
import { CARD, layoutDiagram, workerColumns } from './layout';

const configs = fc.record({
  nodeCount: fc.integer({ min: MIN_NODES, max: MAX_NODES }),
  runtime: fc.constantFrom(...RUNTIMES),
});
const layoutOf = (nodeCount: number) => layoutDiagram(buildTopology({ nodeCount, runtime: 'docker' }));
const cardOf = (l: ReturnType<typeof layoutOf>, id: string): Box => {
  const found = l.cards.find((c) => c.component.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found.box;
};

describe('layoutDiagram', () => {
  it('places every component once, with no two cards or node boxes overlapping, at every size', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const t = buildTopology(config);
        const l = layoutDiagram(t);
        expect(l.cards.map((c) => c.component.id)).toEqual(t.components.map((c) => c.id));
        const boxes = [...l.cards.map((c) => c.box), ...l.nodes.map((n) => n.pods)];
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
        l.nodes.forEach((a, i) =>
          l.nodes.slice(i + 1).forEach((b) => expect(overlaps(a.box, b.box)).toBe(false)),
        );
      }),
    );
  });

  it('keeps each node component and pods area inside its node, and every node inside the cluster', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const l = layoutDiagram(buildTopology(config));
        for (const n of l.nodes) {
          expect(contains(l.cluster, n.box)).toBe(true);
          expect(contains(n.box, n.components)).toBe(true);
          expect(contains(n.components, n.pods)).toBe(true);
          for (const c of l.cards.filter((c) => c.component.node === n.node.name))
            expect(contains(n.components, c.box)).toBe(true);
        }
      }),
    );
  });

  it('puts the control plane inside minikue, the addons in their own zone, and kubectl outside the cluster', () => {
    const l = layoutOf(3);
    const minikube = l.nodes[0]!.box;
    for (const id of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager']) {
      expect(contains(l.controlPlane, cardOf(l, id))).toBe(true);
    }
    expect(contains(minikube, l.controlPlane)).toBe(true);
    for (const id of ['coredns', 'dashboard']) {
      expect(contains(l.addons, cardOf(l, id))).toBe(true);
      expect(overlaps(minikube, cardOf(l, id))).toBe(false);
    }
    expect(contains(l.cluster, l.addons)).toBe(true);
    expect(overlaps(l.cluster, cardOf(l, 'kubectl'))).toBe(false);
  });

  it('draws every path from the border of one box to the border of the other', () => {
    const l = layoutOf(4);
    const onBorder = (p: { x: number; y: number }, b: Box) =>
      p.x >= b.x - 0.01 && p.x <= b.x + b.w + 0.01 && p.y >= b.y - 0.01 && p.y <= b.y + b.h + 0.01;
    const boxOf = (id: string) =>
      l.cards.find((c) => c.component.id === id)?.box ??
      l.nodes.find((n) => `pods/${n.node.name}` === id)!.pods;
    expect(l.edges).toHaveLength(buildTopology({ nodeCount: 4, runtime: 'docker' }).paths.length);
    for (const e of l.edges) {
      expect(onBorder(e.points[0]!, boxOf(e.path.from))).toBe(true);
      expect(onBorder(e.points.at(-1)!, boxOf(e.path.to))).toBe(true);
    }
  });

  it('never draws a line through a card, zone of pods or node other than its own ends, at every size', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const t = buildTopology(config);
        const l = layoutDiagram(t);
        const obstacles = [
          ...l.cards.map((c) => ({ id: c.component.id as string, box: c.box })),
          ...l.nodes.map((n) => ({ id: `pods/${n.node.name}`, box: n.pods })),
        ];
        for (const e of l.edges) {
          const own = new Set<string>([e.path.from, e.path.to]);
          const ownNodes = new Set(t.components.filter((c) => own.has(c.id)).map((c) => c.node));
          for (let i = 1; i < e.points.length; i++) {
            for (const o of obstacles) {
              if (own.has(o.id)) continue;
              expect(
                segmentCrossesBox(e.points[i - 1]!, e.points[i]!, o.box),
                `${e.id} crosses ${o.id}`,
              ).toBe(false);
            }
            // A line may cross its own node's box border, never another worker's box.
            for (const n of l.nodes) {
              if (ownNodes.has(n.node.name) || n.node.controlPlane) continue;
              expect(
                segmentCrossesBox(e.points[i - 1]!, e.points[i]!, n.box),
                `${e.id} crosses node ${n.node.name}`,
              ).toBe(false);
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('brings every kubelet and kube-proxy up a lane to kube-apiserver, ending in a vertical', () => {
    const l = layoutOf(7);
    const api = cardOf(l, 'kube-apiserver');
    const lines = l.edges.filter((e) => e.path.kind === 'api' && /^(kubelet|kube-proxy)\//.test(e.path.from));
    expect(lines).toHaveLength(14);
    for (const e of lines) {
      const [a, b] = [e.points.at(-2)!, e.points.at(-1)!];
      expect(a.x).toBe(b.x);
      expect(b.y).toBe(api.y + api.h);
    }
  });

  it('is the same every time for the same cluster', () => {
    expect(layoutOf(5)).toEqual(layoutOf(5));
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 2],
    [5, 3],
    [9, 3],
  ])('lays %i workers out in %i columns', (workers, columns) => {
    expect(workerColumns(workers)).toBe(columns);
  });

  it('keeps the whole diagram within a sensible aspect ratio at 10 nodes', () => {
    const { bounds } = layoutOf(10);
    expect(bounds.w / bounds.h).toBeGreaterThan(0.8);
    expect(bounds.w / bounds.h).toBeLessThan(2.5);
    expect(center(bounds).x).toBeGreaterThan(0);
  });

  it('sizes cards for the longest component name', () => {
    // "kube-controller-manager" in 13px bold monospace is about 185px; the card leaves room for the icon.
    expect(CARD.w - 24 - 36 - 12).toBeGreaterThanOrEqual(185);
  });
});
