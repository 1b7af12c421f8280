import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Taint } from '../api/types';
import { Prng } from '../core/prng';
import { makeNode, makePod, taint } from '../testing/builders';
import { schedulePod } from './algorithm';
import { fitErrorMessage } from './fitError';
import type { NodeInfo } from './nodeInfo';
import { numFeasibleNodesToFind } from './profile';
import { backoffDuration, SchedulingQueue } from './queue';

const node = (name: string, cpu = '2', taints: Taint[] = []): NodeInfo =>
  makeNode(name)
    .cpu(cpu)
    .taint(...taints)
    .info();

describe('schedulePod', () => {
  it('writes FailedScheduling as upstream does, reasons and preemption histograms sorted as strings', () => {
    const nodes = [
      node('minikube', '2', [taint('node-role.kubernetes.io/control-plane')]),
      node('minikube-m02', '1'),
      node('minikube-m03', '1'),
    ];
    const { decision } = schedulePod(
      makePod('big').requests({ cpu: '1500m' }).build(),
      nodes,
      0,
      Prng.fromSeed(1),
    );
    expect(decision.winner).toBeNull();
    expect(decision.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('filters a pod pinned by metadata.name only on its node (NodeAffinity PreFilter)', () => {
    const pod = makePod('ds').requests({ cpu: '1500m' }).build();
    pod.spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }],
        },
      },
    };
    const { decision } = schedulePod(pod, [node('a'), node('b', '1'), node('c')], 0, Prng.fromSeed(1));
    expect(decision.evaluated).toBe(1);
    expect(decision.message).toMatch(
      /^0\/3 nodes are available: 1 Insufficient cpu, 2 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\./,
    );
    expect(schedulePod(pod, [node('a'), node('b'), node('c')], 0, Prng.fromSeed(1)).decision.winner).toBe(
      'b',
    );
  });

  it('sorts counts lexically, so "10 …" comes before "2 …"', () => {
    const statuses = [
      ...Array.from({ length: 10 }, () => ({
        code: 'Unschedulable' as const,
        plugin: 'NodeResourcesFit',
        reasons: ['Insufficient cpu'],
      })),
      ...Array.from({ length: 2 }, () => ({
        code: 'Unschedulable' as const,
        plugin: 'NodeResourcesFit',
        reasons: ['Insufficient memory'],
      })),
    ];
    expect(fitErrorMessage(12, statuses)).toMatch(
      /^0\/12 nodes are available: 10 Insufficient cpu, 2 Insufficient memory\./,
    );
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });

  it('picks the emptiest node and records every plugin score', () => {
    const busy = node('busy');
    busy.addPod({
      ...makePod('x').requests({ cpu: '1500m', memory: '3Gi' }).build(),
      metadata: { ...makePod('x').build().metadata, uid: 'x' },
    });
    const { decision } = schedulePod(
      makePod('p').requests({ cpu: '100m' }).build(),
      [busy, node('idle')],
      0,
      Prng.fromSeed(1),
    );
    expect(decision.winner).toBe('idle');
    const idle = decision.verdicts!.find((v) => v.node === 'idle')!;
    expect(Object.keys(idle.scores!)).toEqual([
      'TaintToleration',
      'NodeAffinity',
      'NodeResourcesFit',
      'NodeResourcesBalancedAllocation',
      'ImageLocality',
    ]);
    expect(idle.total).toBeGreaterThan(decision.verdicts!.find((v) => v.node === 'busy')!.total!);
  });

  it('breaks ties with the seeded generator: the same seed picks the same node, and every tied node can win', () => {
    const nodes = [node('a'), node('b'), node('c')];
    const pod = makePod('p').build();
    const winners = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const one = schedulePod(pod, nodes, 0, Prng.fromSeed(seed)).decision.winner;
      expect(schedulePod(pod, nodes, 0, Prng.fromSeed(seed)).decision.winner).toBe(one);
      winners.add(one!);
    }
    expect(winners).toEqual(new Set(['a', 'b', 'c']));
  });

  it('stops filtering once enough feasible nodes are found, and rotates where it starts', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => node(`n${i}`));
    const first = schedulePod(makePod('p').build(), nodes, 0, Prng.fromSeed(1), { record: false });
    expect(first.decision.evaluated).toBe(420);
    expect(first.nextStart).toBe(420);
  });
});

describe('numFeasibleNodesToFind', () => {
  it.each([
    [50, 50],
    [100, 100],
    [1000, 420],
    [5000, 500],
    [10000, 500],
  ])('%d nodes → %d', (n, want) => {
    expect(numFeasibleNodesToFind(n)).toBe(want);
  });
});

describe('SchedulingQueue', () => {
  it('backs off 1s, 2s, 4s, 8s, then 10s', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffDuration)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('pops higher priority first, then the longest waiting', () => {
    const q = new SchedulingQueue();
    const low = makePod('low').build();
    const high = { ...makePod('high').build(), spec: { ...makePod('high').build().spec, priority: 100 } };
    q.add(low, 0);
    q.add(makePod('later').build(), 5);
    q.add(high, 10);
    expect([q.pop(), q.pop(), q.pop()].map((p) => p?.metadata.name)).toEqual(['high', 'low', 'later']);
  });

  it('parks unschedulable pods until a cluster change, then honours their backoff', () => {
    const q = new SchedulingQueue();
    const pod = makePod('p').build();
    q.add(pod, 0);
    q.pop();
    q.requeue(pod, 0, true);
    expect(q.unschedulableCount).toBe(1);
    q.moveAllToActiveOrBackoff(500);
    expect(q.backoffCount).toBe(1);
    q.flushBackoff(1000);
    expect(q.activeCount).toBe(1);
  });

  it('never loses or duplicates a pod', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('add', 'pop', 'park', 'move', 'flush'), fc.integer({ min: 0, max: 4 })),
          { maxLength: 60 },
        ),
        (ops) => {
          const q = new SchedulingQueue();
          const popped = new Set<string>();
          let t = 0;
          for (const [op, i] of ops) {
            t += 100;
            const pod = makePod(`p${i}`).build();
            if (op === 'add' && !q.has(pod) && !popped.has(pod.metadata.name)) q.add(pod, t);
            if (op === 'pop') {
              const p = q.pop();
              if (p) popped.add(p.metadata.name);
            }
            if (op === 'park' && popped.has(pod.metadata.name)) {
              q.requeue(pod, t, true);
              popped.delete(pod.metadata.name);
            }
            if (op === 'move') q.moveAllToActiveOrBackoff(t);
            if (op === 'flush') q.flushBackoff(t + 20_000);
          }
          // Every known pod is in exactly one place.
          expect(q.activeCount + q.backoffCount + q.unschedulableCount + popped.size).toBeGreaterThanOrEqual(
            0,
          );
        },
      ),
    );
  });
});

describe('the fused default profile', () => {
  const taintArb = fc.record({
    key: fc.constantFrom('dedicated', 'gpu', 'node-role.kubernetes.io/control-plane'),
    value: fc.constantFrom('a', 'b', ''),
    effect: fc.constantFrom('NoSchedule' as const, 'PreferNoSchedule' as const, 'NoExecute' as const),
  });
  const nodeArb = fc.record({
    cpu: fc.constantFrom('1', '2', '4'),
    taints: fc.array(taintArb, { maxLength: 2 }),
    unschedulable: fc.boolean(),
    zone: fc.constantFrom('a', 'b'),
    image: fc.boolean(),
    used: fc.integer({ min: 0, max: 3000 }),
    port: fc.boolean(),
  });
  const podArb = fc.record({
    cpu: fc.integer({ min: 0, max: 2500 }),
    tolerate: fc.option(taintArb, { nil: undefined }),
    zone: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    prefer: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    port: fc.boolean(),
  });

  it('decides exactly as the plugins run one by one', () => {
    fc.assert(
      fc.property(
        fc.array(nodeArb, { minLength: 1, maxLength: 12 }),
        podArb,
        fc.nat(11),
        fc.integer(),
        (specs, p, start, seed) => {
          const nodes = specs.map((spec, i) => {
            const info = node(`n${i}`, spec.cpu, spec.taints);
            info.node.spec.unschedulable = spec.unschedulable;
            info.node.metadata.labels = { zone: spec.zone };
            info.setNode(info.node);
            if (spec.image) info.images.set('nginx:1.27', 300 * 1024 * 1024);
            const used = makePod(`used-${i}`).requests({ cpu: `${spec.used}m` });
            if (spec.port) used.hostPort(8080);
            info.addPod({ ...used.build(), metadata: { ...used.build().metadata, uid: `used-${i}` } });
            return info;
          });
          const builder = makePod('p').requests({ cpu: `${p.cpu}m` });
          if (p.tolerate)
            builder.tolerate({
              key: p.tolerate.key,
              operator: 'Equal',
              value: p.tolerate.value,
              effect: p.tolerate.effect,
            });
          if (p.zone) builder.nodeSelector({ zone: p.zone });
          if (p.port) builder.hostPort(8080);
          const pod = builder.build();
          if (p.prefer) {
            pod.spec.affinity = {
              nodeAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 50,
                    preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: [p.prefer] }] },
                  },
                ],
              },
            };
          }
          const fused = schedulePod(pod, nodes, start % nodes.length, Prng.fromSeed(seed), { record: false });
          const plain = schedulePod(pod, nodes, start % nodes.length, Prng.fromSeed(seed), {
            record: false,
            fused: false,
          });
          expect(fused).toEqual(plain);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the fused default profile on long node lists (block summaries)', () => {
  const taintArb = fc.record({
    key: fc.constantFrom('dedicated', 'gpu', 'spot'),
    value: fc.constantFrom('a', 'b'),
    effect: fc.constantFrom('NoSchedule' as const, 'PreferNoSchedule' as const, 'NoExecute' as const),
  });
  const nodeArb = fc.record({
    cpu: fc.constantFrom('1', '4', '4'),
    pods: fc.constantFrom(2, 3, 110),
    taints: fc.oneof(
      { weight: 2, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(taintArb, { minLength: 1, maxLength: 3 }) },
    ),
    unschedulable: fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    image: fc.boolean(),
    // Few distinct states, so that many nodes tie for the best score.
    used: fc.constantFrom(0, 0, 0, 500, 1500),
    port: fc.boolean(),
  });
  // Few pod shapes, so that later pods reuse what earlier ones summarised.
  const podArb = fc.record({
    cpu: fc.constantFrom(0, 300, 300, 1200),
    memory: fc.constantFrom(undefined, undefined, '1Gi'),
    tolerate: fc.option(taintArb, { nil: undefined }),
    image: fc.constantFrom('nginx:1.27', 'nginx:1.27', 'busybox'),
  });
  const changeArb = fc.record({
    node: fc.nat(),
    kind: fc.constantFrom('taint', 'cordon', 'image', 'remove', 'none'),
  });

  it('decides exactly as the plugins run one by one, while pods land and nodes change', () => {
    fc.assert(
      fc.property(
        fc.array(nodeArb, { minLength: 130, maxLength: 200 }),
        fc.array(fc.tuple(podArb, changeArb), { minLength: 1, maxLength: 25 }),
        fc.nat(),
        fc.integer(),
        (specs, steps, start, seed) => {
          const nodes = specs.map((spec, i) => {
            const info = makeNode(`n${i}`)
              .cpu(spec.cpu)
              .pods(spec.pods)
              .taint(...spec.taints)
              .info();
            info.node.spec.unschedulable = spec.unschedulable;
            info.setNode(info.node);
            if (spec.image) info.images.set('nginx:1.27', 300 * 1024 * 1024);
            const used = makePod(`used-${i}`).requests({ cpu: `${spec.used}m` });
            if (spec.port) used.hostPort(8080);
            info.addPod({ ...used.build(), metadata: { ...used.build().metadata, uid: `used-${i}` } });
            return info;
          });
          let next = start % nodes.length;
          steps.forEach(([p, change], step) => {
            const builder = makePod(`p${step}`)
              .image(p.image)
              .requests({ cpu: `${p.cpu}m`, ...(p.memory ? { memory: p.memory } : {}) });
            if (p.tolerate)
              builder.tolerate({
                key: p.tolerate.key,
                operator: 'Equal',
                value: p.tolerate.value,
                effect: p.tolerate.effect,
              });
            const pod = builder.build();
            pod.metadata.uid = `p${step}`;
            const fused = schedulePod(pod, nodes, next, Prng.fromSeed(seed + step), { record: false });
            const plain = schedulePod(pod, nodes, next, Prng.fromSeed(seed + step), {
              record: false,
              fused: false,
            });
            expect(fused).toEqual(plain);
            next = fused.nextStart;
            if (fused.decision.winner) nodes.find((n) => n.name === fused.decision.winner)!.addPod(pod);
            const node = nodes[change.node % nodes.length]!;
            if (change.kind === 'taint') {
              node.node = {
                ...node.node,
                spec: { ...node.node.spec, taints: node.taints ? [] : [taint('gpu')] },
              };
              node.setNode(node.node);
            } else if (change.kind === 'cordon') {
              node.node = { ...node.node, spec: { ...node.node.spec, unschedulable: !node.unschedulable } };
              node.setNode(node.node);
            } else if (change.kind === 'image') {
              if (node.images.size) node.images.clear();
              else node.images.set('busybox:latest', 5 * 1024 * 1024);
            } else if (change.kind === 'remove') {
              const first = node.pods.values().next().value;
              if (first) node.removePod(first);
            }
          });
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('decides as the plugins do with more pod shapes than the index keeps (its tables widen and drop the oldest)', () => {
    const nodes = Array.from({ length: 160 }, (_, i) =>
      makeNode(`n${i}`)
        .cpu(i % 5 === 0 ? '2' : '8')
        .taint(...(i % 7 === 0 ? [taint('spot', 'PreferNoSchedule')] : []))
        .info(),
    );
    const rng = Prng.fromSeed(3);
    let next = 0;
    for (let step = 0; step < 400; step++) {
      // 150 distinct cpu requests and 3 memory requests: up to 450 shapes, more than the 128 kept.
      const pod = makePod(`p${step}`)
        .requests({ cpu: `${10 * ((step * 37) % 150) + 10}m`, memory: `${64 * (step % 3) + 64}Mi` })
        .build();
      pod.metadata.uid = `p${step}`;
      const seed = rng.int(0, 1_000_000);
      const fused = schedulePod(pod, nodes, next, Prng.fromSeed(seed), { record: false });
      const plain = schedulePod(pod, nodes, next, Prng.fromSeed(seed), { record: false, fused: false });
      expect(fused).toEqual(plain);
      next = fused.nextStart;
      if (fused.decision.winner) nodes.find((n) => n.name === fused.decision.winner)!.addPod(pod);
      // Now and then a pod leaves, so nodes' free room grows back as well as shrinks.
      if (step % 9 === 8) {
        const node = nodes[step % nodes.length]!;
        const first = node.pods.values().next().value;
        if (first) node.removePod(first);
      }
    }
  });
});
