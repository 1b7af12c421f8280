/** Which pod `kubectl logs deploy/NAME` reads (podutils.ByLogging), and the notes it writes to stderr. */
import { describe, expect, test } from 'vitest';
import type { Pod } from '../../engine/api/types';
import { parseCommand } from '../shell';
import { readyCluster, run } from '../testing/session';
import { byLogging } from './sources';

const t = readyCluster({ nodes: 2 }, 3);
const template = t.cluster.list('Pod', 'default')[0]!;

/** A pod like the web pods, changed as a row of the table says. */
function pod(
  name: string,
  o: {
    node?: string;
    phase?: Pod['status']['phase'];
    readySince?: string;
    restarts?: number;
    created?: string;
  },
): Pod {
  const p = structuredClone(template);
  p.metadata.name = name;
  p.metadata.creationTimestamp = o.created ?? '2026-01-15T09:00:00Z';
  if (o.node === '') delete p.spec.nodeName;
  p.status.phase = o.phase ?? 'Running';
  p.status.conditions = o.readySince
    ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }]
    : [{ type: 'Ready', status: 'False' }];
  p.status.containerStatuses = p.status.containerStatuses!.map((s) => ({
    ...s,
    restartCount: o.restarts ?? 0,
  }));
  return p;
}

describe('byLogging', () => {
  test.each([
    ['assigned before unassigned', pod('a', { node: '' }), pod('b', {})],
    ['Running before Pending', pod('a', { phase: 'Pending' }), pod('b', {})],
    ['ready before not ready', pod('a', {}), pod('b', { readySince: '2026-01-15T09:00:30Z' })],
    [
      'ready longer before ready for less',
      pod('a', { readySince: '2026-01-15T09:00:30Z' }),
      pod('b', { readySince: '2026-01-15T09:00:10Z' }),
    ],
    ['more restarts first', pod('a', {}), pod('b', { restarts: 2 })],
    [
      'older first',
      pod('a', { created: '2026-01-15T09:00:20Z' }),
      pod('b', { created: '2026-01-15T09:00:05Z' }),
    ],
    ['the name when all else is equal', pod('b', {}), pod('a', {})],
  ])('%s', (_, worse, better) => {
    expect([worse, better].sort(byLogging).map((p) => p.metadata.name)).toEqual([
      better.metadata.name,
      worse.metadata.name,
    ]);
  });
});

describe('kubectl logs of a workload and of a selector', () => {
  const pods = t.cluster.list('Pod', 'default').sort(byLogging);

  test('one pod, the one ByLogging puts first, with "Found N pods" first (stderr, not piped)', () => {
    const out = run(t, 'kubectl logs deploy/web --tail=1');
    expect(out).toEqual({
      text: `Found 3 pods, using pod/${pods[0]!.metadata.name}\n${out.text.split('\n')[1]}`,
      error: false,
      stderrLines: 1,
    });
    expect(run(t, 'kubectl logs deploy/web | grep -c notice').text).toBe(
      `Found 3 pods, using pod/${pods[0]!.metadata.name}\n8`,
    );
    expect(run(t, 'kubectl logs deploy/web | grep nothing-matches').text).toBe(
      `Found 3 pods, using pod/${pods[0]!.metadata.name}`,
    );
  });

  test('a selector: every pod, the last 10 lines each unless --tail; --prefix names pod and container', () => {
    expect(run(t, 'kubectl logs -l app=web').text.split('\n')).toHaveLength(30);
    expect(run(t, 'kubectl logs -l app=web --tail=-1').text.split('\n')).toHaveLength(51);
    const prefixed = run(t, 'kubectl logs -l app=web --tail=1 --prefix').text.split('\n');
    expect(prefixed.map((l) => /^\[pod\/(\S+)\/nginx\] /.exec(l)?.[1])).toEqual(
      t.cluster
        .list('Pod', 'default')
        .map((p) => p.metadata.name)
        .sort(),
    );
    expect(run(t, 'kubectl logs -l app=none')).toEqual({
      text: 'No resources found in default namespace.',
      error: false,
      stderrLines: 1,
    });
  });

  test('-f over a selector: at most --max-log-requests streams', () => {
    const follow = (line: string) => {
      const c = parseCommand(line, { node: null });
      return c.type === 'watch' ? c : null;
    };
    expect(run(t, 'kubectl logs -f -l app=web --max-log-requests=2').text).toBe(
      'error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit',
    );
    expect(follow('kubectl logs -f -l app=web')).not.toBeNull();
    expect(run(t, 'kubectl logs -f -l app=web --tail=1').text.split('\n')).toHaveLength(3);
  });

  test('usage errors', () => {
    expect(run(t, 'kubectl logs').text).toMatch(/^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\)/);
    expect(run(t, 'kubectl logs web -l app=web').text).toMatch(
      /^error: only a selector \(-l\) or a POD name/,
    );
    expect(run(t, 'kubectl logs deploy/web nginx -c nginx').text).toBe(
      'error: only one of -c or an inline [CONTAINER] arg is allowed',
    );
    expect(run(t, 'kubectl logs deploy/web -c nginx --all-containers').text).toBe(
      'error: --all-containers=true should not be specified with container name nginx',
    );
    expect(run(t, 'kubectl logs deploy/web --tail=-2').text).toBe(
      'error: --tail must be greater than or equal to -1',
    );
  });
});
