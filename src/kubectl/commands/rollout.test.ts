/** `kubectl rollout status` (its lines, --watch=false, --revision, a missed deadline) and `rollout history --revision`. */
import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../engine/api/types';
import { clusterReader } from '../reader';
import { parseCommand } from '../shell';
import { readyCluster, run } from '../testing/session';
import type { ClusterReader } from '../types';
import { daemonSetLine, rolloutLine } from './rolloutStatus';

const base = (): Deployment => {
  const t = readyCluster({ nodes: 1 }, 3);
  return structuredClone(t.cluster.get('Deployment', 'default', 'web')!);
};

describe('rolloutLine (DeploymentStatusViewer)', () => {
  const d = base();
  const gen = d.metadata.generation ?? 1;
  const withStatus = (status: Deployment['status'], generation = gen): Deployment => ({
    ...d,
    metadata: { ...d.metadata, generation },
    status: { ...d.status, observedGeneration: gen, ...status },
  });
  test.each([
    [
      { updatedReplicas: 1, replicas: 4 },
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
    ],
    [
      { updatedReplicas: 3, replicas: 4 },
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    ],
    [
      { updatedReplicas: 3, replicas: 3, availableReplicas: 1 },
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...',
    ],
    [{ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }, 'deployment "web" successfully rolled out'],
  ])('%o → %s', (status, text) => {
    expect(rolloutLine(withStatus(status)).text).toBe(text);
  });
  test('spec not observed yet; a missed progress deadline is an error that ends the watch', () => {
    expect(rolloutLine(withStatus({}, gen + 1)).text).toBe(
      'Waiting for deployment spec update to be observed...',
    );
    const late = withStatus({
      updatedReplicas: 1,
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "web-x" has timed out progressing.',
          lastUpdateTime: '',
          lastTransitionTime: '',
        },
      ],
    });
    expect(rolloutLine(late)).toEqual({
      text: 'error: deployment "web" exceeded its progress deadline',
      done: true,
      error: true,
    });
  });
  test('--revision pins the revision the status is for', () => {
    expect(rolloutLine(d, 1).text).toBe('deployment "web" successfully rolled out');
    expect(rolloutLine(d, 2)).toMatchObject({
      text: 'error: desired revision (2) is different from the running revision (1)',
      error: true,
    });
  });
});

describe('kubectl rollout status --watch=false', () => {
  test('reads the status once, where the default follows it', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    run(t, 'kubectl set image deployment/web nginx=nginx:1.28');
    expect(parseCommand('kubectl rollout status deployment/web', { node: null }).type).toBe('watch');
    const once = parseCommand('kubectl rollout status deployment/web --watch=false', { node: null });
    expect(once.type).toBe('read');
    const reader: ClusterReader = clusterReader(t.cluster);
    const out = (once as Extract<typeof once, { type: 'read' }>).run(reader, { node: null });
    expect(out.error).toBe(false);
    expect(out.text).toMatch(/^Waiting for deployment "web" rollout to finish: .*\.\.\.$/);
    expect(out.text.split('\n')).toHaveLength(1);
    t.advance('60s');
    expect(run(t, 'kubectl rollout status deployment/web --watch=false').text).toBe(
      'deployment "web" successfully rolled out',
    );
    expect(run(t, 'kubectl rollout status deployment/nope --watch=false')).toEqual({
      text: 'Error from server (NotFound): deployments.apps "nope" not found',
      error: true,
    });
  });
});

describe('kubectl rollout history --revision', () => {
  test("prints the revision's template from its ReplicaSet, with the pod-template-hash label", () => {
    const t = readyCluster({ nodes: 1 }, 1);
    const rs = t.cluster.list('ReplicaSet', 'default')[0]!;
    const out = run(t, 'kubectl rollout history deployment/web --revision=1');
    expect(out.error).toBe(false);
    const lines = out.text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'deployment.apps/web with revision #1',
      'Pod Template:',
      '  Labels:       app=web',
      `        pod-template-hash=${rs.metadata.labels!['pod-template-hash']}`,
    ]);
    expect(lines).toContain('    Image:      nginx:1.27');
    expect(lines).toContain('    Port:       80/TCP');
    expect(run(t, 'kubectl rollout history deployment/web --revision=2')).toEqual({
      text: 'error: unable to find the specified revision',
      error: true,
    });
  });
});

describe('daemonSetLine (DaemonSetStatusViewer)', () => {
  const t = readyCluster({ nodes: 2 }, 0);
  const ds = t.cluster.get('DaemonSet', 'kube-system', 'kube-proxy')!;
  const gen = ds.metadata.generation ?? 1;
  const at = (status: Partial<typeof ds.status>, generation = gen) => ({
    ...ds,
    metadata: { ...ds.metadata, generation },
    status: { ...ds.status, observedGeneration: gen, desiredNumberScheduled: 3, ...status },
  });
  test.each([
    [
      { updatedNumberScheduled: 2 },
      'Waiting for daemon set "kube-proxy" rollout to finish: 2 out of 3 new pods have been updated...',
    ],
    [
      { updatedNumberScheduled: 3, numberAvailable: 1 },
      'Waiting for daemon set "kube-proxy" rollout to finish: 1 of 3 updated pods are available...',
    ],
    [{ updatedNumberScheduled: 3, numberAvailable: 3 }, 'daemon set "kube-proxy" successfully rolled out'],
  ])('%o → %s', (status, text) => {
    expect(daemonSetLine(at(status)).text).toBe(text);
  });
  test('spec not observed yet; the command follows a DaemonSet too', () => {
    expect(daemonSetLine(at({}, gen + 1)).text).toBe('Waiting for daemon set spec update to be observed...');
    expect(run(t, 'kubectl rollout status ds/kube-proxy -n kube-system --watch=false').text).toBe(
      'daemon set "kube-proxy" successfully rolled out',
    );
  });
});

describe('rollout pause, resume and undo', () => {
  test('a paused rollout waits for resume; restart and undo refuse while paused; asking twice is an error', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    const image = () =>
      t.cluster.list('ReplicaSet', 'default').map((rs) => rs.spec.template.spec.containers[0]!.image);
    expect(run(t, 'kubectl rollout pause deployment/web').text).toBe('deployment.apps/web paused');
    expect(run(t, 'kubectl rollout pause deployment/web')).toEqual({
      text: 'error: deployments.apps "web" is already paused',
      error: true,
    });
    run(t, 'kubectl set image deployment/web nginx=nginx:1.28');
    t.advance('30s');
    expect(image()).toEqual(['nginx:1.27']);
    expect(run(t, 'kubectl rollout restart deployment/web').text).toBe(
      `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)`,
    );
    expect(run(t, 'kubectl rollout undo deployment/web').text).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again",
    );
    expect(run(t, 'kubectl describe deployment web').text).toMatch(/Progressing +Unknown +DeploymentPaused/);
    expect(run(t, 'kubectl rollout resume deployment/web').text).toBe('deployment.apps/web resumed');
    expect(run(t, 'kubectl rollout resume deployment/web').text).toBe(
      'error: deployments.apps "web" is not paused',
    );
    t.advance('60s');
    expect(image().sort()).toEqual(['nginx:1.27', 'nginx:1.28']);
    expect(run(t, 'kubectl rollout status deployment/web --watch=false').text).toBe(
      'deployment "web" successfully rolled out',
    );
  });

  test('undo takes the change-cause of the revision it goes back to', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    run(t, 'kubectl annotate deployment/web kubernetes.io/change-cause=first');
    t.advance('5s');
    run(t, 'kubectl set image deployment/web nginx=nginx:1.28 --record');
    t.advance('60s');
    run(t, 'kubectl rollout undo deployment/web');
    t.advance('60s');
    const d = t.cluster.get('Deployment', 'default', 'web')!;
    expect(d.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first');
    expect(run(t, 'kubectl rollout history deployment/web').text.split('\n').slice(1, -1)).toEqual([
      'REVISION  CHANGE-CAUSE',
      '2         kubectl set image deployment/web nginx=nginx:1.28 --record=true',
      '3         first',
    ]);
  });
});

describe('rollout status --timeout', () => {
  test('gives up with kubectl’s error when the rollout is not done in time', () => {
    const t = readyCluster({ nodes: 1 }, 2);
    run(t, 'kubectl set image deployment/web nginx=nginx:9.99');
    const c = parseCommand('kubectl rollout status deployment/web --timeout=5s', { node: null });
    if (c.type !== 'watch') throw new Error(c.type);
    c.first(clusterReader(t.cluster));
    const out: string[] = [];
    for (let i = 0; i < 30 && !c.ended!(); i++) {
      t.advance('1s');
      const next = c.next(clusterReader(t.cluster));
      if (next) out.push(next.text);
    }
    expect(c.ended!()).toBe(true);
    expect(out.at(-1)).toBe('error: timed out waiting for the condition');
    expect(run(t, 'kubectl rollout status deployment/web --timeout=soon').text).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"',
    );
  });
});

describe('rollout on a DaemonSet', () => {
  test('status follows; pause is kubectl’s error; history reads the ControllerRevisions', () => {
    const t = readyCluster({ nodes: 1 }, 0);
    expect(run(t, 'kubectl rollout status ds/kube-proxy -n kube-system').text).toBe(
      'daemon set "kube-proxy" successfully rolled out',
    );
    expect(run(t, 'kubectl rollout pause ds/kube-proxy -n kube-system').text).toBe(
      'error: daemonsets.apps "kube-proxy" pausing is not supported',
    );
    expect(run(t, 'kubectl rollout history ds/kube-proxy -n kube-system').text).toBe(
      'daemonset.apps/kube-proxy \nREVISION  CHANGE-CAUSE\n1         <none>\n',
    );
    expect(run(t, 'kubectl rollout undo ds/kube-proxy -n kube-system').text).toBe(
      'error: no last revision to roll back to',
    );
  });
});

test('rollout history -o: said plainly that it is not printed here', () => {
  const t = readyCluster({ nodes: 1 }, 1);
  expect(run(t, 'kubectl rollout history deployment/web -o yaml').text).toBe(
    'error: this simulated kubectl prints rollout history as kubectl does without -o; it does not print -o yaml',
  );
});
