import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { makeDeployment, makePod } from '../testing/builders';
import { scaled, surgeAndUnavailable } from './deploymentController';
import { deletionOrder, podsToDelete } from './podControl';
import { fnv32a, safeEncode, templateHash } from './templateHash';

const pod = (name: string, change: (p: Pod) => void = () => {}): Pod => {
  const p = makePod(name).build();
  change(p);
  return p;
};

describe('which pods a ReplicaSet deletes first (controller_utils ActivePodsWithRanks)', () => {
  const NOW = Date.parse('2026-01-01T01:00:00Z');
  const running =
    (node: string, readyAt: string, created = '2026-01-01T00:00:00Z') =>
    (p: Pod) => {
      p.spec.nodeName = node;
      p.status.phase = 'Running';
      p.status.conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: readyAt }];
      p.metadata.creationTimestamp = created;
    };
  const order = (pods: Pod[], related: Pod[] = pods) =>
    podsToDelete(pods, related, pods.length - 1, NOW).map((p) => p.metadata.name);
  const ranked = (pods: Pod[]) =>
    [...pods]
      .map((p) => ({ pod: p, rank: 0 }))
      .sort(deletionOrder(NOW))
      .map((r) => r.pod.metadata.name);

  it('unscheduled, then Pending, then not ready, before ready pods', () => {
    const pods = [
      pod('ready', running('minikube', '2026-01-01T00:00:10Z')),
      pod('unready', (p) => {
        running('minikube', '2026-01-01T00:00:10Z')(p);
        p.status.conditions = [{ type: 'Ready', status: 'False' }];
      }),
      pod('pending', (p) => {
        p.spec.nodeName = 'minikube';
        p.status.phase = 'Pending';
      }),
      pod('unscheduled'),
    ];
    expect(ranked(pods)).toEqual(['unscheduled', 'pending', 'unready', 'ready']);
  });

  it('a lower controller.kubernetes.io/pod-deletion-cost goes first; a bad value counts as 0', () => {
    const cost = (value: string) => (p: Pod) => {
      running('minikube', '2026-01-01T00:00:10Z')(p);
      p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': value };
    };
    const pods = [pod('high', cost('100')), pod('bad', cost('1.5')), pod('low', cost('-5'))];
    expect(ranked(pods)).toEqual(['low', 'bad', 'high']);
  });

  it('a pod doubled up on a node (with the Deployment’s other ReplicaSets’ pods too) goes first', () => {
    const a = pod('alone', running('minikube', '2026-01-01T00:00:10Z'));
    const b = pod('shared', running('minikube-m02', '2026-01-01T00:00:10Z'));
    const other = pod('old-rs-pod', running('minikube-m02', '2026-01-01T00:00:10Z'));
    expect(podsToDelete([a, b], [a, b, other], 1, NOW).map((p) => p.metadata.name)).toEqual(['shared']);
    expect(podsToDelete([a, b], [a, b], 1, NOW).map((p) => p.metadata.name)).toHaveLength(1);
  });

  it('ready for less time goes first, compared on a log2 scale (the same bucket falls to the UID)', () => {
    const recent = pod('recent', running('minikube', '2026-01-01T00:59:00Z'));
    const early = pod('early', running('minikube', '2026-01-01T00:01:00Z'));
    expect(ranked([early, recent])).toEqual(['recent', 'early']);
    // 40 and 50 minutes ago: both 2^41 ns and more (the same bucket) of nanoseconds, so the lower UID goes first.
    const x = pod('x', running('minikube', '2026-01-01T00:20:00Z'));
    const y = pod('y', running('minikube', '2026-01-01T00:10:00Z'));
    x.metadata.uid = 'b';
    y.metadata.uid = 'a';
    expect(ranked([x, y])).toEqual(['y', 'x']);
  });

  it('then more container restarts first, then newer first', () => {
    const restarts = (n: number, created: string) => (p: Pod) => {
      running('minikube', '2026-01-01T00:00:00Z', created)(p);
      p.status.containerStatuses = [
        {
          name: 'c',
          ready: true,
          restartCount: n,
          image: 'x',
          imageID: '',
          state: { running: { startedAt: '' } },
        },
      ] as NonNullable<Pod['status']['containerStatuses']>;
    };
    const pods = [
      pod('old', restarts(0, '2026-01-01T00:00:00Z')),
      pod('crashy', restarts(4, '2026-01-01T00:00:00Z')),
      pod('new', restarts(0, '2026-01-01T00:59:59Z')),
    ];
    expect(ranked(pods)).toEqual(['crashy', 'new', 'old']);
  });

  it('deleting every pod needs no order: they go as listed', () => {
    const pods = [pod('b', running('minikube', '2026-01-01T00:00:10Z')), pod('a')];
    expect(podsToDelete(pods, pods, 2, NOW).map((p) => p.metadata.name)).toEqual(['b', 'a']);
    expect(order(pods)).toEqual(['a']);
  });
});

describe('rolling update arithmetic', () => {
  it.each([
    ['25%', 4, true, 1],
    ['25%', 4, false, 1],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    [2, 10, true, 2],
    ['50%', 3, true, 2],
  ] as const)('%s of %d (round up: %s) is %d', (value, total, up, want) => {
    expect(scaled(value, total, up)).toBe(want);
  });

  it('defaults to 25% surge and 25% unavailable, and never both zero', () => {
    expect(surgeAndUnavailable(makeDeployment('d', 4))).toEqual({ maxSurge: 1, maxUnavailable: 1 });
    const d = makeDeployment('d', 1);
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } };
    expect(surgeAndUnavailable(d)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });
});

describe('pod-template-hash', () => {
  it('is FNV-1a, safely encoded into the vowel-free alphabet', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(safeEncode('0123456789')).toBe('456789bcdf');
    const hash = templateHash(makeDeployment('x', 1).spec.template);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(templateHash(makeDeployment('x', 3).spec.template)).toBe(hash);
    expect(templateHash(makeDeployment('x', 1, { image: 'nginx:1.28' }).spec.template)).not.toBe(hash);
  });
});
