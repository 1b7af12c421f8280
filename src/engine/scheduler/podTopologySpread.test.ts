import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../api/types';
import { makeNode, makePod, makeService } from '../testing/builders';
import { cycleState, schedulePod } from './algorithm';
import type { CycleState } from './framework';
import type { NodeInfo } from './nodeInfo';
import { defaultSelector, PodTopologySpreadScore } from './plugins/podTopologySpread';
import { Prng } from '../core/prng';

const web = (name: string, extra: Record<string, string> = {}) =>
  makePod(name)
    .labels({ app: 'web', ...extra })
    .build();

const replicaSet = (
  name: string,
  matchLabels: Record<string, string>,
  namespace = 'default',
): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace, uid: name, resourceVersion: '1', creationTimestamp: '' },
  spec: {
    replicas: 1,
    selector: { matchLabels },
    template: { metadata: { labels: matchLabels }, spec: { containers: [] } },
  },
  status: { replicas: 0 },
});

/** PreScore, Score and NormalizeScore over `nodes`, all feasible, as a cycle runs them. */
function spreadScores(pod: Pod, nodes: NodeInfo[], selector = [{ app: 'web' }]): number[] | null {
  const state: CycleState = { ...cycleState(pod, nodes, new Map()), spreadSelector: selector };
  if (!PodTopologySpreadScore.preScore!(state, nodes, nodes)) return null;
  const scores = nodes.map((n) => PodTopologySpreadScore.score(state, n));
  PodTopologySpreadScore.normalize!(scores);
  return scores;
}

describe('PodTopologySpread (system default constraints)', () => {
  it('the default selector is every Service and ReplicaSet in the namespace that selects the pod', () => {
    const pod = web('p', { 'pod-template-hash': 'abc' });
    const other = { ...makeService('other', { app: 'db' }) };
    const elsewhere = {
      ...makeService('web', { app: 'web' }),
      metadata: { ...makeService('x', {}).metadata, namespace: 'prod' },
    };
    expect(
      defaultSelector(
        pod,
        [makeService('web', { app: 'web' }), other, elsewhere, makeService('none', {})],
        [
          replicaSet('web-abc', { app: 'web', 'pod-template-hash': 'abc' }),
          replicaSet('web-old', { app: 'web', 'pod-template-hash': 'old' }),
        ],
      ),
    ).toEqual([{ app: 'web' }, { app: 'web', 'pod-template-hash': 'abc' }]);
    // A pod nothing selects (a bare pod, a DaemonSet's pod with no Service) is not spread.
    expect(defaultSelector(makePod('bare').build(), [], [])).toEqual([]);
    expect(spreadScores(makePod('bare').build(), [makeNode('a').info()], [])).toBeNull();
  });

  it('scores fewer matching pods on a node higher: count · ln(nodes + 2) + maxSkew − 1, reversed', () => {
    // Node a has 2 matching pods, b has 1 (and one that does not match), c none.
    const a = makeNode('a').info(web('a1'), web('a2'));
    const b = makeNode('b').info(web('b1'), makePod('db').labels({ app: 'db' }).build());
    const c = makeNode('c').info();
    // Raw: a = round(2·ln 5 + 2) = 5, b = round(ln 5 + 2) = 4, c = 2; normalised 100·(max + min − s)/max.
    expect(spreadScores(web('new'), [a, b, c])).toEqual([40, 60, 100]);
  });

  it('counts only pods in the same namespace and not being deleted', () => {
    const deleting = web('gone');
    deleting.metadata.deletionTimestamp = '2026-01-15T09:00:00Z';
    const a = makeNode('a').info(deleting, makePod('x').labels({ app: 'web' }).namespace('prod').build());
    const b = makeNode('b').info();
    expect(spreadScores(web('new'), [a, b])).toEqual([100, 100]);
  });

  it('with no node holding a matching pod, every node scores 100', () => {
    expect(spreadScores(web('new'), [makeNode('a').info(), makeNode('b').info()])).toEqual([100, 100]);
  });

  it('a zone label spreads over zones as well (maxSkew 5), counted over every node', () => {
    const zone = (name: string, z: string, ...pods: Pod[]) =>
      makeNode(name)
        .label('topology.kubernetes.io/zone', z)
        .info(...pods);
    const a = zone('a', 'z1', web('a1'));
    const b = zone('b', 'z1');
    const c = zone('c', 'z2');
    // Hostname: a 1, b 0, c 0 (weight ln 5); zone: z1 1, z2 0 (weight ln 4).
    // Raw: a = round(ln5 + 2 + ln4 + 4) = 9, b = round(2 + ln4 + 4) = 7, c = 6.
    expect(spreadScores(web('new'), [a, b, c])).toEqual([66, 88, 100]);
  });

  it('schedulePod spreads a ReplicaSet’s pods although the other node has more room', () => {
    const busy = makeNode('busy').info(makePod('sys').requests({ cpu: '750m' }).build());
    const free = makeNode('free').info(web('w1'), web('w2'));
    const rng = Prng.fromSeed(1);
    const spread = schedulePod(web('new'), [busy, free], 0, rng, { spreadSelector: [{ app: 'web' }] });
    expect(spread.decision.winner).toBe('busy');
    const scores = spread.decision.verdicts!.find((v) => v.node === 'busy')!.scores!;
    expect(Object.keys(scores)).toContain('PodTopologySpread');
    // Without a selector the plugin is skipped: no column, and the emptier node wins.
    const plain = schedulePod(web('new'), [busy, free], 0, rng);
    expect(plain.decision.winner).toBe('free');
    expect(Object.keys(plain.decision.verdicts![0]!.scores!)).not.toContain('PodTopologySpread');
  });
});
