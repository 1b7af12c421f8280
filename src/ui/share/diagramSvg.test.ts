import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../engine/topology';
import type { ClusterView } from '../../store/clusterView';
import { layoutDiagram } from '../diagram/layout';
import { diagramSvg, xml } from './diagramSvg';

const texts = {
  cluster: 'Kubernetes cluster',
  controlPlane: 'Control plane',
  addons: 'Addons',
  nodeComponents: 'Node components',
  shortOf: (id: string) => `role of ${id}`,
  roleOf: (cp: boolean) => (cp ? 'control plane + worker' : 'worker'),
};

describe('the diagram as SVG', () => {
  const topology = buildTopology({ nodeCount: 2, runtime: 'containerd' });
  const view: ClusterView = {
    nodes: new Map([
      [
        'minikube-m02',
        {
          name: 'minikube-m02',
          registered: true,
          ready: 'False',
          unschedulable: true,
          taints: [],
          systemPods: 2,
          pods: [{ namespace: 'default', name: '<script>x</script>', status: 'Running', tone: 'running' }],
        },
      ],
    ]),
    unscheduled: [],
  } as unknown as ClusterView;
  const svg = diagramSvg(layoutDiagram(topology), view, texts);

  it('draws every component by its real name, every node and every path', () => {
    for (const c of topology.components) expect(svg).toContain(`>${c.name}</text>`);
    expect(svg).toContain('>minikube-m02</text>');
    expect(svg.match(/<polyline/g)).toHaveLength(topology.paths.length);
    expect(svg).toContain('NotReady, SchedulingDisabled');
  });

  it('is well-formed XML with hostile names escaped', () => {
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(xml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});
