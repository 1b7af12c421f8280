/** Streams that end on their own: `kubectl logs -f` and `kubectl rollout status`; and `kubectl events`. */
import { beforeAll, describe, expect, test } from 'vitest';
import { millis, timestamp } from '../engine/core/time';
import type { TestCluster } from '../engine/testing/testCluster';
import type { ClusterReader, Command } from './types';
import { prepareManifests } from './index';
import { parseCommand } from './shell';
import { clusterReader } from './reader';
import { readyCluster, run } from './testing/session';

type Watch = Extract<Command, { type: 'watch' }>;
const watch = (line: string) => {
  const c = parseCommand(line, { node: null });
  expect(c.type).toBe('watch');
  return c as Watch;
};

describe('kubectl logs -f', () => {
  beforeAll(() => prepareManifests());

  /** A reader at `now` over one cluster's objects, with the first web pod's container as `state` says. */
  const readerWith = (t: TestCluster, now: number, state: 'running' | 'terminated' | 'waiting') => {
    const real = clusterReader(t.cluster);
    const pod = structuredClone(t.cluster.list('Pod', 'default')[0]!);
    const startedAt = timestamp(millis(STARTED));
    const s = pod.status.containerStatuses![0]!;
    s.state =
      state === 'running'
        ? { running: { startedAt } }
        : state === 'terminated'
          ? { terminated: { startedAt, finishedAt: startedAt, exitCode: 0, reason: 'Completed' } }
          : { waiting: { reason: 'ContainerCreating' } };
    const reader: ClusterReader = {
      ...real,
      now,
      get: ((kind, ns, name) =>
        kind === 'Pod' && name === pod.metadata.name
          ? pod
          : real.get(kind, ns, name)) as ClusterReader['get'],
    };
    return { reader, pod: pod.metadata.name };
  };
  const STARTED = 100_000;

  test('prints the log so far, then each line as the container writes it, and ends when the container stops', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const at = (ms: number, state: 'running' | 'terminated' = 'running') =>
      readerWith(t, STARTED + ms, state);
    const { pod } = at(0);
    const follow = watch(`kubectl logs -f ${pod}`);
    // 10 ms after nginx started: its first lines only.
    const start = follow.first(at(10).reader).text.split('\n');
    expect(start).toHaveLength(3);
    expect(follow.ended!()).toBe(false);
    const more = follow.next(at(1_000).reader)!.text.split('\n');
    expect(more.at(-1)).toMatch(/\[notice\] 1#1: start worker process 30$/);
    const whole = watch(`kubectl logs -f ${pod}`).first(at(1_000).reader).text;
    expect([...start, ...more].join('\n')).toBe(whole);
    expect(follow.next(at(2_000).reader)).toBeNull();
    expect(follow.ended!()).toBe(false);
    // The container stops: the stream ends, and kubectl is back at the prompt.
    expect(follow.next(at(3_000, 'terminated').reader)).toBeNull();
    expect(follow.ended!()).toBe(true);
  });

  test('--tail counts at the start only; later lines all come', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const { reader, pod } = readerWith(t, STARTED + 10, 'running');
    const follow = watch(`kubectl logs -f --tail=1 ${pod}`);
    expect(follow.first(reader).text.split('\n')).toHaveLength(1);
    expect(
      follow.next(readerWith(t, STARTED + 1_000, 'running').reader)!.text.split('\n').length,
    ).toBeGreaterThan(5);
  });

  test('-f -l: every pod followed at once, lines merged in time order, ended when all stop', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    const real = clusterReader(t.cluster);
    /** Both web pods' containers started at STARTED and `offset` ms apart, running or not. */
    const at = (ms: number, running = true): ClusterReader => {
      const pods = t.cluster.list('Pod', 'default').map((p, i) => {
        const copy = structuredClone(p);
        const startedAt = timestamp(millis(STARTED + i * 2));
        copy.status.containerStatuses![0]!.state = running
          ? { running: { startedAt } }
          : { terminated: { startedAt, finishedAt: startedAt, exitCode: 0, reason: 'Completed' } };
        return copy;
      });
      return {
        ...real,
        now: STARTED + ms,
        list: ((kind, ns) => (kind === 'Pod' ? pods : real.list(kind, ns))) as ClusterReader['list'],
        get: ((kind, ns, name) =>
          kind === 'Pod'
            ? pods.find((p) => p.metadata.name === name)
            : real.get(kind, ns, name)) as ClusterReader['get'],
      };
    };
    const follow = watch('kubectl logs -f -l app=web --prefix');
    const first = follow.first(at(10)).text.split('\n');
    const names = t.cluster.list('Pod', 'default').map((p) => p.metadata.name);
    const source = (l: string) => /^\[pod\/(\S+)\/nginx\]/.exec(l)?.[1];
    // 10 ms in: the first pod's lines at 0, 4, 8 ms, the second's at 2, 6, 10 ms, interleaved.
    expect(first.map(source)).toEqual([names[0], names[1], names[0], names[1], names[0], names[1]]);
    const more = follow.next(at(1_000))!.text.split('\n');
    expect(new Set(more.map(source))).toEqual(new Set(names));
    expect(follow.ended!()).toBe(false);
    expect(follow.next(at(2_000, false))).toBeNull();
    expect(follow.ended!()).toBe(true);
  });

  test('a container not started yet: kubectl’s error, and no stream', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const { reader, pod } = readerWith(t, STARTED, 'waiting');
    const follow = watch(`kubectl logs -f ${pod}`);
    expect(follow.first(reader).text).toMatch(/is waiting to start: ContainerCreating$/);
    expect(follow.ended!()).toBe(true);
  });
});

describe('kubectl rollout status', () => {
  test('ends once the rollout is done', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    run(t, 'kubectl set image deployment/web nginx=nginx:1.28');
    const status = watch('kubectl rollout status deployment/web');
    status.first(clusterReader(t.cluster));
    expect(status.ended!()).toBe(false);
    const lines: string[] = [];
    for (let i = 0; i < 120 && !status.ended!(); i++) {
      t.advance('1s');
      const next = status.next(clusterReader(t.cluster));
      if (next) lines.push(next.text);
    }
    expect(status.ended!()).toBe(true);
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
  });
});

describe('kubectl events', () => {
  test('sorted by time, Kind/name objects, repeats folded, filters and errors', () => {
    const t = readyCluster({ nodes: 2 });
    const out = run(t, 'kubectl events').text.split('\n');
    expect(out[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(
      out.some((l) => /\bNormal\s+Scheduled\s+Pod\/web-\S+\s+Successfully assigned default\/web-/.test(l)),
    ).toBe(true);
    const pod = t.cluster.list('Pod', 'default')[0]!.metadata.name;
    const forPod = run(t, `kubectl events --for pod/${pod}`).text.split('\n').slice(1);
    expect(forPod.length).toBeGreaterThan(3);
    expect(forPod.every((l) => l.includes(`Pod/${pod}`))).toBe(true);
    expect(run(t, 'kubectl events --types=Warning').text).toBe('No events found in default namespace.');
    expect(run(t, 'kubectl events -A').text.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN/);
    expect(run(t, 'kubectl events --types=Error')).toEqual({
      text: 'error: valid --types are Normal or Warning',
      error: true,
    });
    expect(run(t, 'kubectl events --for nothing').text).toBe('error: --for must be in resource/name form');
    expect(run(t, 'kubectl events --for gadgets/x').text).toBe(
      `error: the server doesn't have a resource type "gadgets"`,
    );
  });

  test('-o yaml, json and name print the sorted events as one EventList; -o wide is not an events format', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const yaml = run(t, 'kubectl events -o yaml').text.split('\n');
    expect(yaml[0]).toBe('apiVersion: v1');
    expect(yaml.slice(-2)).toEqual(['kind: EventList', 'metadata: {}']);
    const json = JSON.parse(run(t, 'kubectl events -o json').text) as {
      kind: string;
      items: { kind: string; lastTimestamp: string | null; eventTime: string | null }[];
    };
    expect(json.kind).toBe('EventList');
    expect(json.items.length).toBeGreaterThan(3);
    // core/v1 Events (kubelet, controllers) have lastTimestamp; events.k8s.io ones (kube-proxy) eventTime.
    expect(
      json.items.every((e) => e.kind === 'Event' && (e.eventTime === null) !== (e.lastTimestamp === null)),
    ).toBe(true);
    const times = json.items.map((e) => Date.parse(e.lastTimestamp ?? e.eventTime!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const names = run(t, 'kubectl events -o name').text.split('\n');
    expect(names).toHaveLength(json.items.length);
    expect(names.every((n) => n.startsWith('event/'))).toBe(true);
    expect(run(t, 'kubectl events -o wide')).toEqual({
      text: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
      error: true,
    });
    expect(run(t, 'kubectl events --types=Warning -o json').text).toBe(
      'No events found in default namespace.',
    );
  });
});

describe('kubectl get -w', () => {
  beforeAll(() => prepareManifests());

  test('prints every change between two looks, as each watch event comes: a deleted pod’s last status, a new pod’s Pending and ContainerCreating', () => {
    const t = readyCluster({ nodes: 1 });
    run(t, 'kubectl run sleeper --image=busybox -- sleep 3600');
    t.cluster.run(20_000);
    const w = watch('kubectl get pods -w --output-watch-events');
    w.first(clusterReader(t.cluster));
    run(t, 'kubectl delete pod sleeper --wait=false');
    run(t, 'kubectl run web --image=nginx:1.27');
    // One look 40 s later sees everything that happened meanwhile, in order.
    t.cluster.run(40_000);
    const rows = w
      .next(clusterReader(t.cluster))!
      .text.split('\n')
      .map((r) => r.split(/\s+/).slice(0, 4).join(' '));
    expect(rows).toEqual([
      'MODIFIED sleeper 1/1 Terminating',
      'ADDED web 0/1 Pending',
      'MODIFIED web 0/1 Pending',
      'MODIFIED web 0/1 ContainerCreating',
      'MODIFIED web 1/1 Running',
      // sh ignores SIGTERM: killed when the 30-s grace period ends, exit 137.
      'MODIFIED sleeper 0/1 Error',
      'DELETED sleeper 0/1 Error',
    ]);
  });
});
