import { describe, expect, test } from 'vitest';
import { parseCommand } from './index';
import { MAX_COMMAND_LENGTH } from './limits';
import { readyCluster, run } from './testing/session';

describe('first slice', () => {
  const t = readyCluster({ nodes: 2 });

  test('get nodes: columns padded by three spaces', () => {
    expect(run(t, 'kubectl get nodes').text).toBe(
      [
        'NAME           STATUS   ROLES           AGE   VERSION',
        'minikube       Ready    control-plane   68s   v1.34.0',
        'minikube-m02   Ready    <none>          66s   v1.34.0',
      ].join('\n'),
    );
  });

  test('unknown command, resource type and flag: kubectl’s words', () => {
    expect(run(t, 'kubectl foo')).toEqual({
      text: 'error: unknown command "foo" for "kubectl"',
      error: true,
    });
    expect(run(t, 'kubectl get foos').text).toBe('error: the server doesn\'t have a resource type "foos"');
    expect(run(t, 'kubectl get pods --bogus').text).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.",
    );
    expect(run(t, 'kubectl get pod x').text).toBe('Error from server (NotFound): pods "x" not found');
  });

  test('clear is a terminal effect; overlong lines are refused at once', () => {
    expect(parseCommand('clear', { node: null })).toEqual({ type: 'terminal', effect: { kind: 'clear' } });
    const long = parseCommand('kubectl get pods ' + 'x'.repeat(10_000), { node: null });
    expect(long.type).toBe('error');
    expect(long.type === 'error' && long.output.text).toContain(String(MAX_COMMAND_LENGTH));
  });

  test('scale is a write that prints when the API answers', () => {
    expect(parseCommand('kubectl scale deployment/web --replicas=5', { node: null }).type).toBe('write');
    expect(run(t, 'kubectl scale deployment/web --replicas=5')).toEqual({
      text: 'deployment.apps/web scaled',
      error: false,
    });
    expect(run(t, 'kubectl scale deploy nope --replicas=2').text).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found',
    );
  });
});
