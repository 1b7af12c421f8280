import { describe, expect, test } from 'vitest';
import type { Pod } from '../../engine/api/types';
import { readyCluster } from '../testing/session';
import { clusterReader } from '../reader';
import { parseCommand } from '../shell';
import { containerLog } from './containerLog';

const START = Date.UTC(2026, 0, 15, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const pod = (deleting?: { at: number; grace: number }): Pod =>
  ({
    metadata: {
      name: 'web-1',
      ...(deleting
        ? { deletionTimestamp: iso(deleting.at), deletionGracePeriodSeconds: deleting.grace }
        : {}),
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    status: {},
  }) as unknown as Pod;
/** The engine's virtual ms for a wall-clock instant (RUN_EPOCH_MS is 2026-01-15T09:00:00Z). */
const at = (ms: number) => ms - START;

describe('nginx’s log', () => {
  test('starts up; a pod being deleted shows the SIGQUIT shutdown at the start of its grace period', () => {
    const running = containerLog(pod(), 'nginx:1.27', iso(START), at(START + 60_000)).map((l) => l.text);
    expect(running.at(-1)).toMatch(/\[notice\] 1#1: start worker process 30$/);
    expect(running.some((l) => l.includes('SIGQUIT'))).toBe(false);

    const deleting = pod({ at: START + 90_000, grace: 30 });
    const stopped = containerLog(deleting, 'nginx:1.27', iso(START), at(START + 61_000)).map((l) => l.text);
    expect(stopped.slice(-13, -12)[0]).toBe(
      '2026/01/15 09:01:00 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
    );
    expect(stopped.at(-1)).toBe('2026/01/15 09:01:00 [notice] 1#1: exit');
    // Not yet at the moment of the stop: not yet in the log.
    expect(
      containerLog(deleting, 'nginx:1.27', iso(START), at(START + 59_000)).some((l) =>
        l.text.includes('SIGQUIT'),
      ),
    ).toBe(false);
  });
});

describe('kubectl logs -f on a pod being deleted', () => {
  test('prints nginx’s shutdown, then ends', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const name = t.cluster.list('Pod', 'default')[0]!.metadata.name;
    const follow = parseCommand(`kubectl logs -f ${name}`, { node: null });
    if (follow.type !== 'watch') throw new Error(follow.type);
    follow.first(clusterReader(t.cluster));
    t.act((c) => c.delete('Pod', 'default', name));
    const printed: string[] = [];
    for (let i = 0; i < 60 && !follow.ended!(); i++) {
      t.advance('1s');
      const next = follow.next(clusterReader(t.cluster));
      if (next) printed.push(next.text);
    }
    expect(follow.ended!()).toBe(true);
    const lines = printed.join('\n').split('\n');
    expect(lines[0]).toMatch(/\[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down$/);
    expect(lines.at(-1)).toMatch(/\[notice\] 1#1: exit$/);
  });
});

describe('kubectl logs of a container that cannot start', () => {
  test('image trouble in kubelet’s words', () => {
    const t = readyCluster({ nodes: 1 }, 0);
    const create = parseCommand('kubectl create deployment bad --image=nginx:9.99', { node: null });
    if (create.type !== 'write') throw new Error(create.type);
    create.run(t.cluster, () => {});
    const pod = () => t.cluster.list('Pod', 'default')[0]!;
    const logs = () => {
      const c = parseCommand(`kubectl logs ${pod().metadata.name}`, { node: null });
      if (c.type !== 'read') throw new Error(c.type);
      return c.run(clusterReader(t.cluster), { node: null }).text;
    };
    let seen = '';
    for (let i = 0; i < 60 && !seen.includes('trying and failing'); i++) {
      t.advance('1s');
      seen = logs();
    }
    expect(seen).toBe(
      `Error from server (BadRequest): container "nginx" in pod "${pod().metadata.name}" is waiting to start: trying and failing to pull image`,
    );
  });
});

describe('kubectl logs --since and --since-time', () => {
  test('keep the lines written from then on; kubectl’s errors for bad values', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const pod = t.cluster.list('Pod', 'default')[0]!.metadata.name;
    const logs = (flags: string) => {
      const c = parseCommand(`kubectl logs ${pod} ${flags}`, { node: null });
      if (c.type !== 'read') return c.type === 'error' ? c.output.text : c.type;
      return c.run(clusterReader(t.cluster), { node: null }).text;
    };
    const all = logs('').split('\n');
    expect(all.length).toBeGreaterThan(10);
    expect(logs('--since=1h').split('\n')).toEqual(all);
    expect(logs('--since=1s')).toBe('');
    expect(logs('--since-time=2026-01-15T09:00:00Z').split('\n')).toEqual(all);
    expect(logs('--since-time=2030-01-01T00:00:00Z')).toBe('');
    expect(logs('--since=1h --tail=2').split('\n')).toEqual(all.slice(-2));
    expect(logs('--since=soon')).toBe(
      'error: invalid argument "soon" for "--since" flag: time: invalid duration "soon"',
    );
    expect(logs('--since=1h --since-time=2026-01-15T09:00:00Z')).toBe(
      'error: at most one of `sinceTime` or `sinceSeconds` may be specified',
    );
  });
});
