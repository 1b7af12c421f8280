import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { makeDeployment, makePod } from '../testing/builders';
import { scaled, surgeAndUnavailable } from './deploymentController';
import { deletionOrder } from './podControl';
import { fnv32a, safeEncode, templateHash } from './templateHash';

const pod = (name: string, change: (p: Pod) => void = () => {}): Pod => {
  const p = makePod(name).build();
  change(p);
  return p;
};

describe('deletionOrder (controller_utils ActivePods ranking)', () => {
  it('deletes unscheduled, then pending, then unready, then newer pods first', () => {
    const running = (p: Pod, ready: boolean, created: string) => {
      p.spec.nodeName = 'minikube';
      p.status.phase = 'Running';
      p.status.conditions = [{ type: 'Ready', status: ready ? 'True' : 'False' }];
      p.metadata.creationTimestamp = created;
    };
    const pods = [
      pod('old-ready', (p) => running(p, true, '2026-01-01T00:00:00Z')),
      pod('new-ready', (p) => running(p, true, '2026-01-01T00:05:00Z')),
      pod('unready', (p) => running(p, false, '2026-01-01T00:00:00Z')),
      pod('pending', (p) => {
        p.spec.nodeName = 'minikube';
        p.status.phase = 'Pending';
      }),
      pod('unscheduled'),
    ];
    expect([...pods].sort(deletionOrder).map((p) => p.metadata.name)).toEqual([
      'unscheduled',
      'pending',
      'unready',
      'new-ready',
      'old-ready',
    ]);
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
