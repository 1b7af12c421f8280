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
