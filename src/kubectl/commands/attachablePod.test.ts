import { describe, expect, it } from 'vitest';
import type { Pod } from '../../engine/api/types';
import { makePod } from '../../engine/testing/builders';
import { mostActiveFirst } from './attachablePod';

/** A pod in `phase`, ready since `readySince` (or not ready), with `restarts`, created at `created`. */
function pod(
  name: string,
  o: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string },
): Pod {
  const p = makePod(name).build();
  return {
    ...p,
    metadata: { ...p.metadata, creationTimestamp: o.created ?? '2026-01-15T09:00:00Z' },
    spec: { ...p.spec, ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      ...p.status,
      phase: (o.phase ?? 'Running') as Pod['status']['phase'],
      conditions: o.readySince
        ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }]
        : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'app', restartCount: o.restarts ?? 0 } as never],
    },
  } as Pod;
}

const order = (...pods: Pod[]) => [...pods].sort(mostActiveFirst).map((p) => p.metadata.name);

describe('mostActiveFirst (sort.Reverse(podutils.ActivePods))', () => {
  it('puts assigned before unassigned, Running before Unknown before Pending, ready before not', () => {
    expect(
      order(
        pod('pending', { node: 'n', phase: 'Pending' }),
        pod('unassigned', {}),
        pod('running', { node: 'n' }),
      ),
    ).toEqual(['running', 'pending', 'unassigned']);
    expect(
      order(pod('unknown', { node: 'n', phase: 'Unknown' }), pod('pending', { node: 'n', phase: 'Pending' })),
    ).toEqual(['unknown', 'pending']);
    expect(
      order(pod('not-ready', { node: 'n' }), pod('ready', { node: 'n', readySince: '2026-01-15T09:01:00Z' })),
    ).toEqual(['ready', 'not-ready']);
  });

  it('then ready longer, fewer restarts, older first; the name breaks a tie', () => {
    const ready = (name: string, since: string, o: { restarts?: number; created?: string } = {}) =>
      pod(name, { node: 'n', readySince: since, ...o });
    expect(order(ready('later', '2026-01-15T09:05:00Z'), ready('earlier', '2026-01-15T09:01:00Z'))).toEqual([
      'earlier',
      'later',
    ]);
    const at = '2026-01-15T09:01:00Z';
    expect(order(ready('restarted', at, { restarts: 3 }), ready('steady', at))).toEqual([
      'steady',
      'restarted',
    ]);
    expect(order(ready('newer', at, { created: '2026-01-15T09:00:30Z' }), ready('older', at))).toEqual([
      'older',
      'newer',
    ]);
    expect(order(ready('b', at), ready('a', at))).toEqual(['a', 'b']);
  });
});
