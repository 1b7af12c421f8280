/** `--record`: the command line kept as kubernetes.io/change-cause, shown by rollout history. */
import { beforeAll, expect, test } from 'vitest';
import { prepareManifests } from './index';
import { readyCluster, run } from './testing/session';

beforeAll(() => prepareManifests());

test('set image --record: kubectl warns, the Deployment and then its new ReplicaSet carry the command', () => {
  const t = readyCluster({ nodes: 1 }, 2);
  const out = run(t, 'kubectl set image deployment/web nginx=nginx:1.28 --record');
  expect(out.text).toBe(
    'Flag --record has been deprecated, --record will be removed in the future\ndeployment.apps/web image updated',
  );
  t.advance('60s');
  const cause = 'kubectl set image deployment/web nginx=nginx:1.28 --record=true';
  expect(
    t.cluster.get('Deployment', 'default', 'web')?.metadata.annotations?.['kubernetes.io/change-cause'],
  ).toBe(cause);
  expect(run(t, 'kubectl rollout history deployment/web').text.split('\n')).toEqual([
    'deployment.apps/web ',
    'REVISION  CHANGE-CAUSE',
    '1         <none>',
    `2         ${cause}`,
    '',
  ]);
});

test('scale and apply -f with --record name the command the way kubectl does (flags in name order)', () => {
  const t = readyCluster({ nodes: 1 }, 0);
  // The create deployment generator has no --record; scale has it.
  expect(run(t, 'kubectl create deployment api --image=nginx:1.27 --replicas=2 --record')).toEqual({
    text: "error: unknown flag: --record\nSee 'kubectl create deployment --help' for usage.",
    error: true,
  });
  run(t, 'kubectl create deployment api --image=nginx:1.27 --replicas=2');
  expect(run(t, 'kubectl scale deployment api --replicas=3 --record').text).toBe(
    'Flag --record has been deprecated, --record will be removed in the future\ndeployment.apps/api scaled',
  );
  t.advance('1s');
  expect(
    t.cluster.get('Deployment', 'default', 'api')?.metadata.annotations?.['kubernetes.io/change-cause'],
  ).toBe('kubectl scale deployment api --record=true --replicas=3');
  const manifest = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: api',
    'spec:',
    '  selector: {app: api}',
    '  ports: [{port: 80}]',
  ].join('\n');
  expect(run(t, 'kubectl apply -f - --record', { node: null }, { stdin: manifest }).text).toBe(
    'Flag --record has been deprecated, --record will be removed in the future\nservice/api created',
  );
  const svc = t.cluster.get('Service', 'default', 'api')!;
  expect(svc.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
    'kubectl apply --filename=- --record=true',
  );
  expect(svc.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain(
    '"kubernetes.io/change-cause":"kubectl apply --filename=- --record=true"',
  );
});
