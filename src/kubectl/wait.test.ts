/** `kubectl wait`: follows objects until --for holds, prints `KIND/NAME condition met`, or times out. */
import { describe, expect, test } from 'vitest';
import type { TestCluster } from '../engine/testing/testCluster';
import { parseGoDuration } from './parse/goDuration';
import { clusterReader } from './reader';
import { parseCommand } from './shell';
import { readyCluster, run } from './testing/session';
import type { Command, Output } from './types';

type Watch = Extract<Command, { type: 'watch' }>;

/** Runs a watch second by second (at most `seconds`); every line it printed, and whether it ended. */
function follow(t: TestCluster, line: string, seconds = 120): { lines: Output[]; ended: boolean } {
  const command = parseCommand(line, { node: null });
  expect(command.type).toBe('watch');
  const w = command as Watch;
  const lines: Output[] = [];
  const first = w.first(clusterReader(t.cluster));
  if (first.text) lines.push(first);
  for (let i = 0; i < seconds && !w.ended!(); i++) {
    t.advance('1s');
    const next = w.next(clusterReader(t.cluster));
    if (next) lines.push(next);
  }
  return { lines, ended: w.ended!() };
}

describe('kubectl wait', () => {
  test('--for=condition=Available on a Deployment being rolled out: met once the new pods are available', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    run(t, 'kubectl scale deployment/web --replicas=4');
    const { lines, ended } = follow(t, 'kubectl wait --for=condition=Available deployment/web --timeout=90s');
    expect(ended).toBe(true);
    expect(lines).toEqual([{ text: 'deployment.apps/web condition met', error: false }]);
  });

  test('pods by label: each pod printed as it turns Ready, in order; an already-met one at once', () => {
    const t = readyCluster({ nodes: 2 }, 2);
    const done = follow(t, 'kubectl wait --for=condition=Ready pod -l app=web', 1);
    expect(done.ended).toBe(true);
    expect(done.lines[0]!.text.split('\n')).toEqual(
      t.cluster
        .list('Pod', 'default')
        .filter((p) => p.metadata.labels?.app === 'web')
        .map((p) => `pod/${p.metadata.name} condition met`),
    );
    // Ready=false: never, for running pods: times out on the first one.
    const never = follow(t, 'kubectl wait --for=condition=Ready=False pods --all --timeout=5s', 30);
    expect(never.ended).toBe(true);
    expect(never.lines.at(-1)).toEqual({
      text: `error: timed out waiting for the condition on pods/${t.cluster.list('Pod', 'default')[0]!.metadata.name}`,
      error: true,
    });
  });

  test('--for=jsonpath with and without a value, and --for=delete after a delete', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const pod = t.cluster.list('Pod', 'default')[0]!.metadata.name;
    expect(follow(t, `kubectl wait --for=jsonpath={.status.phase}=Running pod/${pod}`, 1).lines).toEqual([
      { text: `pod/${pod} condition met`, error: false },
    ]);
    expect(follow(t, `kubectl wait --for=jsonpath={.status.podIP} pod/${pod}`, 1).lines[0]!.text).toBe(
      `pod/${pod} condition met`,
    );
    const pending = follow(
      t,
      `kubectl wait --for=jsonpath={.status.phase}=Pending pod/${pod} --timeout=3s`,
      10,
    );
    expect(pending.lines.at(-1)!.error).toBe(true);
    // The API's answer to a delete comes at once; the pod goes once its container has stopped.
    t.act((c) => c.delete('Pod', 'default', pod)).advance('100ms');
    expect(t.cluster.get('Pod', 'default', pod)?.metadata.deletionTimestamp).toBeDefined();
    const gone = follow(t, `kubectl wait --for=delete pod/${pod} --timeout=60s`);
    expect(gone).toEqual({ lines: [{ text: `pod/${pod} condition met`, error: false }], ended: true });
    // Already gone: nothing to wait for, nothing printed.
    expect(follow(t, `kubectl wait --for=delete pod/${pod}`, 1)).toEqual({ lines: [], ended: true });
  });

  test('through a pipe the stream still ends', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    run(t, 'kubectl scale deployment/web --replicas=3');
    const piped = follow(t, 'kubectl wait --for=condition=Available deploy/web | grep met');
    expect(piped).toEqual({
      lines: [{ text: 'deployment.apps/web condition met', error: false }],
      ended: true,
    });
  });

  test('-o name prints the object alone', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    expect(follow(t, 'kubectl wait --for=condition=Available deploy/web -o name', 1).lines).toEqual([
      { text: 'deployment.apps/web', error: false },
    ]);
    expect(run(t, 'kubectl wait --for=condition=Available deploy/web -o yaml').text).toMatch(
      /^error: this simulated kubectl prints kubectl wait's objects as "condition met" lines, or with -o name/,
    );
  });

  test('refusals in kubectl’s words', () => {
    const t = readyCluster({ nodes: 1 }, 1);
    expect(run(t, 'kubectl wait --for=condition=Ready pod/nope')).toEqual({
      text: 'Error from server (NotFound): pods "nope" not found',
      error: true,
    });
    expect(run(t, 'kubectl wait --for=condition=Available deploy/nope').text).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found',
    );
    expect(run(t, 'kubectl wait --for=condition=Ready pod -l app=nothing').text).toBe(
      'error: no matching resources found',
    );
    expect(run(t, 'kubectl wait --for=condition=Ready pods').text).toBe(
      'error: resource(s) were provided, but no name was specified',
    );
    expect(run(t, 'kubectl wait --for=ready pod/x').text).toBe('error: unrecognized condition: "ready"');
    expect(run(t, 'kubectl wait pod/x').text).toBe('error: --for must be set');
    expect(run(t, 'kubectl wait --for=delete pod/x --timeout=soon').text).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"',
    );
    expect(run(t, 'kubectl wait --for=delete').text).toMatch(
      /^error: You must provide one or more resources/,
    );
  });

  test('Go durations', () => {
    expect(parseGoDuration('90s')).toBe(90_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-1s')).toBe(-1000);
    expect(parseGoDuration('10')).toBe('time: missing unit in duration "10"');
    expect(parseGoDuration('1x')).toBe('time: invalid duration "1x"');
    expect(parseGoDuration('')).toBe('time: invalid duration ""');
  });
});
