/** Writes go through the engine as kubectl's requests to kube-apiserver; reads and refusals send nothing. */
import { beforeAll, describe, expect, test } from 'vitest';
import { prepareManifests } from './index';
import { readyCluster, run } from './testing/session';

describe('writes are API requests', () => {
  beforeAll(() => prepareManifests());
  const t = readyCluster({ nodes: 2 });
  const fromKubectl = () =>
    [...t.cluster.sim.trace].filter((m) => m.from === 'kubectl' && m.to === 'kube-apiserver');

  test('scale, cordon, delete and apply each send kubectl → kube-apiserver', () => {
    for (const line of [
      'kubectl scale deployment web --replicas=4',
      'kubectl cordon minikube-m02',
      'kubectl uncordon minikube-m02',
      'kubectl delete pod -l app=web',
      'kubectl create deployment api --image=nginx',
    ]) {
      const before = fromKubectl().length;
      expect(run(t, line).error).toBe(false);
      expect(fromKubectl().length).toBeGreaterThan(before);
    }
    expect(t.cluster.get('Deployment', 'default', 'web')!.spec.replicas).toBe(4);
    expect(t.cluster.get('Deployment', 'default', 'api')).toBeDefined();
  });

  test('delete waits until the pod is gone (--wait), or returns at once with --wait=false', () => {
    const w = readyCluster({ nodes: 1 });
    run(w, 'kubectl run sleeper --image=busybox -- sleep 3600');
    run(w, 'kubectl run quick --image=busybox -- sleep 3600');
    w.cluster.run(30_000);
    // busybox's sleep as PID 1 ignores SIGTERM: kubelet kills it when the 30-s grace period ends.
    const before = w.cluster.now;
    expect(run(w, 'kubectl delete pod sleeper')).toEqual({
      text: 'pod "sleeper" deleted from default namespace',
      error: false,
    });
    expect(w.cluster.get('Pod', 'default', 'sleeper')).toBeUndefined();
    expect(w.cluster.now - before).toBeGreaterThanOrEqual(30_000);
    expect(w.cluster.now - before).toBeLessThan(40_000);
    const then = w.cluster.now;
    expect(run(w, 'kubectl delete pod quick --wait=false').text).toBe(
      'pod "quick" deleted from default namespace',
    );
    expect(w.cluster.get('Pod', 'default', 'quick')?.metadata.deletionTimestamp).toBeDefined();
    expect(w.cluster.now - then).toBeLessThan(1_000);
    // Nothing to wait for when nothing was deleted.
    expect(run(w, 'kubectl delete pod nope').error).toBe(true);
  });

  test('delete: --force with a zero grace period warns and force-deletes, --grace-period=0 alone is 1 s, --timeout gives up waiting, errors come last and stop the wait', () => {
    const w = readyCluster({ nodes: 1 });
    for (const name of ['a1', 'a2', 'a3', 'a4']) run(w, `kubectl run ${name} --image=busybox -- sleep 3600`);
    w.cluster.run(30_000);
    expect(run(w, 'kubectl delete pod a1 --timeout=5s')).toEqual({
      text: 'pod "a1" deleted from default namespace\nerror: timed out waiting for the condition on pods/a1',
      error: true,
    });
    expect(w.cluster.get('Pod', 'default', 'a1')?.metadata.deletionTimestamp).toBeDefined();
    const before = w.cluster.now;
    expect(run(w, 'kubectl delete pod a2 --grace-period=0 --force')).toEqual({
      text: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "a2" force deleted from default namespace',
      error: false,
    });
    expect(w.cluster.get('Pod', 'default', 'a2')).toBeUndefined();
    expect(w.cluster.now - before).toBeLessThan(2_000);
    // Kept from data loss: a zero grace period without --force is one second.
    run(w, 'kubectl delete pod a3 --grace-period=0 --wait=false');
    expect(w.cluster.get('Pod', 'default', 'a3')?.metadata.deletionGracePeriodSeconds).toBe(1);
    expect(run(w, 'kubectl delete pod a4 --force --grace-period=5').text).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together',
    );
    expect(run(w, 'kubectl delete pod a4 --now --grace-period=5').text).toBe(
      'error: --now and --grace-period cannot be specified together',
    );
    // The error after what was deleted; then kubectl does not wait.
    const mixed = w.cluster.now;
    expect(run(w, 'kubectl delete pod/a4 pod/nope')).toEqual({
      text: 'pod "a4" deleted from default namespace\nError from server (NotFound): pods "nope" not found',
      error: true,
    });
    expect(w.cluster.now - mixed).toBeLessThan(2_000);
    expect(w.cluster.get('Pod', 'default', 'a4')?.metadata.deletionTimestamp).toBeDefined();
  });

  test('minikube node start returns with the node’s host and kubelet running, before its first Ready report', () => {
    const w = readyCluster({ nodes: 2 });
    run(w, 'minikube node stop minikube-m02');
    w.cluster.run(60_000);
    expect(run(w, 'minikube status').text).toMatch(
      /minikube-m02\ntype: Worker\nhost: Stopped\nkubelet: Stopped/,
    );
    run(w, 'minikube node start minikube-m02');
    expect(run(w, 'minikube status').text).toMatch(
      /minikube-m02\ntype: Worker\nhost: Running\nkubelet: Running/,
    );
  });

  test('create deployment and create namespace refuse an existing name and change nothing', () => {
    run(t, 'kubectl create deployment dup --image=nginx --replicas=3');
    t.cluster.run(1_000);
    const before = t.cluster.get('Deployment', 'default', 'dup')!;
    expect(run(t, 'kubectl create deployment dup --image=busybox')).toEqual({
      text: 'error: failed to create deployment: deployments.apps "dup" already exists',
      error: true,
    });
    t.cluster.run(1_000);
    expect(t.cluster.get('Deployment', 'default', 'dup')).toBe(before);
    expect(run(t, 'kubectl create namespace default')).toEqual({
      text: 'Error from server (AlreadyExists): namespaces "default" already exists',
      error: true,
    });
  });

  test('run makes one bare pod (run=NAME), args after --, and says plainly what it cannot do', () => {
    expect(run(t, 'kubectl run nginx --image=nginx:1.27 --port=80')).toEqual({
      text: 'pod/nginx created',
      error: false,
    });
    expect(run(t, 'kubectl run sleeper --image=busybox -- sleep 3600').text).toBe('pod/sleeper created');
    expect(run(t, 'kubectl run shell --image=busybox --restart=Never').text).toBe('pod/shell created');
    t.cluster.run(40_000);
    const nginx = t.cluster.get('Pod', 'default', 'nginx')!;
    expect(nginx.metadata.labels).toEqual({ run: 'nginx' });
    expect(nginx.spec.containers).toMatchObject([
      { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
    ]);
    expect(nginx.status.phase).toBe('Running');
    const sleeper = t.cluster.get('Pod', 'default', 'sleeper')!;
    expect(sleeper.spec.containers[0]!.args).toEqual(['sleep', '3600']);
    expect(sleeper.status.phase).toBe('Running');
    // busybox's own command (sh) exits at once without a terminal: with restart Never the pod completes.
    expect(t.cluster.get('Pod', 'default', 'shell')!.status.phase).toBe('Succeeded');
    for (const [line, text] of [
      ['kubectl run nginx --image=nginx', 'Error from server (AlreadyExists): pods "nginx" already exists'],
      ['kubectl run x', 'error: required flag(s) "image" not set'],
      ['kubectl run', 'error: NAME is required for run'],
      ['kubectl run x --image=nginx --restart=Sometimes', 'error: invalid restart policy: Sometimes'],
    ])
      expect(run(t, line!)).toEqual({ text, error: true });
    expect(run(t, 'kubectl run x --image=busybox -i -t --rm').text).toMatch(
      /^error: kubectl run -i, -t, --attach and --rm attach to the container's process/,
    );
    expect(t.cluster.get('Pod', 'default', 'x')).toBeUndefined();
  });

  test('apply creates with POST, then changes with a merge PATCH of only what differs', () => {
    const manifest = (replicas: number, tier?: string) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: shop',
        '  labels:',
        '    app: shop',
        ...(tier ? [`    tier: ${tier}`] : []),
        'spec:',
        `  replicas: ${replicas}`,
        '  selector: {matchLabels: {app: shop}}',
        '  template:',
        '    metadata: {labels: {app: shop}}',
        '    spec: {containers: [{name: shop, image: nginx}]}',
        '',
      ].join('\n');
    const summaries = () => fromKubectl().map((m) => m.summary);
    expect(run(t, 'kubectl apply -f -', { node: null }, { stdin: manifest(1, 'front') }).text).toBe(
      'deployment.apps/shop created',
    );
    expect(summaries().at(-1)).toBe('POST /apis/apps/v1/namespaces/default/deployments');
    expect(run(t, 'kubectl apply -f -', { node: null }, { stdin: manifest(2) }).text).toBe(
      'deployment.apps/shop configured',
    );
    expect(summaries().at(-1)).toBe('PATCH /apis/apps/v1/namespaces/default/deployments/shop');
    const shop = t.cluster.get('Deployment', 'default', 'shop')!;
    expect(shop.spec.replicas).toBe(2);
    expect(shop.metadata.labels).toEqual({ app: 'shop' });
    expect(shop.metadata.generation).toBe(2);
  });

  test('set image, rollout, label, annotate, cordon and taint send a PATCH with no resourceVersion, as kubectl does', () => {
    const t = readyCluster({ nodes: 2 });
    const sent = () =>
      [...t.cluster.sim.trace].filter((m) => m.from === 'kubectl' && m.to === 'kube-apiserver');
    for (const [line, summary] of [
      [
        'kubectl set image deployment/web nginx=nginx:1.28',
        'PATCH /apis/apps/v1/namespaces/default/deployments/web',
      ],
      ['kubectl rollout restart deployment/web', 'PATCH /apis/apps/v1/namespaces/default/deployments/web'],
      ['kubectl rollout undo deployment/web', 'PATCH /apis/apps/v1/namespaces/default/deployments/web'],
      ['kubectl label deployment web tier=front', 'PATCH /apis/apps/v1/namespaces/default/deployments/web'],
      ['kubectl annotate node minikube-m02 note=x', 'PATCH /api/v1/nodes/minikube-m02'],
      ['kubectl cordon minikube-m02', 'PATCH /api/v1/nodes/minikube-m02'],
      ['kubectl taint nodes minikube-m02 gpu=yes:NoSchedule', 'PATCH /api/v1/nodes/minikube-m02'],
    ] as const) {
      const before = sent().length;
      // Back to back, while the controllers are still writing the Deployment's and the Nodes'
      // status: a PATCH carries no resourceVersion, so none of them meets a conflict.
      expect(run(t, line).error, line).toBe(false);
      expect(
        sent()
          .slice(before)
          .map((m) => m.summary),
      ).toEqual([summary]);
    }
    const web = t.cluster.get('Deployment', 'default', 'web')!;
    expect(web.metadata.labels?.tier).toBe('front');
    // undo went back from the restarted template to the one before it: the new image, no restartedAt.
    expect(web.spec.template.spec.containers[0]!.image).toBe('nginx:1.28');
    expect(web.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeUndefined();
    const node = t.cluster.get('Node', undefined, 'minikube-m02')!;
    expect(node.metadata.annotations?.note).toBe('x');
    expect(node.spec.unschedulable).toBe(true);
    expect(node.spec.taints?.map((x) => `${x.key}=${x.value ?? ''}:${x.effect}`)).toContain(
      'gpu=yes:NoSchedule',
    );
    expect(run(t, 'kubectl label deployment web tier-').text).toBe('deployment.apps/web unlabeled');
    expect(t.cluster.get('Deployment', 'default', 'web')!.metadata.labels?.tier).toBeUndefined();
  });

  test('reads and refused commands send nothing', () => {
    const before = fromKubectl().length;
    run(t, 'kubectl get pods -A -o wide');
    run(t, 'kubectl describe node minikube');
    run(t, 'kubectl scale deployment web --replicas=-1');
    run(t, 'kubectl apply -f -', { node: null }, { stdin: 'kind: Nope\napiVersion: v1\n' });
    expect(fromKubectl().length).toBe(before);
  });

  test('the same seed and commands give the same output', () => {
    const a = readyCluster({ nodes: 2 });
    const b = readyCluster({ nodes: 2 });
    for (const line of ['kubectl scale deployment web --replicas=5', 'kubectl get pods -o wide'])
      expect(run(a, line)).toEqual(run(b, line));
  });
});
