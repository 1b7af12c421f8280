import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../api/types';
import { podCreateBatches, TestCluster } from '../testing/testCluster';

const agent = (nodeSelector?: Record<string, string>): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: {
        ...(nodeSelector ? { nodeSelector } : {}),
        containers: [{ name: 'agent', image: 'nginx:1.27' }],
      },
    },
  },
  status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
});

const placed = (t: TestCluster) =>
  t
    .pods()
    .filter((p) => p.metadata.name.startsWith('agent-') && !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName)
    .sort();
const status = (t: TestCluster) => t.cluster.get('DaemonSet', 'default', 'agent')!.status;

describe('daemonset-controller: where a DaemonSet runs (nodeShouldRunDaemonPod)', () => {
  it('runs only on nodes its node selector matches, following label changes', () => {
    const t = TestCluster.ready({ nodes: 3 })
      .apply(agent({ disktype: 'ssd' }))
      .advance('10s');
    expect(placed(t)).toEqual([]);
    expect(status(t).desiredNumberScheduled).toBe(0);
    t.act((c) => c.patch('Node', undefined, 'minikube-m02', { metadata: { labels: { disktype: 'ssd' } } }));
    t.advance('20s');
    expect(placed(t)).toEqual(['minikube-m02']);
    expect(status(t)).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1 });
    // The label goes: the pod there should no longer run and is deleted.
    t.act((c) => c.patch('Node', undefined, 'minikube-m02', { metadata: { labels: { disktype: null } } }));
    t.advance('45s');
    expect(placed(t)).toEqual([]);
    expect(status(t)).toMatchObject({
      desiredNumberScheduled: 0,
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
    });
    const reasons = t.eventsFor('agent').map((e) => e.reason);
    expect(reasons).toEqual(['SuccessfulCreate', 'SuccessfulDelete']);
  });

  it('creates its pods in slow-start batches: 1 node, then the other 2 once the first is answered', () => {
    const t = TestCluster.ready({ nodes: 3 });
    const from = t.cluster.sim.trace.length;
    t.apply(agent()).advance('20s');
    expect(podCreateBatches(t, from)).toEqual([1, 2]);
    expect(placed(t)).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
  });

  it('keeps off a node with an untolerated NoSchedule taint, leaves a pod already there, and goes for NoExecute', () => {
    const t = TestCluster.ready({ nodes: 3 }).apply(agent()).advance('20s');
    expect(placed(t)).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
    // Cordoned nodes keep theirs and would get one: daemon pods tolerate node.kubernetes.io/unschedulable.
    t.act((c) => c.cordon('minikube-m03')).advance('5s');
    expect(status(t).desiredNumberScheduled).toBe(3);
    t.act((c) => c.taint('minikube-m02', { key: 'dedicated', value: 'db', effect: 'NoSchedule' })).advance(
      '5s',
    );
    // Should not run there, but may keep running: misscheduled.
    expect(placed(t)).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
    expect(status(t)).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberMisscheduled: 1,
    });
    t.act((c) => c.taint('minikube-m03', { key: 'dedicated', value: 'db', effect: 'NoExecute' })).advance(
      '45s',
    );
    expect(placed(t)).toEqual(['minikube', 'minikube-m02']);
    expect(status(t)).toMatchObject({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
    });
  });

  it('replaces a deleted pod once: the old pod finishing, then going, ends no creation it waits for', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(agent({ disktype: 'ssd' }))
      .act((c) => c.patch('Node', undefined, 'minikube-m02', { metadata: { labels: { disktype: 'ssd' } } }))
      .advance('10s');
    const [first] = t.podsOf('agent-');
    t.act((c) => c.delete('Pod', 'default', first!.metadata.name)).advance('60s');
    // Kubelet writes the finished pod's terminal status, then deletes it: the controller makes its
    // replacement at the first, and the second must not make another.
    expect(placed(t)).toEqual(['minikube-m02']);
    const creates = t.eventsFor('agent').filter((e) => e.reason === 'SuccessfulCreate');
    expect(creates.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(2);
  });

  it('keeps the oldest of two pods on one node and deletes the other', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(agent({ disktype: 'ssd' }))
      .act((c) => c.patch('Node', undefined, 'minikube-m02', { metadata: { labels: { disktype: 'ssd' } } }))
      .advance('20s');
    const [oldest] = t.podsOf('agent-');
    const ds = t.cluster.get('DaemonSet', 'default', 'agent')!;
    const twin = structuredClone(oldest!);
    twin.metadata = {
      name: 'agent-twin',
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...oldest!.metadata.labels },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid, controller: true },
      ],
    };
    twin.status = { phase: 'Pending' };
    t.apply(twin).advance('45s');
    expect(t.podsOf('agent-').map((p) => p.metadata.name)).toEqual([oldest!.metadata.name]);
    expect(t.eventsFor('agent').map((e) => e.reason)).toContain('SuccessfulDelete');
  });

  it('still runs kube-proxy on every node, tainted or not (it tolerates everything)', () => {
    const t = TestCluster.ready({ nodes: 2 });
    t.act((c) => c.taint('minikube-m02', { key: 'dedicated', value: 'db', effect: 'NoExecute' })).advance(
      '45s',
    );
    const proxies = t.pods('kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-'));
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', 'minikube-m02']);
    expect(t.cluster.get('DaemonSet', 'kube-system', 'kube-proxy')!.status).toMatchObject({
      desiredNumberScheduled: 2,
      numberMisscheduled: 0,
    });
  });
});

describe('daemonset-controller: a rolling update (RollingUpdate, maxUnavailable 1, maxSurge 0)', () => {
  it('replaces the pods of the old template one node at a time', () => {
    const t = TestCluster.ready({ nodes: 3 });
    const proxies = () =>
      t
        .pods('kube-system')
        .filter((p) => p.metadata.name.startsWith('kube-proxy-') && !p.metadata.deletionTimestamp);
    const before = new Set(proxies().map((p) => p.metadata.labels!['controller-revision-hash']));
    expect(before.size).toBe(1);
    t.act((c) =>
      c.patch('DaemonSet', 'kube-system', 'kube-proxy', {
        spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } } } },
      }),
    );
    let worst = 0;
    for (let i = 0; i < 600; i++) {
      t.advance('100ms');
      const readyNodes = new Set(
        proxies()
          .filter((p) => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
          .map((p) => p.spec.nodeName),
      );
      worst = Math.max(worst, 3 - readyNodes.size);
    }
    // Never more than one node without a ready kube-proxy; in the end all run the new template.
    expect(worst).toBe(1);
    const after = proxies();
    expect(after.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
    expect(after.every((p) => !before.has(p.metadata.labels!['controller-revision-hash']))).toBe(true);
    expect(after.every((p) => p.metadata.labels!['pod-template-generation'] === '2')).toBe(true);
    expect(t.cluster.get('DaemonSet', 'kube-system', 'kube-proxy')!.status).toMatchObject({
      desiredNumberScheduled: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
  });
});
