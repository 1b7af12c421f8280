/** kubectl's generic describer and the Endpoints describer, for kinds without one of their own. */
import { beforeAll, expect, test } from 'vitest';
import { prepareManifests } from '../index';
import { readyCluster, run } from '../testing/session';
import { describeProbe } from './containers';
import { smartLabelFor } from './generic';

beforeAll(() => prepareManifests());

test('smartLabelFor names fields as kubectl does', () => {
  expect(smartLabelFor('holderIdentity')).toBe('Holder Identity');
  expect(smartLabelFor('leaseDurationSeconds')).toBe('Lease Duration Seconds');
  expect(smartLabelFor('uid')).toBe('UID');
  expect(smartLabelFor('apiVersion')).toBe('API Version');
  expect(smartLabelFor('involvedObject')).toBe('Involved Object');
  expect(smartLabelFor('kubernetes.io/hostname')).toBe('kubernetes.io/hostname');
  expect(smartLabelFor('$patch')).toBe('$patch');
});

test('describe event: every field sorted, null as <nil>; --show-events=false leaves the Events out', () => {
  const t = readyCluster({ nodes: 1 }, 1);
  const event = t.cluster.list('Event', 'default').find((e) => e.reason === 'Scheduled')!;
  const out = run(t, `kubectl describe event ${event.metadata.name}`).text.split('\n');
  expect(out.slice(0, 8)).toEqual([
    `Name:             ${event.metadata.name}`,
    'Namespace:        default',
    'Labels:           <none>',
    'Annotations:      <none>',
    'Action:           Binding',
    'API Version:      v1',
    `Event Time:       ${event.eventTime}`,
    'First Timestamp:  <nil>',
  ]);
  expect(out).toContain(`  Name:              ${event.involvedObject.name}`);
  expect(out).toContain('Reason:                Scheduled');
  expect(out.at(-1)).toMatch(/^Events: +<none>$/);
  const quiet = run(t, `kubectl describe event ${event.metadata.name} --show-events=false`).text.split('\n');
  expect(quiet.some((l) => l.startsWith('Events:'))).toBe(false);
});

test('describe endpoints names every Service that has them; one without warns and says NotFound', () => {
  const t = readyCluster({ nodes: 1 }, 2);
  run(t, 'kubectl expose deployment web --port=80');
  t.advance('5s');
  const out = run(t, 'kubectl describe endpoints web');
  const lines = out.text.split('\n');
  expect(lines[0]).toBe(
    'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  );
  expect(lines[1]).toBe('Name:         web');
  const ips = t.cluster
    .list('Pod', 'default')
    .map((p) => p.status.podIP!)
    .sort();
  expect(lines).toContain(`  Addresses:          ${ips.join(',')}`);
  expect(run(t, 'kubectl describe endpoints nope')).toEqual({
    text: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nError from server (NotFound): endpoints "nope" not found',
    error: true,
    stderrLines: 1,
  });
});

test('describeProbe writes the handler as kubectl does, a slash before a bare path', () => {
  const timing = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  expect(
    describeProbe({
      httpGet: { path: 'healthz', port: 8080, host: 'example.com', scheme: 'HTTPS' },
      ...timing,
    }),
  ).toBe('http-get https://example.com:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3');
  expect(describeProbe({ grpc: { port: 9000, service: '' }, ...timing })).toBe(
    'grpc <pod>:9000  delay=0s timeout=1s period=10s #success=1 #failure=3',
  );
});
