import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { makeNode, makePod, taint } from '../testing/builders';
import { cycleState } from './algorithm';
import { defaultNormalize } from './framework';
import type { NodeInfo } from './nodeInfo';
import { balancedScore, NodeResourcesBalancedAllocation } from './plugins/balancedAllocation';
import { ImageLocality, imageLocalityScore, MIN_THRESHOLD } from './plugins/imageLocality';
import { NodeAffinityFilter, NodeAffinityScore } from './plugins/nodeAffinity';
import { NodeName } from './plugins/nodeName';
import { NodePorts } from './plugins/nodePorts';
import {
  leastRequestedScore,
  NodeResourcesFitFilter,
  NodeResourcesFitScore,
} from './plugins/nodeResourcesFit';
import { NodeUnschedulable } from './plugins/nodeUnschedulable';
import { TaintTolerationFilter, TaintTolerationScore } from './plugins/taintToleration';

const stateOf = (pod: Pod, nodes: NodeInfo[] = []) => cycleState(pod, nodes, new Map());

describe('Filter plugins', () => {
  it.each([
    ['fits', makePod('p').requests({ cpu: '500m' }), makeNode().info(), null],
    [
      'Insufficient cpu',
      makePod('p').requests({ cpu: '1500m' }),
      makeNode().info(makePod('a').requests({ cpu: '1' }).build()),
      ['Insufficient cpu'],
    ],
    [
      'Insufficient memory',
      makePod('p').requests({ memory: '5Gi' }),
      makeNode().info(),
      ['Insufficient memory'],
    ],
    [
      'both',
      makePod('p').requests({ cpu: '3', memory: '5Gi' }),
      makeNode().info(),
      ['Insufficient cpu', 'Insufficient memory'],
    ],
    ['Too many pods', makePod('p'), makeNode().pods(1).info(makePod('a').build()), ['Too many pods']],
    ['no requests always fit', makePod('p'), makeNode().cpu('0').info(), null],
  ])('NodeResourcesFit: %s', (_, pod, node, reasons) => {
    const status = NodeResourcesFitFilter.filter(stateOf(pod.build()), node);
    expect(status?.reasons ?? null).toEqual(reasons);
  });

  it.each([
    [
      'untolerated NoSchedule',
      [taint('dedicated', 'NoSchedule', 'gpu')],
      [],
      'node(s) had untolerated taint {dedicated: gpu}',
    ],
    [
      'control-plane, empty value',
      [taint('node-role.kubernetes.io/control-plane')],
      [],
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
    [
      'tolerated by Exists',
      [taint('dedicated', 'NoSchedule', 'gpu')],
      [{ key: 'dedicated', operator: 'Exists' as const }],
      null,
    ],
    ['PreferNoSchedule never filters', [taint('soft', 'PreferNoSchedule')], [], null],
    [
      'NoExecute filters',
      [taint('node.kubernetes.io/unreachable', 'NoExecute')],
      [],
      'node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    ],
  ])('TaintToleration: %s', (_, taints, tolerations, reason) => {
    const pod = makePod('p');
    for (const t of tolerations) pod.tolerate(t);
    const status = TaintTolerationFilter.filter(
      stateOf(pod.build()),
      makeNode()
        .taint(...taints)
        .info(),
    );
    expect(status?.reasons[0] ?? null).toBe(reason);
    if (status) expect(status.code).toBe('UnschedulableAndUnresolvable');
  });

  it('NodeUnschedulable refuses a cordoned node unless tolerated', () => {
    const node = makeNode().cordoned().info();
    expect(NodeUnschedulable.filter(stateOf(makePod('p').build()), node)?.reasons).toEqual([
      'node(s) were unschedulable',
    ]);
    const tolerant = makePod('p').tolerate({
      key: 'node.kubernetes.io/unschedulable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
    expect(NodeUnschedulable.filter(stateOf(tolerant.build()), node)).toBeNull();
  });

  it('NodeName lets a pod that names a node fit only there', () => {
    const pod = makePod('p').onNode('minikube-m02').build();
    expect(NodeName.filter(stateOf(pod), makeNode('minikube').info())?.reasons).toEqual([
      "node(s) didn't match the requested node name",
    ]);
    expect(NodeName.filter(stateOf(pod), makeNode('minikube-m02').info())).toBeNull();
  });

  it('NodeAffinity applies nodeSelector', () => {
    const pod = makePod('p').nodeSelector({ disk: 'ssd' }).build();
    expect(NodeAffinityFilter.filter(stateOf(pod), makeNode().info())?.reasons).toEqual([
      "node(s) didn't match Pod's node affinity/selector",
    ]);
    expect(NodeAffinityFilter.filter(stateOf(pod), makeNode().label('disk', 'ssd').info())).toBeNull();
  });

  it('NodePorts refuses a node whose host port is taken', () => {
    const node = makeNode().info(makePod('a').hostPort(8080).build());
    expect(NodePorts.filter(stateOf(makePod('p').hostPort(8080).build()), node)?.reasons).toEqual([
      "node(s) didn't have free ports for the requested pod ports",
    ]);
    expect(NodePorts.filter(stateOf(makePod('p').hostPort(9090).build()), node)).toBeNull();
  });
});

describe('Score plugins', () => {
  it.each([
    [0, 2000, 100],
    [500, 2000, 75],
    [2000, 2000, 0],
    [2500, 2000, 0],
    [1, 3, 66],
  ])('LeastAllocated: requested %d of %d scores %d', (requested, capacity, score) => {
    expect(leastRequestedScore(requested, capacity)).toBe(score);
  });

  it('NodeResourcesFit scores with the non-zero defaults (100m, 200Mi) for pods without requests', () => {
    const node = makeNode().info();
    // cpu: (2000-100)/2000 → 95; memory: (4096-200)/4096 → 95.
    expect(NodeResourcesFitScore.score(stateOf(makePod('p').build()), node)).toBe(95);
  });

  it.each([
    [0.5, 0.5, 100],
    [0.9, 0.1, 60],
    [1.5, 0, 50],
  ])('BalancedAllocation: fractions %d/%d score %d', (cpu, mem, score) => {
    expect(balancedScore(cpu, mem)).toBe(score);
  });

  it('BalancedAllocation prefers the node where cpu and memory stay in step', () => {
    const pod = makePod('p').requests({ cpu: '1', memory: '2Gi' }).build();
    const balanced = NodeResourcesBalancedAllocation.score(stateOf(pod), makeNode().info());
    const skewed = NodeResourcesBalancedAllocation.score(
      stateOf(pod),
      makeNode().info(makePod('a').requests({ cpu: '1' }).build()),
    );
    expect(balanced).toBeGreaterThan(skewed);
  });

  it('TaintToleration scores fewer untolerated PreferNoSchedule taints higher, reversed to 0–100', () => {
    const pod = makePod('p').build();
    const raw = [
      makeNode().info(),
      makeNode().taint(taint('a', 'PreferNoSchedule')).info(),
      makeNode().taint(taint('a', 'PreferNoSchedule'), taint('b', 'PreferNoSchedule')).info(),
    ].map((n) => TaintTolerationScore.score(stateOf(pod), n));
    expect(raw).toEqual([0, 1, 2]);
    TaintTolerationScore.normalize!(raw);
    expect(raw).toEqual([100, 50, 0]);
  });

  it('NodeAffinity sums the weights of matching preferred terms', () => {
    const pod = makePod('p').build();
    pod.spec.affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 30, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
          { weight: 70, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } },
        ],
      },
    };
    expect(
      NodeAffinityScore.score(stateOf(pod), makeNode().label('zone', 'a').label('disk', 'ssd').info()),
    ).toBe(100);
    expect(NodeAffinityScore.score(stateOf(pod), makeNode().label('zone', 'b').info())).toBe(0);
  });

  it('ImageLocality scales image sizes between 23 MiB and 1000 MiB per container', () => {
    expect(imageLocalityScore(0, 1)).toBe(0);
    expect(imageLocalityScore(MIN_THRESHOLD, 1)).toBe(0);
    expect(imageLocalityScore(1000 * 1024 * 1024, 1)).toBe(100);
    const pod = makePod('p').image('nginx:1.27').build();
    const nodes = [
      makeNode('a')
        .image('nginx:1.27', 500 * 1024 * 1024)
        .info(),
      makeNode('b').info(),
    ];
    const state = cycleState(pod, nodes, new Map([['nginx:1.27', 1]]));
    expect(ImageLocality.score(state, nodes[0]!)).toBeGreaterThan(0);
    expect(ImageLocality.score(state, nodes[1]!)).toBe(0);
  });

  it('DefaultNormalizeScore scales by the highest raw score', () => {
    const scores = [0, 5, 10];
    defaultNormalize(scores, false);
    expect(scores).toEqual([0, 50, 100]);
    const none = [0, 0];
    defaultNormalize(none, true);
    expect(none).toEqual([100, 100]);
  });
});
