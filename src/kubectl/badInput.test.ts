/** Bad input never breaks anything: each gets the real tool's (or this page's) error at once, and the cluster is left as it was. */
import { beforeAll, describe, expect, test } from 'vitest';
import { parseCommand, prepareManifests } from './index';
import { MAX_COMMAND_LENGTH, MAX_DOCUMENTS, MAX_MANIFEST_BYTES, MAX_MANIFEST_LINES } from './limits';
import { readyCluster, run } from './testing/session';

const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

const deployment = (name: string, replicas: unknown = 1) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${JSON.stringify(name)}
spec:
  replicas: ${JSON.stringify(replicas)}
  selector:
    matchLabels: {app: x}
  template:
    metadata:
      labels: {app: x}
    spec:
      containers:
      - name: c
        image: nginx
`;

describe('bad input', () => {
  beforeAll(() => prepareManifests());
  const t = readyCluster({ nodes: 1 }, 1);

  /** Runs `line`, checks it failed quickly with `expected` in the text, and that etcd did not change. */
  function refused(line: string, expected: string | RegExp, stdin?: string) {
    const before = t.cluster.etcd.revision;
    const start = performance.now();
    const out = run(t, line, { node: null }, stdin === undefined ? undefined : { stdin });
    const ms = performance.now() - start;
    expect(out.error).toBe(true);
    if (typeof expected === 'string') expect(out.text).toContain(expected);
    else expect(out.text).toMatch(expected);
    // Well under a second even on a loaded machine; an unguarded alias bomb or regex would take minutes.
    expect(ms).toBeLessThan(1_000);
    // Writes advance the engine; the objects kubectl would have written must not be there.
    expect(t.cluster.list('Deployment', 'default').map((d) => d.metadata.name)).toEqual(['web']);
    return { out, revision: before };
  }

  test.each([
    ['kubectl toString', 'error: unknown command "toString" for "kubectl"'],
    ['kubectl constructor', 'error: unknown command "constructor" for "kubectl"'],
    ['kubectl __proto__', 'error: unknown command "__proto__" for "kubectl"'],
    ['kubectl get pods --constructor', 'error: unknown flag: --constructor'],
    ['kubectl get pods --toString=1', 'error: unknown flag: --toString'],
    ['kubectl get constructor', 'error: the server doesn\'t have a resource type "constructor"'],
    ['kubectl label pod hasOwnProperty', 'error: at least one label update is required'],
  ])('names of Object.prototype are unknown words, not crashes: %s', (line, expected) => {
    refused(line, expected);
  });

  test('a 342-byte billion-laughs document fails at once', () => {
    expect(BILLION_LAUGHS.length).toBe(342);
    refused('kubectl apply -f -', 'Excessive alias count', BILLION_LAUGHS);
  });

  test('a 1 MiB manifest is refused, saying the limit', () => {
    const big = deployment('big') + '#'.repeat(MAX_MANIFEST_BYTES);
    refused('kubectl apply -f -', `smaller than ${MAX_MANIFEST_BYTES} bytes (256 KiB`, big);
  });

  test('more lines than the limit are refused before parsing', () => {
    const tall = Array.from({ length: MAX_MANIFEST_LINES + 1 }, (_, i) => `k${i}: v`).join('\n') + '\n';
    refused('kubectl apply -f -', `at most ${MAX_MANIFEST_LINES} lines`, tall);
  });

  test('more documents than the limit are refused', () => {
    const many = Array.from({ length: MAX_DOCUMENTS + 5 }, () => 'a: 1').join('\n---\n');
    refused('kubectl apply -f -', `at most ${MAX_DOCUMENTS}`, many);
  });

  test('malformed YAML gets the parser’s line', () => {
    refused(
      'kubectl apply -f -',
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /,
      'a: b\n  c: : d\n',
    );
    refused('kubectl apply -f -', 'yaml: line 2: Flow sequence in block collection', 'a: [1\n');
  });

  test('unknown kinds', () => {
    refused(
      'kubectl apply -f -',
      'no matches for kind "Gadget" in version "v1"',
      'apiVersion: v1\nkind: Gadget\nmetadata: {name: g}\n',
    );
  });

  test('invalid and overlong names come back as the API server’s validation errors', () => {
    refused(
      'kubectl apply -f -',
      'The Deployment "Web" is invalid: metadata.name: Invalid value: "Web"',
      deployment('Web'),
    );
    const long = 'a'.repeat(254);
    refused('kubectl apply -f -', `metadata.name: Invalid value: "${long}"`, deployment(long));
    refused('kubectl create deployment ' + 'b'.repeat(300) + ' --image=nginx', 'is invalid: metadata.name');
  });

  test('HTML and script text stay text', () => {
    const name = '<script>alert(1)</script>';
    const out = refused('kubectl apply -f -', `"${name}"`, deployment(name)).out;
    expect(out.text).toContain('<script>alert(1)</script>');
    expect(run(t, `kubectl get pod '<img src=x onerror=alert(1)>'`).text).toBe(
      'Error from server (NotFound): pods "<img src=x onerror=alert(1)>" not found',
    );
  });

  test('negative and enormous replica counts', () => {
    refused('kubectl scale deployment web --replicas=1000000', 'at most 100 replicas');
    refused('kubectl scale deployment web --replicas=-3', 'must be greater than or equal to 0');
    refused('kubectl create deployment huge --image=nginx --replicas=5000', 'at most 100 replicas');
    refused('kubectl apply -f -', 'at most 100 replicas (asked for 1000000)', deployment('huge', 1_000_000));
    refused(
      'kubectl apply -f -',
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      deployment('neg', -1),
    );
    refused(
      'kubectl apply -f -',
      'cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      deployment('s', 'x'),
    );
    expect(t.cluster.get('Deployment', 'default', 'web')!.spec.replicas).toBe(1);
  });

  test('a 10,000-character command is refused at once, saying the limit', () => {
    const line = 'kubectl get pods ' + 'x'.repeat(10_000);
    const start = performance.now();
    const c = parseCommand(line, { node: null });
    expect(performance.now() - start).toBeLessThan(50);
    expect(c).toEqual({
      type: 'error',
      output: {
        text: `error: the command is ${line.length} characters long; this terminal takes at most ${MAX_COMMAND_LENGTH}`,
        error: true,
      },
    });
  });

  test('grep patterns cannot hang the page', () => {
    const start = performance.now();
    const out = run(t, `kubectl get pods -A | grep -E '(a+)+$'`);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(out.error).toBe(false);
    expect(run(t, `kubectl get pods | grep 'a*a*a*a*a*a*b'`).text).toContain('at most 4 repetitions');
  });

  test('unknown commands, flags and resources', () => {
    refused('kubectl frobnicate', 'error: unknown command "frobnicate" for "kubectl"');
    refused('kubectl get pods --bogus', 'error: unknown flag: --bogus');
    refused('kubectl get foos', `error: the server doesn't have a resource type "foos"`);
    refused('kubectl describe pod nope', 'Error from server (NotFound): pods "nope" not found');
    refused('rm -rf /', 'bash: rm: command not found');
    refused(`kubectl get pods "open`, 'unexpected EOF');
  });
});
