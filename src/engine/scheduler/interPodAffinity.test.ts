import { describe, expect, it } from 'vitest';
import type { Pod, PodAffinity } from '../api/types';
import { Prng } from '../core/prng';
import { makeDeployment, makeNode, makePod } from '../testing/builders';
import { TestCluster } from '../testing/testCluster';
import { cycleState, schedulePod } from './algorithm';
import type { NodeInfo } from './nodeInfo';
import {
  ERR_AFFINITY,
  ERR_ANTI_AFFINITY,
  ERR_EXISTING_ANTI_AFFINITY,
  InterPodAffinityFilter,
  InterPodAffinityScore,
  selectorMatches,
} from './plugins/interPodAffinity';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

/** A pod labelled `labels`, with pod affinity and anti-affinity as given. */
function pod(
  name: string,
  labels: Record<string, string>,
  podAffinity?: PodAffinity,
  podAntiAffinity?: PodAffinity,
): Pod {
  const p = makePod(name).labels(labels).build();
  if (podAffinity || podAntiAffinity)
    p.spec.affinity = {
      ...(podAffinity ? { podAffinity } : {}),
      ...(podAntiAffinity ? { podAntiAffinity } : {}),
    };
  return p;
}
const requireTerm = (matchLabels: Record<string, string>, topologyKey = HOST): PodAffinity => ({
  requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels }, topologyKey }],
});
const preferTerm = (
  weight: number,
  matchLabels: Record<string, string>,
  topologyKey = HOST,
): PodAffinity => ({
  preferredDuringSchedulingIgnoredDuringExecution: [
    { weight, podAffinityTerm: { labelSelector: { matchLabels }, topologyKey } },
  ],
});

/** Nodes a, b, c: a and b in zone z1, c in z2; `on` places existing pods. */
function nodes(on: Partial<Record<'a' | 'b' | 'c', Pod[]>> = {}): NodeInfo[] {
  return (['a', 'b', 'c'] as const).map((n) =>
    makeNode(n)
      .label(HOST, n)
      .label(ZONE, n === 'c' ? 'z2' : 'z1')
      .info(...(on[n] ?? [])),
  );
}

/** Filter's verdict on each node: the reason, or 'ok'. */
function filter(incoming: Pod, all: NodeInfo[]): string[] {
  const state = cycleState(incoming, all, new Map());
  if (!InterPodAffinityFilter.preFilter!(state, all)) return all.map(() => 'ok');
  return all.map((n) => InterPodAffinityFilter.filter(state, n)?.reasons[0] ?? 'ok');
}

function scores(incoming: Pod, all: NodeInfo[]): number[] | null {
  const state = cycleState(incoming, all, new Map());
  if (!InterPodAffinityScore.preScore!(state, all, all)) return null;
  const s = all.map((n) => InterPodAffinityScore.score(state, n));
  InterPodAffinityScore.normalize!(s);
  return s;
}

describe('InterPodAffinity Filter', () => {
  const db = pod('db', { app: 'db' });
  it.each<[string, Pod, Partial<Record<'a' | 'b' | 'c', Pod[]>>, string[]]>([
    ['no terms anywhere: skipped', pod('p', { app: 'web' }), { a: [db] }, ['ok', 'ok', 'ok']],
    [
      'required affinity to db on the same host: only db’s node',
      pod('p', { app: 'web' }, requireTerm({ app: 'db' })),
      { b: [db] },
      [ERR_AFFINITY, 'ok', ERR_AFFINITY],
    ],
    [
      'required affinity to db in the same zone: both z1 nodes',
      pod('p', { app: 'web' }, requireTerm({ app: 'db' }, ZONE)),
      { b: [db] },
      ['ok', 'ok', ERR_AFFINITY],
    ],
    [
      'required affinity nothing matches, and the pod does not match itself: nowhere',
      pod('p', { app: 'web' }, requireTerm({ app: 'db' })),
      {},
      [ERR_AFFINITY, ERR_AFFINITY, ERR_AFFINITY],
    ],
    [
      'the first pod of a group with affinity to its own kind goes anywhere',
      pod('p', { app: 'web' }, requireTerm({ app: 'web' })),
      {},
      ['ok', 'ok', 'ok'],
    ],
    [
      'required anti-affinity to its own kind: not next to the other replica',
      pod('p', { app: 'web' }, undefined, requireTerm({ app: 'web' })),
      { a: [pod('w1', { app: 'web' })] },
      [ERR_ANTI_AFFINITY, 'ok', 'ok'],
    ],
    [
      'an existing pod’s required anti-affinity keeps the incoming pod out of its zone',
      pod('p', { app: 'web' }),
      { c: [pod('loner', { app: 'loner' }, undefined, requireTerm({ app: 'web' }, ZONE))] },
      ['ok', 'ok', ERR_EXISTING_ANTI_AFFINITY],
    ],
    [
      'terms look in the pod’s own namespace only, unless they name others',
      pod('p', { app: 'web' }, undefined, requireTerm({ app: 'web' })),
      { a: [makePod('other-ns').labels({ app: 'web' }).namespace('prod').build()] },
      ['ok', 'ok', 'ok'],
    ],
  ])('%s', (_, incoming, on, want) => {
    expect(filter(incoming, nodes(on))).toEqual(want);
  });
});

describe('InterPodAffinity Score', () => {
  it('adds the weight of preferred affinity, subtracts preferred anti-affinity, then min–max to 0–100', () => {
    const incoming = pod(
      'p',
      { app: 'web' },
      preferTerm(80, { app: 'cache' }),
      preferTerm(20, { app: 'web' }, ZONE),
    );
    const all = nodes({ a: [pod('cache', { app: 'cache' })], c: [pod('w', { app: 'web' })] });
    // Raw: a 80, b 0, c −20 → (s − min) / (max − min) · 100.
    expect(scores(incoming, all)).toEqual([100, 20, 0]);
  });

  it('counts the existing pods’ terms towards the incoming pod too (required affinity with weight 1)', () => {
    const friendly = pod('f', { app: 'f' }, requireTerm({ app: 'web' }));
    const shy = pod('s', { app: 's' }, undefined, preferTerm(10, { app: 'web' }));
    const all = nodes({ a: [friendly], c: [shy] });
    // Raw: a +1, b 0, c −10.
    expect(scores(pod('p', { app: 'web' }), all)).toEqual([100, 90, 0]);
  });

  it('skips a pod when neither it nor any existing pod has terms', () => {
    expect(scores(pod('p', { app: 'web' }), nodes({ a: [pod('x', { app: 'x' })] }))).toBeNull();
  });
});

describe('label selectors', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }, true],
    [
      { matchExpressions: [{ key: 'app', operator: 'In' as const, values: ['a', 'web'] }] },
      { app: 'web' },
      true,
    ],
    [
      { matchExpressions: [{ key: 'app', operator: 'NotIn' as const, values: ['web'] }] },
      { app: 'web' },
      false,
    ],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' as const }] }, {}, false],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' as const }] }, {}, true],
    [{}, { any: 'thing' }, true],
    [undefined, { any: 'thing' }, false],
  ])('%j selects %j: %s', (selector, labels, want) => {
    expect(selectorMatches(selector, labels)).toBe(want);
  });
});

describe('scheduling with pod affinity', () => {
  it('takes the plugin path only when some pod has terms, and then spreads anti-affine replicas', () => {
    const all = nodes();
    const rng = Prng.fromSeed(1);
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = pod(`w${i}`, { app: 'web' }, undefined, requireTerm({ app: 'web' }));
      const { decision } = schedulePod(p, all, 0, rng, { record: false });
      placed.push(decision.winner!);
      all.find((n) => n.name === decision.winner)!.addPod(p);
    }
    expect(new Set(placed).size).toBe(3);
    const fourth = pod('w3', { app: 'web' }, undefined, requireTerm({ app: 'web' }));
    const { decision } = schedulePod(fourth, all, 0, rng, { record: false });
    expect(decision.winner).toBeNull();
    expect(decision.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  it('in a cluster: a Deployment with required anti-affinity per host leaves the extra replica Pending', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const deployment = makeDeployment('solo', 3);
    deployment.spec.template.spec.affinity = { podAntiAffinity: requireTerm({ app: 'solo' }) };
    t.apply(deployment).advance('20s');
    const pods = t.podsOf('solo-');
    expect(
      pods
        .filter((p) => p.status.phase === 'Running')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['minikube', 'minikube-m02']);
    const pending = pods.find((p) => !p.spec.nodeName)!;
    expect(
      t.eventsFor(pending.metadata.name).find((e) => e.reason === 'FailedScheduling')?.message,
    ).toContain("2 node(s) didn't match pod anti-affinity rules");
  });

  it('CoreDNS, as kubeadm deploys it, prefers a node without CoreDNS for a second replica', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const first = t.podsOf('coredns-', 'kube-system')[0]!.spec.nodeName!;
    t.act((c) => c.scale('Deployment', 'kube-system', 'coredns', 2)).advance('10s');
    const decision = t.cluster.scheduler.decisions
      .filter((d) => d.pod.startsWith('kube-system/coredns-'))
      .at(-1)!;
    const affinity = Object.fromEntries(decision.verdicts!.map((v) => [v.node, v.scores?.InterPodAffinity]));
    const other = first === 'minikube' ? 'minikube-m02' : 'minikube';
    expect(affinity).toEqual({ [first]: 0, [other]: 100 });
    expect(decision.winner).toBe(other);
  });
});
