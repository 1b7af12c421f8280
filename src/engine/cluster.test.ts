import { describe, expect, it } from 'vitest';
import { isPodReady } from './api/pods';
import type { Node } from './api/types';
import { APISERVER } from './apiserver/apiServer';
import type { ApiResult } from './apiserver/request';
import { RUN_EPOCH_MS } from './core/time';
import { makeDeployment, makePod, makeService } from './testing/builders';
import { referenceRun } from './testing/referenceRun';
import { isControllerPodCreate, podCreateBatches, TestCluster } from './testing/testCluster';
import type { Message } from './trace';

/** Runs 1 ms at a time until the trace since message `from` holds one that `found` picks; returns it. */
function runUntilSent(t: TestCluster, from: number, found: (m: Message) => boolean): Message {
  for (let i = from; ; t.cluster.run(1))
    for (; i < t.cluster.sim.trace.length; i++) {
      const m = t.cluster.sim.trace.at(i)!;
      if (found(m)) return m;
    }
}

/** kube-apiserver's process dies (as when its node loses power) or runs again; its manifest stays put. */
function apiServerProcess(t: TestCluster, running: boolean): void {
  t.cluster.sim.setUp(APISERVER, running);
  if (!running) t.cluster.api.processEnded();
}

const runningPods = (t: TestCluster, prefix: string) =>
  t.podsOf(prefix).filter((p) => p.status.phase === 'Running' && isPodReady(p));

describe('a fresh minikube cluster', () => {
  it('registers every node, which turns Ready and loses its not-ready taint', () => {
    const t = TestCluster.ready({ nodes: 3 });
    for (const name of ['minikube', 'minikube-m02', 'minikube-m03']) {
      expect(t.nodeReady(name)).toBe('True');
      expect(t.cluster.get('Node', undefined, name)?.spec.taints ?? []).toEqual([]);
    }
    expect(
      t.cluster.get('Node', undefined, 'minikube')?.metadata.labels?.[
        'node-role.kubernetes.io/control-plane'
      ],
    ).toBe('');
    expect(t.violations).toEqual([]);
  });

  it('tells of each node’s start: kubelet, the pressure conditions, the node-controller, then kube-proxy once its DaemonSet pod runs', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const told = t.eventsFor('minikube-m02').map((e) => `${e.reportingComponent} ${e.reason}: ${e.message}`);
    expect(told).toEqual([
      'kubelet Starting: Starting kubelet.',
      'kubelet NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
      'kubelet NodeHasSufficientMemory: Node minikube-m02 status is now: NodeHasSufficientMemory',
      'kubelet NodeHasNoDiskPressure: Node minikube-m02 status is now: NodeHasNoDiskPressure',
      'kubelet NodeHasSufficientPID: Node minikube-m02 status is now: NodeHasSufficientPID',
      'node-controller RegisteredNode: Node minikube-m02 event: Registered Node minikube-m02 in Controller',
      // A host-network pod tolerating everything: it runs before the pod network makes the node Ready.
      'kube-proxy Starting: ',
      'kubelet NodeReady: Node minikube-m02 status is now: NodeReady',
    ]);
    // A restarted kubelet starts again, but the Node's conditions are already set.
    t.act((c) => c.stopKubelet('minikube-m02'))
      .advance('5s')
      .act((c) => c.startKubelet('minikube-m02'))
      .advance('5s');
    const again = t.eventsFor('minikube-m02').filter((e) => e.source?.component === 'kubelet');
    expect(again.find((e) => e.reason === 'Starting')?.count).toBe(2);
    expect(again.find((e) => e.reason === 'NodeHasSufficientMemory')?.count).toBe(1);
  });

  it('runs kube-system as minikube does: static pods, CoreDNS, one kube-proxy and one kindnet per node, storage-provisioner', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const names = t
      .pods('kube-system')
      .map((p) =>
        p.metadata.name.replace(/-[a-z0-9]{5}$/, '-xxxxx').replace(/coredns-[a-z0-9]+-/, 'coredns-hash-'),
      );
    expect(names.sort()).toEqual(
      [
        'coredns-hash-xxxxx',
        'etcd-minikube',
        'kindnet-xxxxx',
        'kindnet-xxxxx',
        'kube-apiserver-minikube',
        'kube-controller-manager-minikube',
        'kube-proxy-xxxxx',
        'kube-proxy-xxxxx',
        'kube-scheduler-minikube',
        'storage-provisioner',
      ].sort(),
    );
    for (const p of t.pods('kube-system')) expect(p.status.phase, p.metadata.name).toBe('Running');
    const proxies = t.pods('kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-'));
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', 'minikube-m02']);
  });

  it.each([
    [1, 'docker', false],
    [1, 'containerd', true],
    [1, 'cri-o', true],
    [2, 'docker', true],
  ] as const)('with %i node(s) on %s, kindnet is the CNI: %s', (nodes, runtime, kindnet) => {
    const t = TestCluster.ready({ nodes, runtime });
    expect(t.cluster.get('DaemonSet', 'kube-system', 'kindnet') !== undefined).toBe(kindnet);
    expect(t.pods('kube-system').filter((p) => p.metadata.name.startsWith('kindnet-'))).toHaveLength(
      kindnet ? nodes : 0,
    );
  });

  it('keeps the CNI chosen at creation: a node added to a one-node docker cluster uses the bridge and turns Ready', () => {
    const t = TestCluster.ready({ nodes: 1, runtime: 'docker' });
    let added = '';
    t.act((c) => (added = c.addNode())).advance('30s');
    expect(t.cluster.get('DaemonSet', 'kube-system', 'kindnet')).toBeUndefined();
    expect(t.nodeReady(added)).toBe('True');
  });

  it('keeps a kindnet node NotReady (cni plugin not initialized) until its kindnet pod writes the CNI config', () => {
    const t = TestCluster.start({ nodes: 2 }).advance('2s');
    const ready = () =>
      t.cluster.get('Node', undefined, 'minikube')!.status.conditions.find((c) => c.type === 'Ready')!;
    expect(ready().status).toBe('False');
    expect(ready().message).toContain('cni plugin not initialized');
    t.advance('10s');
    expect(ready().status).toBe('True');
    const kindnet = t.podsOf('kindnet-', 'kube-system').find((p) => p.spec.nodeName === 'minikube')!;
    const started = Date.parse(kindnet.status.containerStatuses![0]!.state.running!.startedAt);
    expect(Date.parse(ready().lastTransitionTime!)).toBeGreaterThanOrEqual(started);
  });

  it('kube-apiserver keeps its identity Lease, renewed every 10 s, with a new holder after a restart', () => {
    const t = TestCluster.ready();
    const lease = () => t.cluster.get('Lease', 'kube-system', 'apiserver-kcdegeihzlqbkh65rirrc5zxju')!;
    const before = lease();
    expect(before.metadata.labels).toEqual({
      'apiserver.kubernetes.io/identity': 'kube-apiserver',
      'kubernetes.io/hostname': 'minikube',
    });
    expect(before.spec.holderIdentity).toMatch(/^apiserver-kcdegeihzlqbkh65rirrc5zxju_[0-9a-f-]{36}$/);
    expect(before.spec.leaseDurationSeconds).toBe(3600);
    t.advance('10s');
    expect(Date.parse(lease().spec.renewTime) - Date.parse(before.spec.renewTime)).toBe(10_000);
    t.act((c) => c.stopComponent('kube-apiserver'))
      .advance('5s')
      .act((c) => c.startComponent('kube-apiserver'))
      .advance('5s');
    expect(lease().spec.holderIdentity).not.toBe(before.spec.holderIdentity);
    expect(lease().metadata.uid).toBe(before.metadata.uid);
  });

  it('renews each node Lease about every 10 s', () => {
    const t = TestCluster.ready();
    const renewals = () =>
      t.cluster.sim.trace.filter(
        (m) => m.from === 'kubelet/minikube' && m.summary.includes('/leases/minikube'),
      ).length;
    const before = renewals();
    t.advance('100s');
    expect(renewals() - before).toBeGreaterThanOrEqual(9);
    expect(renewals() - before).toBeLessThanOrEqual(10);
  });
});

describe('running a Deployment', () => {
  it('goes Deployment → ReplicaSet → Pods → scheduled → Running, with the real events', () => {
    const t = TestCluster.ready({ nodes: 3 }).apply(makeDeployment('nginx', 3)).advance('30s');
    const pods = runningPods(t, 'nginx-');
    expect(pods).toHaveLength(3);
    const rs = t.cluster.list('ReplicaSet', 'default')[0]!;
    expect(rs.metadata.name).toMatch(/^nginx-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(pods.every((p) => p.metadata.ownerReferences?.[0]?.name === rs.metadata.name)).toBe(true);
    const pod = pods[0]!;
    const reasons = t.eventsFor(pod.metadata.name).map((e) => e.reason);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const [scheduled, pulling, pulled, created, started] = t.eventsFor(pod.metadata.name);
    expect(scheduled!.message).toBe(
      `Successfully assigned default/${pod.metadata.name} to ${pod.spec.nodeName}`,
    );
    expect(scheduled!.reportingComponent).toBe('default-scheduler');
    expect(pulling!.message).toBe('Pulling image "nginx:1.27"');
    expect(pulled!.message).toMatch(
      /^Successfully pulled image "nginx:1.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72099410 bytes\.$/,
    );
    expect(created!.message).toBe('Created container: nginx');
    expect(started!.message).toBe('Started container nginx');
    expect(t.cluster.get('Deployment', 'default', 'nginx')?.status.availableReplicas).toBe(3);
    expect(t.violations).toEqual([]);
  });

  it('creates a ReplicaSet’s pods in slow-start batches of 1, 2, 4, each once the last is answered', () => {
    const t = TestCluster.ready({ nodes: 3 });
    const from = t.cluster.sim.trace.length;
    t.apply(makeDeployment('batch', 7)).advance('30s');
    expect(podCreateBatches(t, from)).toEqual([1, 2, 4]);
    expect(runningPods(t, 'batch-')).toHaveLength(7);
  });

  it('stops a slow start at the first failed batch, and tries again later from a batch of 1', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('web', 1)).advance('30s');
    const sim = t.cluster.sim;
    const from = sim.trace.length;
    t.act((c) => c.scale('Deployment', 'default', 'web', 9));
    runUntilSent(t, from, isControllerPodCreate);
    // The first batch (one create) is refused: the other seven are not tried in this sync.
    apiServerProcess(t, false);
    t.advance('2s');
    const batches = podCreateBatches(t, from);
    expect(batches.length).toBeGreaterThan(1);
    // Each later sync (after the workqueue's growing backoff) again sends a batch of one.
    expect(batches.every((n) => n === 1)).toBe(true);
    apiServerProcess(t, true);
    t.advance('90s');
    expect(runningPods(t, 'web-')).toHaveLength(9);
  });

  it('replaces a deleted pod, and scales up and down (newest and unready pods go first)', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('web', 2)).advance('30s');
    const [victim] = t.podsOf('web-');
    t.act((c) => c.delete('Pod', 'default', victim!.metadata.name)).advance('40s');
    expect(runningPods(t, 'web-')).toHaveLength(2);
    expect(t.podsOf('web-').some((p) => p.metadata.uid === victim!.metadata.uid)).toBe(false);
    t.act((c) => c.scale('Deployment', 'default', 'web', 5)).advance('30s');
    expect(runningPods(t, 'web-')).toHaveLength(5);
    t.act((c) => c.scale('Deployment', 'default', 'web', 1)).advance('60s');
    expect(t.podsOf('web-')).toHaveLength(1);
    const killing = t.events((e) => e.reason === 'Killing');
    expect(killing.length).toBeGreaterThanOrEqual(4);
    expect(killing[0]!.message).toMatch(/^Stopping container web$/);
  });

  it('rolls out a new image: a new ReplicaSet scaled up as the old one scales down', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('app', 4)).advance('40s');
    t.apply(makeDeployment('app', 4, { image: 'nginx:1.28' })).advance('120s');
    const sets = t.cluster.list('ReplicaSet', 'default');
    expect(sets).toHaveLength(2);
    const byImage = Object.fromEntries(
      sets.map((rs) => [rs.spec.template.spec.containers[0]!.image, rs.spec.replicas]),
    );
    expect(byImage).toEqual({ 'nginx:1.27': 0, 'nginx:1.28': 4 });
    expect(runningPods(t, 'app-').map((p) => p.spec.containers[0]!.image)).toEqual([
      'nginx:1.28',
      'nginx:1.28',
      'nginx:1.28',
      'nginx:1.28',
    ]);
    const scaling = t.events((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(scaling.some((m) => /^Scaled down replica set app-\w+ from 4 to \d$/.test(m))).toBe(true);
  });

  it('numbers its templates as revisions, and a template used again becomes the newest revision', () => {
    const revisions = (t: TestCluster) => ({
      deployment: t.cluster.get('Deployment', 'default', 'app')?.metadata.annotations?.[REVISION],
      sets: Object.fromEntries(
        t.cluster
          .list('ReplicaSet', 'default')
          .map((rs) => [rs.spec.template.spec.containers[0]!.image, rs.metadata.annotations?.[REVISION]]),
      ),
    });
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('app', 2)).advance('30s');
    expect(revisions(t)).toEqual({ deployment: '1', sets: { 'nginx:1.27': '1' } });
    const rs = t.cluster.list('ReplicaSet', 'default')[0]!;
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('3');
    t.apply(makeDeployment('app', 2, { image: 'nginx:1.28' })).advance('60s');
    expect(revisions(t)).toEqual({ deployment: '2', sets: { 'nginx:1.27': '1', 'nginx:1.28': '2' } });
    t.apply(makeDeployment('app', 2)).advance('60s');
    expect(revisions(t)).toEqual({ deployment: '3', sets: { 'nginx:1.27': '3', 'nginx:1.28': '2' } });
  });
});

const REVISION = 'deployment.kubernetes.io/revision';

describe('scheduling', () => {
  it('leaves a pod no node can take Pending, Unschedulable, with the FailedScheduling message, and binds it when room appears', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makePod('huge').requests({ cpu: '3' }).build())
      .advance('5s');
    const pod = t.cluster.get('Pod', 'default', 'huge')!;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.spec.nodeName).toBeUndefined();
    const cond = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(cond?.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    expect(t.eventsFor('huge')[0]).toMatchObject({
      type: 'Warning',
      reason: 'FailedScheduling',
      reportingComponent: 'default-scheduler',
    });
    // A bigger node joins: the parked pod is retried and bound there.
    t.act((c) => c.addNode());
    t.advance('1ms');
    t.act((c) => ((c.node('minikube-m03').kubelet.shape as { cpu: string }).cpu = '4'));
    t.advance('60s');
    expect(t.cluster.get('Pod', 'default', 'huge')?.spec.nodeName).toBe('minikube-m03');
  });

  it('respects taints, tolerations and nodeSelector', () => {
    const t = TestCluster.ready({ nodes: 3 })
      .act((c) => c.taint('minikube-m02', { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }))
      .advance('2s')
      .apply(makePod('picky').nodeSelector({ 'kubernetes.io/hostname': 'minikube-m02' }).build())
      .advance('5s');
    expect(
      t.cluster.get('Pod', 'default', 'picky')?.status.conditions?.find((c) => c.type === 'PodScheduled')
        ?.message,
    ).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    t.apply(
      makePod('tolerant')
        .nodeSelector({ 'kubernetes.io/hostname': 'minikube-m02' })
        .tolerate({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })
        .build(),
    ).advance('20s');
    expect(t.cluster.get('Pod', 'default', 'tolerant')?.spec.nodeName).toBe('minikube-m02');
  });

  it('keeps new pods Pending while kube-scheduler is down, and schedules them when it is back', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .act((c) => c.stopComponent('kube-scheduler'))
      .advance('1s');
    t.apply(makeDeployment('late', 2)).advance('30s');
    expect(t.podsOf('late-').map((p) => p.status.phase)).toEqual(['Pending', 'Pending']);
    expect(t.podsOf('late-').every((p) => !p.spec.nodeName)).toBe(true);
    t.act((c) => c.startComponent('kube-scheduler')).advance('30s');
    expect(runningPods(t, 'late-')).toHaveLength(2);
  });

  it('a restarted kube-scheduler remembers nothing: a node deleted while it was down gets no pods', () => {
    const t = TestCluster.ready({ nodes: 3 })
      .act((c) => c.stopComponent('kube-scheduler'))
      .advance('5s');
    expect(t.cluster.removeNode('minikube-m03')).toBe(true);
    t.advance('5s').act((c) => c.startComponent('kube-scheduler'));
    t.apply(makeDeployment('late', 4)).advance('30s');
    const pods = runningPods(t, 'late-');
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.spec.nodeName !== 'minikube-m03')).toBe(true);
  });

  it("keeps each component's ups and downs: what was running at an earlier moment", () => {
    const t = TestCluster.ready({ nodes: 1 });
    const stoppedAt = t.now;
    t.act((c) => c.stopComponent('kube-scheduler'));
    // kubelet stops the container a moment after the manifest leaves.
    expect(t.cluster.wasUp('kube-scheduler', stoppedAt)).toBe(true);
    t.advance('5s');
    expect(t.cluster.isUp('kube-scheduler')).toBe(false);
    const down = t.now;
    t.act((c) => c.startComponent('kube-scheduler')).advance('30s');
    expect(t.cluster.isUp('kube-scheduler')).toBe(true);
    expect(t.cluster.wasUp('kube-scheduler', stoppedAt)).toBe(true);
    expect(t.cluster.wasUp('kube-scheduler', down)).toBe(false);
    expect(t.cluster.wasUp('kube-scheduler', t.now)).toBe(true);
    expect(t.cluster.wasUp('kube-controller-manager', down)).toBe(true);
  });

  it('does not schedule onto a cordoned node; drain moves its pods elsewhere', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('d', 4)).advance('30s');
    t.act((c) => c.drain('minikube-m02')).advance('90s');
    const pods = runningPods(t, 'd-');
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.spec.nodeName === 'minikube')).toBe(true);
    expect(t.cluster.get('Node', undefined, 'minikube-m02')?.spec.unschedulable).toBe(true);
  });

  it('an eviction goes through the eviction subresource: DisruptionTarget, then a graceful delete', () => {
    // busybox's sleep ignores SIGTERM: the pod stays Terminating for its 30-s grace period.
    const sleeper = makePod('victim').image('busybox:1.36').args('sleep', '3600').build();
    const t = TestCluster.ready({ nodes: 2 }).apply(sleeper).advance('30s');
    const from = t.cluster.sim.trace.length;
    let answer: ApiResult | undefined;
    t.act((c) => c.evict('default', 'victim', (r) => (answer = r))).advance('1s');
    expect(answer?.ok).toBe(true);
    const sent = t.cluster.sim.trace.slice(from).filter((m) => m.from === 'kubectl');
    expect(sent.map((m) => m.summary)).toEqual(['POST /api/v1/namespaces/default/pods/victim/eviction']);
    const pod = t.cluster.get('Pod', 'default', 'victim')!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
    // Two writes to etcd: the condition, then the deletion timestamp.
    const writes = t.cluster.sim.trace
      .slice(from)
      .filter((m) => m.kind === 'etcd' && m.summary === 'PUT /registry/pods/default/victim');
    expect(writes.length).toBeGreaterThanOrEqual(2);
    t.advance('40s');
    expect(t.cluster.get('Pod', 'default', 'victim')).toBeUndefined();
    let missing: ApiResult | undefined;
    t.act((c) => c.evict('default', 'victim', (r) => (missing = r))).advance('1s');
    expect(missing).toMatchObject({ ok: false, error: { reason: 'NotFound' } });
  });

  it('cordon sets spec.unschedulable; node-lifecycle-controller adds and removes the unschedulable taint', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const taints = () =>
      (t.cluster.get('Node', undefined, 'minikube-m02')?.spec.taints ?? []).map(
        (x) => `${x.key}:${x.effect}`,
      );
    const taintWrites = () =>
      [...t.cluster.sim.trace].filter(
        (m) => m.from === 'kube-controller-manager' && m.summary === 'PATCH /api/v1/nodes/minikube-m02',
      ).length;
    const before = taintWrites();
    t.act((c) => c.cordon('minikube-m02')).advance('1s');
    expect(t.cluster.get('Node', undefined, 'minikube-m02')?.spec.unschedulable).toBe(true);
    expect(taints()).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    expect(taintWrites()).toBe(before + 1);
    t.act((c) => c.uncordon('minikube-m02')).advance('1s');
    expect(t.cluster.get('Node', undefined, 'minikube-m02')?.spec.unschedulable).toBeUndefined();
    expect(taints()).toEqual([]);
  });

  it('kubelet tells of a cordon and an uncordon at its next status computation (NodeNotSchedulable, NodeSchedulable)', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const told = () =>
      t
        .eventsFor('minikube-m02')
        .filter((e) => /Schedulable$/.test(e.reason))
        .map((e) => [e.reason, e.message, e.source?.component]);
    t.act((c) => c.cordon('minikube-m02')).advance('11s');
    expect(told()).toEqual([
      ['NodeNotSchedulable', 'Node minikube-m02 status is now: NodeNotSchedulable', 'kubelet'],
    ]);
    t.act((c) => c.uncordon('minikube-m02')).advance('11s');
    expect(told().map((x) => x[0])).toEqual(['NodeNotSchedulable', 'NodeSchedulable']);
    expect(t.eventsFor('minikube').filter((e) => /Schedulable$/.test(e.reason))).toEqual([]);
  });

  it('with kube-controller-manager down a cordon still keeps new pods off the node, but no taint is added', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .act((c) => c.stopComponent('kube-controller-manager'))
      .advance('1s');
    t.act((c) => c.cordon('minikube-m02')).advance('5s');
    const node = t.cluster.get('Node', undefined, 'minikube-m02')!;
    expect(node.spec.unschedulable).toBe(true);
    expect(node.spec.taints ?? []).toEqual([]);
    t.apply(makePod('picky').nodeSelector({ 'kubernetes.io/hostname': 'minikube-m02' }).build()).advance(
      '10s',
    );
    const picky = t.cluster.get('Pod', 'default', 'picky')!;
    expect(picky.spec.nodeName).toBeUndefined();
    expect(picky.status.conditions?.find((c) => c.type === 'PodScheduled')?.message).toContain(
      'node(s) were unschedulable',
    );
  });
});

describe('failures', () => {
  it('notices a silent kubelet after the 50 s grace period, taints the node, and evicts its pods after 300 s', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('svc', 2)).advance('30s');
    const onM02 = t.podsOf('svc-').filter((p) => p.spec.nodeName === 'minikube-m02');
    expect(onM02.length).toBeGreaterThan(0);
    t.act((c) => c.stopKubelet('minikube-m02')).advance('45s');
    expect(t.nodeReady('minikube-m02')).toBe('True');
    t.advance('20s');
    const node = t.cluster.get('Node', undefined, 'minikube-m02')!;
    expect(node.status.conditions.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node.spec.taints?.map((t) => `${t.key}:${t.effect}`).sort()).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);
    t.advance('310s');
    for (const p of onM02) {
      // The kubelet is gone, so the pod stays Terminating; its replacement runs on minikube.
      expect(t.cluster.get('Pod', 'default', p.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    }
    const evicted = t.events(
      (e) => e.reason === 'TaintManagerEviction' && e.involvedObject.name.startsWith('svc-'),
    );
    expect(evicted.map((e) => e.involvedObject.name).sort()).toEqual(
      onM02.map((p) => p.metadata.name).sort(),
    );
    expect(evicted[0]!.source.component).toBe('taint-eviction-controller');
    expect(
      runningPods(t, 'svc-').filter((p) => !p.metadata.deletionTimestamp && p.spec.nodeName === 'minikube'),
    ).toHaveLength(2);
    // The kubelet comes back: the node turns Ready again and the terminating pods are cleaned up.
    t.act((c) => c.startKubelet('minikube-m02')).advance('60s');
    expect(t.nodeReady('minikube-m02')).toBe('True');
    for (const p of onM02) expect(t.cluster.get('Pod', 'default', p.metadata.name)).toBeUndefined();
    expect(t.violations).toEqual([]);
  });

  it('with kube-controller-manager down, a deleted pod is not replaced until it returns', () => {
    const t = TestCluster.ready({ nodes: 1 }).apply(makeDeployment('x', 2)).advance('30s');
    t.act((c) => c.stopComponent('kube-controller-manager')).advance('1s');
    t.act((c) => c.delete('Pod', 'default', t.podsOf('x-')[0]!.metadata.name)).advance('60s');
    expect(t.podsOf('x-')).toHaveLength(1);
    t.act((c) => c.startComponent('kube-controller-manager')).advance('30s');
    expect(runningPods(t, 'x-')).toHaveLength(2);
  });

  it('with etcd down, writes fail but running pods keep running', () => {
    const t = TestCluster.ready().apply(makeDeployment('keep', 1)).advance('30s');
    t.act((c) => c.stopComponent('etcd')).advance('1s');
    let error = '';
    t.act((c) => c.apply(makePod('new').build(), (r) => (error = r.ok ? '' : r.error.message))).advance('5s');
    expect(error).toBe('Internal error occurred: etcdserver: request timed out');
    expect(t.cluster.get('Pod', 'default', 'new')).toBeUndefined();
    const running = t.cluster.node('minikube').runtime.containersOf(t.podsOf('keep-')[0]!.metadata.uid);
    expect(running.map((c) => c.state)).toEqual(['running']);
  });

  it('keeps sending to a stopped kube-apiserver: kubelets’ Lease renewals do not arrive, and arrive again once it is back', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const { sim } = t.cluster;
    const renewals = (from: number) =>
      [...Array(sim.trace.length - from).keys()]
        .map((i) => from + i)
        .filter((id) => sim.trace.at(id)!.summary.includes('/leases/minikube-m02'));
    const before = sim.trace.length;
    t.advance('10s');
    expect(renewals(before).map((id) => sim.undelivered(id))).toEqual([false]);

    t.act((c) => c.stopComponent('kube-apiserver')).advance('1s');
    const stopped = sim.trace.length;
    // One still in the air is known to be lost before it lands: kube-apiserver is down now.
    let inAir: number | undefined;
    for (let ms = 0; ms < 15_000 && inAir === undefined; ms++) {
      t.cluster.run(1);
      inAir = renewals(stopped).find((id) => sim.trace.deliverAt(id) > sim.now);
    }
    expect(inAir).toBeDefined();
    expect(sim.dropped.has(inAir!)).toBe(false);
    expect(sim.undelivered(inAir!)).toBe(true);
    t.advance('20s');
    expect(sim.dropped.has(inAir!)).toBe(true);
    const lost = renewals(stopped);
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect(lost.every((id) => sim.undelivered(id) && sim.trace.at(id)!.to === 'kube-apiserver')).toBe(true);

    t.act((c) => c.startComponent('kube-apiserver')).advance('30s');
    const back = sim.trace.length;
    t.advance('20s');
    expect(renewals(back).map((id) => sim.undelivered(id))).toEqual([false, false]);
  });
  it('breaks every watch when kube-apiserver stops: each informer retries with backoff, then lists again', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const sim = t.cluster.sim;
    const lists = (from: number, who: string) =>
      [...sim.trace]
        .slice(from)
        .filter((m) => m.from === who && m.kind === 'request' && m.summary === 'GET /api/v1/pods');
    t.act((c) => c.stopComponent('kube-apiserver')).advance('1s');
    const stopped = sim.trace.length;
    t.advance('40s');
    // kube-scheduler's pod informer tries again and again, each time refused, each wait longer.
    const tries = lists(stopped, 'kube-scheduler');
    expect(tries.length).toBeGreaterThanOrEqual(3);
    expect(tries.every((m) => sim.undelivered(m.id))).toBe(true);
    const gaps = tries.slice(1).map((m, i) => m.sentAt - tries[i]!.sentAt);
    expect(gaps.every((gap) => gap >= 800 && gap <= 60_000)).toBe(true);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]!);
    // So do the kubelets' (pods bound to their node) and kube-controller-manager's.
    for (const who of ['kubelet/minikube-m02', 'kube-controller-manager'])
      expect(lists(stopped, who).length, who).toBeGreaterThanOrEqual(2);

    t.act((c) => c.startComponent('kube-apiserver')).advance('60s');
    const back = sim.trace.length - 1;
    // Within the longest wait every informer is connected again: nothing more is refused.
    t.advance('40s');
    expect(lists(back, 'kube-scheduler').every((m) => !sim.undelivered(m.id))).toBe(true);
    // And the components hear of changes again: a new Deployment's pods are scheduled and run.
    t.apply(makeDeployment('after', 2)).advance('30s');
    expect(runningPods(t, 'after-')).toHaveLength(2);
  });

  it('a node marked Unknown after a long kube-apiserver outage is Ready again within one status period', () => {
    const t = TestCluster.ready({ nodes: 2 });
    t.act((c) => c.stopComponent('kube-apiserver')).advance('90s');
    t.act((c) => c.startComponent('kube-apiserver'));
    // node-lifecycle-controller sees no renewal it can trust and marks the nodes Unknown meanwhile.
    let sawUnknown = false;
    for (let i = 0; i < 60; i++) {
      t.advance('1s');
      if (t.nodeReady('minikube-m02') === 'Unknown') sawUnknown = true;
    }
    expect(sawUnknown).toBe(true);
    // kubelet compares its status with the API's (nodeStatusHasChanged), not with what it last
    // sent: it puts Ready=True back at its next 10 s computation, not after the 5-minute report.
    const since = t.cluster.sim.now;
    t.advance('15s');
    for (const name of ['minikube', 'minikube-m02']) expect(t.nodeReady(name), name).toBe('True');
    const patches = [...t.cluster.sim.trace].filter(
      (m) => m.sentAt >= since - 60_000 && m.summary === 'PATCH /api/v1/nodes/minikube-m02/status',
    );
    expect(patches.length).toBeGreaterThanOrEqual(1);
  });

  it('a kubelet restarted after an etcd outage puts back the Ready its pods lose after it', () => {
    // A run a property test found: the kubelet adopts its running pods just before
    // node-lifecycle-controller, whose writes failed during the outage, marks them not ready.
    const t = TestCluster.ready({ nodes: 1, seed: 1729362314 });
    t.act((c) => c.addNode());
    t.apply(makeDeployment('b', 5, { cpu: '300m', memory: '64Mi' })).advance('51s');
    t.act((c) => c.delete('Pod', 'default', t.podsOf('b-')[3]!.metadata.name));
    t.act((c) => c.stopComponent('etcd'));
    while (t.cluster.isUp('etcd')) t.advance(50);
    t.act((c) => c.stopKubelet('minikube-m02')).advance('57s');
    t.act((c) => c.startComponent('etcd'));
    while (!t.cluster.isUp('etcd')) t.advance(50);
    t.act((c) => c.startKubelet('minikube-m02')).advance('5m');
    const pods = t.podsOf('b-').filter((p) => p.spec.nodeName === 'minikube-m02');
    expect(pods.length).toBeGreaterThan(0);
    for (const p of pods) expect(isPodReady(p), p.metadata.name).toBe(true);
  });

  it('a binding refused by a kube-apiserver that died meanwhile is forgotten, and the pod bound later', () => {
    const t = TestCluster.ready({ nodes: 1 });
    const sim = t.cluster.sim;
    const from = sim.trace.length;
    t.apply(makePod('late').build());
    const binding = runUntilSent(
      t,
      from,
      (m) => m.from === 'kube-scheduler' && m.summary.includes('/binding'),
    );
    // The process dies with the binding in the air.
    apiServerProcess(t, false);
    t.advance('5s');
    expect(sim.undelivered(binding.id)).toBe(true);
    apiServerProcess(t, true);
    t.advance('60s');
    const pod = t.cluster.get('Pod', 'default', 'late');
    expect(pod?.spec.nodeName).toBe('minikube');
    expect(pod?.status.phase).toBe('Running');
  });

  it('a ReplicaSet whose pod creates kube-apiserver never answered still reaches its replicas after an outage', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('web', 1)).advance('30s');
    const sim = t.cluster.sim;
    const from = sim.trace.length;
    t.act((c) => c.scale('Deployment', 'default', 'web', 4));
    const creates = () => [...sim.trace].slice(from).filter(isControllerPodCreate);
    runUntilSent(t, from, isControllerPodCreate);
    // The process dies with the creates in the air.
    apiServerProcess(t, false);
    t.advance('20s');
    expect(creates().every((m) => sim.undelivered(m.id))).toBe(true);
    apiServerProcess(t, true);
    t.advance('90s');
    expect(runningPods(t, 'web-')).toHaveLength(4);
  });

  it('an Event refused while kube-apiserver is down is written once it is back (12 tries, 10 s apart)', () => {
    const t = TestCluster.ready({ nodes: 1 });
    const sim = t.cluster.sim;
    const from = sim.trace.length;
    t.apply(makePod('late').build());
    runUntilSent(t, from, (m) => m.from === 'kube-scheduler' && m.summary.includes('/binding'));
    // kube-apiserver's process dies once the pod is bound: kubelet's Events about it are refused.
    t.cluster.run(20);
    apiServerProcess(t, false);
    t.advance('30s');
    const fromKubelet = () =>
      t
        .events((e) => e.source?.component === 'kubelet' && e.involvedObject.name === 'late')
        .map((e) => e.reason);
    expect(fromKubelet()).toEqual([]);
    apiServerProcess(t, true);
    t.advance('30s');
    expect(fromKubelet()).toEqual(expect.arrayContaining(['Created', 'Started']));
  });

  it('kube-scheduler’s events.k8s.io Event refused by a kube-apiserver that died is written once it is back', () => {
    const t = TestCluster.ready({ nodes: 1 });
    const sim = t.cluster.sim;
    const from = sim.trace.length;
    t.apply(makePod('late').build());
    const write = runUntilSent(
      t,
      from,
      (m) => m.from === 'kube-scheduler' && m.summary.startsWith('POST /apis/events.k8s.io'),
    );
    apiServerProcess(t, false);
    t.advance('30s');
    const scheduled = () => t.events((e) => e.reason === 'Scheduled' && e.involvedObject.name === 'late');
    expect(sim.undelivered(write.id)).toBe(true);
    expect(scheduled()).toHaveLength(0);
    apiServerProcess(t, true);
    t.advance('30s');
    expect(scheduled()).toHaveLength(1);
  });

  it('a kubelet started while kube-apiserver is down syncs its pods once kube-apiserver is back', () => {
    const t = TestCluster.ready({ nodes: 2 });
    t.act((c) => c.stopKubelet('minikube-m02')).advance('1s');
    t.act((c) => c.stopComponent('kube-apiserver')).advance('2s');
    t.act((c) => c.startKubelet('minikube-m02')).advance('10s');
    t.act((c) => c.startComponent('kube-apiserver')).advance('60s');
    t.apply(makePod('pinned').nodeSelector({ 'kubernetes.io/hostname': 'minikube-m02' }).build()).advance(
      '30s',
    );
    expect(t.cluster.get('Pod', 'default', 'pinned')?.status.phase).toBe('Running');
  });

  it('refuses what the architecture forbids: a kubelet changing another node', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const other = t.cluster.get('Node', undefined, 'minikube')!;
    let error = '';
    t.cluster.api.request(
      'kubelet/minikube-m02' as never,
      { verb: 'update', kind: 'Node', object: { ...other, spec: { ...other.spec, unschedulable: true } } },
      (r) => {
        error = r.ok ? '' : r.error.message;
      },
    );
    t.advance('1s');
    expect(error).toMatch(
      /^nodes "minikube" is forbidden: User "system:node:minikube-m02" cannot update resource "nodes"/,
    );
    expect(() =>
      t.cluster.sim.send(
        'kube-scheduler' as never,
        'etcd' as never,
        { kind: 'etcd', summary: 'x' },
        () => {},
      ),
    ).toThrow(/no route/);
  });
});

describe('Services', () => {
  it('lists ready pods in an EndpointSlice, programs kube-proxy on every node, and carries traffic to a backend', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makeDeployment('web', 2), makeService('web', { app: 'web' }))
      .advance('30s');
    const slice = t.cluster
      .list('EndpointSlice', 'default')
      .find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect(slice.endpoints.filter((e) => e.conditions.ready)).toHaveLength(2);
    const svc = t.cluster.get('Service', 'default', 'web')!;
    expect(svc.spec.clusterIP).toMatch(/^10\.96\./);
    for (const n of t.cluster.nodes) expect(n.proxy.rules.get(`${svc.spec.clusterIP}:80`)).toHaveLength(2);
    let backend = '';
    t.act((c) => c.connect('minikube', 'default', 'web', 80, (b) => (backend = b?.pod ?? 'none'))).advance(
      '1s',
    );
    expect(t.podsOf('web-').map((p) => p.metadata.name)).toContain(backend);
  });

  it('runs kube-proxy as its DaemonSet pod: without it the rules stay but nothing updates them', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makeDeployment('web', 2), makeService('web', { app: 'web' }), makeDeployment('api', 1))
      .advance('30s');
    const reach = (node: string, service: string) => {
      let backend = '';
      t.act((c) => c.connect(node, 'default', service, 80, (b) => (backend = b?.pod ?? 'none'))).advance(
        '1s',
      );
      return backend;
    };
    const starts = () =>
      t.eventsFor('minikube-m02').filter((e) => e.reportingComponent === 'kube-proxy').length;
    const os = (value: string) =>
      t.act((c) =>
        c.patch('Node', undefined, 'minikube-m02', { metadata: { labels: { 'kubernetes.io/os': value } } }),
      );
    expect(starts()).toBe(1);
    // The node no longer matches kube-proxy's node selector: its pod there goes, and no other comes.
    os('windows').advance('40s');
    expect(
      t
        .pods('kube-system')
        .filter((p) => p.metadata.name.startsWith('kube-proxy-') && p.spec.nodeName === 'minikube-m02'),
    ).toEqual([]);
    // The kernel keeps the rules it wrote: traffic still flows from that node.
    expect(t.podsOf('web-').map((p) => p.metadata.name)).toContain(reach('minikube-m02', 'web'));
    // A new Service gets rules only where a kube-proxy runs.
    t.apply(makeService('api', { app: 'api' })).advance('5s');
    const api = t.podsOf('api-').map((p) => p.metadata.name);
    expect(api).toContain(reach('minikube', 'api'));
    expect(reach('minikube-m02', 'api')).toBe('none');
    // Linux again: a new kube-proxy pod, a new process, the rules caught up.
    os('linux').advance('30s');
    expect(starts()).toBe(2);
    expect(api).toContain(reach('minikube-m02', 'api'));
  });

  it.each([
    [
      'the Dashboard addon',
      (t: TestCluster) => t.act((c) => c.enableAddon('dashboard')),
      'kubernetes-dashboard',
    ],
    [
      'a Service applied just after its Deployment',
      (t: TestCluster) =>
        t
          .apply(makeDeployment('web', 3))
          .advance(10)
          .apply(makeService('web', { app: 'web' })),
      'default',
    ],
  ])(
    'keeps one EndpointSlice per Service when pods change while its own create is in flight (%s)',
    (_, act, namespace) => {
      const t = TestCluster.ready();
      act(t).advance('60s');
      const services = t.cluster.list('Service', namespace).filter((s) => s.spec.selector);
      expect(services.length).toBeGreaterThan(0);
      for (const svc of services) {
        const slices = t.cluster
          .list('EndpointSlice', namespace)
          .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
        expect(slices, svc.metadata.name).toHaveLength(1);
        expect(slices[0]!.endpoints.length, svc.metadata.name).toBeGreaterThan(0);
      }
    },
  );

  it('recreates an EndpointSlice someone deleted', () => {
    const t = TestCluster.ready()
      .apply(makeDeployment('web', 2), makeService('web', { app: 'web' }))
      .advance('30s');
    const sliceOf = () =>
      t.cluster
        .list('EndpointSlice', 'default')
        .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    const [first] = sliceOf();
    t.act((c) => c.delete('EndpointSlice', 'default', first!.metadata.name)).advance('5s');
    const after = sliceOf();
    expect(after).toHaveLength(1);
    expect(after[0]!.metadata.name).not.toBe(first!.metadata.name);
    expect(after[0]!.endpoints).toHaveLength(2);
  });

  it('resolves service names through CoreDNS, and stops resolving when CoreDNS is down', () => {
    const t = TestCluster.ready()
      .apply(makeService('api', { app: 'api' }))
      .advance('10s');
    let answer = '';
    t.act((c) =>
      c.resolve('minikube', 'api.default.svc.cluster.local', (a) => (answer = a.ok ? a.ip : a.rcode)),
    ).advance('1s');
    expect(answer).toBe(t.cluster.get('Service', 'default', 'api')!.spec.clusterIP);
    t.act((c) => c.resolve('minikube', 'nope', (a) => (answer = a.ok ? a.ip : a.rcode))).advance('1s');
    expect(answer).toBe('NXDOMAIN');
    t.act((c) => c.stopComponent('coredns'));
    t.act((c) => c.resolve('minikube', 'api', (a) => (answer = a.ok ? a.ip : a.rcode))).advance('10s');
    expect(answer).toBe('TIMEOUT');
  });

  it('answers DNS while a CoreDNS pod runs: not before its first pod, not with its Deployment scaled to 0', () => {
    const t = TestCluster.start();
    expect(t.cluster.coreDns.up).toBe(false);
    t.advance('60s');
    expect(t.cluster.coreDns.up).toBe(true);
    const ask = () => {
      let answer = '';
      t.act((c) => c.resolve('minikube', 'kubernetes', (a) => (answer = a.ok ? a.ip : a.rcode))).advance(
        '10s',
      );
      return answer;
    };
    expect(ask()).toBe('10.96.0.1');
    t.act((c) => c.scale('Deployment', 'kube-system', 'coredns', 0)).advance('40s');
    expect(t.pods('kube-system').filter((p) => p.metadata.name.startsWith('coredns-'))).toEqual([]);
    expect(ask()).toBe('TIMEOUT');
    t.act((c) => c.scale('Deployment', 'kube-system', 'coredns', 1)).advance('20s');
    expect(ask()).toBe('10.96.0.1');
  });

  it('sends CoreDNS’s answer back the way the query came, to the asking pod', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makeService('api', { app: 'api' }))
      .advance('10s');
    const ip = t.cluster.get('Service', 'default', 'api')!.spec.clusterIP!;
    const from = t.cluster.sim.trace.length;
    let answeredAt = -1;
    t.act((c) =>
      c.resolve('minikube-m02', 'api.default.svc.cluster.local', () => (answeredAt = c.now)),
    ).advance('1s');
    const hops = t.cluster.sim.trace
      .slice(from)
      .filter((m) => m.kind === 'traffic')
      .map((m) => `${m.from} → ${m.to}: ${m.summary}`);
    expect(hops).toEqual([
      'pods/minikube-m02 → kube-proxy/minikube-m02: DNS query api.default.svc.cluster.local → 10.96.0.10:53',
      'kube-proxy/minikube-m02 → coredns: DNS query api.default.svc.cluster.local',
      `coredns → kube-proxy/minikube-m02: DNS answer api.default.svc.cluster.local: A ${ip}`,
      `kube-proxy/minikube-m02 → pods/minikube-m02: DNS answer api.default.svc.cluster.local: A ${ip} (from 10.96.0.10)`,
    ]);
    // The resolver hears the answer when that last message arrives.
    const last = t.cluster.sim.trace.filter((m) => m.summary.endsWith('(from 10.96.0.10)')).at(-1)!;
    expect(answeredAt).toBe(last.deliverAt);
  });
});

describe('the API', () => {
  it('writes compare-and-swap in etcd: of two racing writes, a stale update is refused and a status update is redone', () => {
    const t = TestCluster.ready();
    const node = t.cluster.get('Node', undefined, 'minikube')!;
    const results: string[] = [];
    const note = (what: string) => (r: ApiResult) => results.push(`${what}: ${r.ok ? 'ok' : r.error.reason}`);
    // Both are checked against the same stored Node; the first to reach etcd wins the swap.
    t.act((c) => {
      c.api.request(
        'kubectl' as never,
        {
          verb: 'update',
          kind: 'Node',
          object: { ...node, metadata: { ...node.metadata, labels: { a: '1' } } },
        },
        note('label a'),
      );
      c.api.request(
        'kubectl' as never,
        {
          verb: 'update',
          kind: 'Node',
          object: { ...node, metadata: { ...node.metadata, labels: { b: '1' } } },
        },
        note('label b'),
      );
      c.api.request(
        'kubectl' as never,
        {
          verb: 'updateStatus',
          kind: 'Node',
          object: {
            ...node,
            metadata: { ...node.metadata, resourceVersion: '' },
            status: { ...node.status, images: [] },
          },
        },
        note('status'),
      );
    }).advance('1s');
    expect(results).toEqual(['label a: ok', 'label b: Conflict', 'status: ok']);
    const stored = t.cluster.get('Node', undefined, 'minikube')!;
    expect(stored.metadata.labels).toEqual({ a: '1' });
    expect(stored.status.images).toEqual([]);
  });

  it.each([
    [
      makePod('Bad_Name').build(),
      /^Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    ],
    [
      { ...makePod('noimage').build(), spec: { containers: [{ name: 'c', image: '' }] } },
      /^Pod "noimage" is invalid: spec.containers\[0\].image: Required value$/,
    ],
    [
      { ...makeDeployment('neg', 1), spec: { ...makeDeployment('neg', 1).spec, replicas: -1 } },
      /spec.replicas: Invalid value: -1: must be greater than or equal to 0/,
    ],
    [
      makePod('q').requests({ cpu: 'lots' }).build(),
      /spec.containers\[0\].resources.requests\[cpu\]: Invalid value: "lots"/,
    ],
    [makePod('elsewhere').namespace('nope').build(), /^namespaces "nope" not found$/],
  ])('refuses bad objects with the real message (%#)', (object, message) => {
    const t = TestCluster.ready();
    const before = t.cluster.etcd.revision;
    let error = '';
    t.act((c) => c.apply(object, (r) => (error = r.ok ? '' : r.error.message))).advance('10ms');
    expect(error).toMatch(message);
    expect(t.cluster.list('Pod', 'default')).toHaveLength(0);
    expect(
      t.cluster.etcd.changes.filter((ch) => ch.revision > before && ch.key.includes('/default/')),
    ).toEqual([]);
  });

  it('adds the default 300 s not-ready and unreachable tolerations to every pod', () => {
    const t = TestCluster.ready().apply(makePod('p').build()).advance('1s');
    expect(t.cluster.get('Pod', 'default', 'p')?.spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('keeps an Event for an hour after its last write (--event-ttl), then etcd drops it and the watchers hear', () => {
    const t = TestCluster.ready().apply(makePod('p').build()).advance('30s');
    const scheduled = () => t.eventsFor('p').find((e) => e.reason === 'Scheduled');
    const event = scheduled()!;
    expect(event).toBeDefined();
    const watched: string[] = [];
    t.cluster.api.watch({
      watcher: 'kubectl' as never,
      kind: 'Event',
      onEvent: (type, o) => watched.push(`${type} ${o.metadata.name}`),
    });
    t.advance('59m');
    expect(scheduled()).toBeDefined();
    t.advance('2m');
    expect(scheduled()).toBeUndefined();
    expect(watched).toContain(`DELETED ${event.metadata.name}`);
    // etcd dropped it on its own (no request caused it) and told kube-apiserver with a message.
    const change = t.cluster.etcd.changes.findLast((c) => c.key.endsWith(`/${event.metadata.name}`))!;
    expect(change.value).toBeNull();
    expect(change.messageId).toBeNull();
    const writtenAt = Math.floor(Date.parse(event.eventTime!)) - RUN_EPOCH_MS;
    expect(change.time - writtenAt).toBeGreaterThanOrEqual(3_600_000);
    expect(change.time - writtenAt).toBeLessThan(3_601_000);
    expect(
      t.cluster.sim.trace.some(
        (m) =>
          m.from === 'etcd' &&
          m.to === 'kube-apiserver' &&
          m.summary.endsWith(`${event.metadata.name} (lease expired)`),
      ),
    ).toBe(true);
  });

  it('refuses an update made from a stale resourceVersion with 409 Conflict', () => {
    const t = TestCluster.ready().apply(makeDeployment('c', 1)).advance('10s');
    const stale = t.cluster.get('Deployment', 'default', 'c')!;
    t.act((c) => c.scale('Deployment', 'default', 'c', 2)).advance('1s');
    let error = '';
    t.cluster.api.request(
      'kubectl' as never,
      { verb: 'update', kind: 'Deployment', object: { ...stale, spec: { ...stale.spec, replicas: 3 } } },
      (r) => (error = r.ok ? '' : r.error.message),
    );
    t.advance('1s');
    expect(error).toBe(
      'Operation cannot be fulfilled on deployments "c": the object has been modified; please apply your changes to the latest version and try again',
    );
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const t = TestCluster.ready({ nodes: 3, seed, checkInvariants: false })
      .apply(makeDeployment('n', 5))
      .advance('60s');
    t.act((c) => c.stopKubelet('minikube-m03')).advance('120s');
    return JSON.stringify(t.cluster.sim.trace);
  };

  it('gives the same trace for the same seed, byte for byte, and another for another seed', () => {
    const a = run(42);
    expect(run(42)).toBe(a);
    expect(run(43)).not.toBe(a);
  });
});

describe('the reference run', () => {
  it('has a stable trace hash for a seed', () => {
    const a = referenceRun(42);
    expect(referenceRun(42)).toEqual(a);
    expect(a.messages).toBeGreaterThan(500);
  });
});

describe('pod ranges (node-ipam-controller)', () => {
  const etcdValues = (t: TestCluster, key: string) =>
    t.cluster.etcd.changes.filter((c) => c.key === key).map((c) => c.value as Node | null);

  it('kubelet registers its Node without a range; kube-controller-manager PATCHes one in and kubelet hands it to the runtime', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('web', 4)).advance('30s');
    for (const [name, cidr] of [
      ['minikube', '10.244.0.0/24'],
      ['minikube-m02', '10.244.1.0/24'],
    ] as const) {
      const [registered] = etcdValues(t, `/registry/minions/${name}`);
      expect(registered!.spec.podCIDR).toBeUndefined();
      expect(t.cluster.get('Node', undefined, name)!.spec).toMatchObject({ podCIDR: cidr, podCIDRs: [cidr] });
      const trace = t.cluster.sim.trace;
      // node-ipam-controller's PATCH comes first; node-lifecycle-controller PATCHes taints later.
      const patch = trace.filter(
        (m) => m.from === 'kube-controller-manager' && m.summary === `PATCH /api/v1/nodes/${name}`,
      );
      expect(patch.length).toBeGreaterThanOrEqual(1);
      const update = trace.filter(
        (m) => m.from === `kubelet/${name}` && m.summary === `UpdateRuntimeConfig podCIDR=${cidr}`,
      );
      expect(update).toHaveLength(1);
      expect(update[0]!.sentAt).toBeGreaterThan(patch[0]!.sentAt);
      expect(t.cluster.node(name).runtime.podCidr).toBe(cidr);
    }
    // Pod IPs come from the node's range; host-network pods have the node's own address.
    for (const p of t.podsOf('web-'))
      expect(p.status.podIP!.startsWith(p.spec.nodeName === 'minikube' ? '10.244.0.' : '10.244.1.')).toBe(
        true,
      );
    expect(t.cluster.get('Pod', 'kube-system', 'storage-provisioner')!.status.podIP).toBe('192.168.49.2');
    expect(t.violations).toEqual([]);
  });

  it('a node that joins while kube-controller-manager is down stays NotReady until it gets a range', () => {
    const t = TestCluster.ready({ nodes: 2, offAtBoot: ['minikube-m02'] });
    t.act((c) => c.stopComponent('kube-controller-manager'))
      .advance('1s')
      .act((c) => c.startNode('minikube-m02'))
      .advance('30s');
    expect(t.cluster.get('Node', undefined, 'minikube-m02')!.spec.podCIDR).toBeUndefined();
    expect(t.nodeReady('minikube-m02')).toBe('False');
    t.act((c) => c.startComponent('kube-controller-manager')).advance('15s');
    expect(t.cluster.get('Node', undefined, 'minikube-m02')!.spec.podCIDR).toBe('10.244.1.0/24');
    expect(t.nodeReady('minikube-m02')).toBe('True');
  });

  it('gives a new node the next range, not the one a removed node just freed (cidrset round-robin)', () => {
    const t = TestCluster.ready({ nodes: 3 });
    expect(t.cluster.removeNode('minikube-m03')).toBe(true);
    t.advance('10s');
    const added = t.cluster.addNode();
    t.advance('30s');
    expect(t.cluster.get('Node', undefined, added)!.spec.podCIDR).toBe('10.244.3.0/24');
    expect(t.nodeReady(added)).toBe('True');
  });
});

describe('nodes coming and going', () => {
  it('a node kept off at boot joins when started, with its own size', () => {
    const t = TestCluster.ready({
      nodes: 3,
      offAtBoot: ['minikube-m03'],
      nodeSizes: { 'minikube-m03': { cpu: '8', memory: '16Gi' } },
    });
    expect(t.nodeReady('minikube-m02')).toBe('True');
    expect(t.cluster.get('Node', undefined, 'minikube-m03')).toBeUndefined();
    t.act((c) => c.startNode('minikube-m03')).advance('20s');
    expect(t.nodeReady('minikube-m03')).toBe('True');
    expect(t.cluster.get('Node', undefined, 'minikube-m03')?.status.capacity?.cpu).toBe('8');
    expect(t.cluster.get('Node', undefined, 'minikube-m02')?.status.capacity?.cpu).toBe('2');
  });

  it('a node that loses power comes back with its pods restarted', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('p', 2)).advance('30s');
    const onM02 = t.podsOf('p-').filter((p) => p.spec.nodeName === 'minikube-m02');
    expect(onM02.length).toBeGreaterThan(0);
    t.act((c) => c.stopNode('minikube-m02')).advance('20s');
    expect(t.cluster.node('minikube-m02').runtime.containers.size).toBe(0);
    t.act((c) => c.startNode('minikube-m02')).advance('60s');
    expect(t.nodeReady('minikube-m02')).toBe('True');
    for (const p of onM02)
      expect(t.cluster.get('Pod', 'default', p.metadata.name)?.status.phase).toBe('Running');
    expect(
      t.cluster
        .node('minikube-m02')
        .runtime.containersOf(onM02[0]!.metadata.uid)
        .map((c) => c.state),
    ).toEqual(['running']);
  });

  it('`minikube node delete` removes the Node; pod GC clears its pods and their ReplicaSet replaces them', () => {
    const t = TestCluster.ready({ nodes: 3 }).apply(makeDeployment('q', 3)).advance('30s');
    expect(t.cluster.removeNode('minikube')).toBe(false);
    expect(t.cluster.removeNode('minikube-m03')).toBe(true);
    t.advance('90s');
    expect(t.cluster.get('Node', undefined, 'minikube-m03')).toBeUndefined();
    const pods = runningPods(t, 'q-');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.nodeName !== 'minikube-m03')).toBe(true);
    expect(t.violations).toEqual([]);
  });

  it('a node deleted while kube-controller-manager is down: pod GC finds its pods once it runs again', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('q', 2)).advance('30s');
    t.act((c) => c.stopComponent('kube-controller-manager')).advance('2s');
    expect(t.cluster.removeNode('minikube-m02')).toBe(true);
    t.advance('10s').act((c) => c.startComponent('kube-controller-manager'));
    // It looks for orphans every 20 s and waits out the 40 s quarantine; then the ReplicaSet replaces them.
    t.advance('90s');
    const pods = runningPods(t, 'q-');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.spec.nodeName === 'minikube')).toBe(true);
  });
});

describe('addons', () => {
  it('has no Dashboard until it is enabled, and none again once disabled', () => {
    const t = TestCluster.ready();
    expect(t.cluster.addons.get('dashboard')).toBe(false);
    expect(t.pods('kubernetes-dashboard')).toHaveLength(0);
    expect(t.cluster.dashboard.up).toBe(false);
    t.act((c) => c.enableAddon('dashboard')).advance('60s');
    const names = t.pods('kubernetes-dashboard').map((p) => p.metadata.name);
    expect(names.some((n) => n.startsWith('kubernetes-dashboard-'))).toBe(true);
    expect(names.some((n) => n.startsWith('dashboard-metrics-scraper-'))).toBe(true);
    expect(t.pods('kubernetes-dashboard').every((p) => p.status.phase === 'Running')).toBe(true);
    expect(t.cluster.dashboard.up).toBe(true);
    expect(t.cluster.sim.trace.some((m) => m.to === 'dashboard' && m.kind === 'watch')).toBe(true);
    t.act((c) => c.disableAddon('dashboard')).advance('60s');
    expect(t.pods('kubernetes-dashboard')).toHaveLength(0);
    expect(t.cluster.dashboard.up).toBe(false);
  });

  it('starts the Dashboard web UI (its list and watches) only once its container runs on a node', () => {
    const t = TestCluster.ready();
    t.act((c) => c.enableAddon('dashboard')).advance('2s');
    // The objects are applied, but the pod is still being scheduled and its image pulled.
    expect(t.cluster.dashboard.up).toBe(false);
    expect(t.cluster.sim.trace.some((m) => m.from === 'dashboard')).toBe(false);
    t.advance('60s');
    expect(t.cluster.dashboard.up).toBe(true);
    const uiContainer = () =>
      t.cluster.nodes
        .flatMap((n) => [...n.runtime.containers.values()])
        .find(
          (c) =>
            c.podNamespace === 'kubernetes-dashboard' &&
            c.name === 'kubernetes-dashboard' &&
            c.state === 'running',
        )!;
    const lists = () =>
      t.cluster.sim.trace.filter((m) => m.from === 'dashboard' && m.summary === 'GET /api/v1/pods');
    const first = uiContainer();
    expect(lists()).toHaveLength(1);
    expect(lists()[0]!.sentAt).toBeGreaterThanOrEqual(first.startedAt!);
    // Its pod replaced, the process ends with its container; the new container's process lists afresh.
    const pod = t
      .pods('kubernetes-dashboard')
      .find((p) => p.metadata.name.startsWith('kubernetes-dashboard-'))!;
    t.act((c) => c.delete('Pod', 'kubernetes-dashboard', pod.metadata.name)).advance('60s');
    expect(t.cluster.dashboard.up).toBe(true);
    const second = uiContainer();
    expect(second.id).not.toBe(first.id);
    expect(lists()).toHaveLength(2);
    expect(lists()[1]!.sentAt).toBeGreaterThanOrEqual(second.startedAt!);
  });
});

describe('a node that stops reporting', () => {
  it('has its pods marked not ready, so the Service stops sending them traffic', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makeDeployment('web', 4), makeService('web', { app: 'web' }))
      .advance('40s');
    const onM02 = t
      .podsOf('web-')
      .filter((p) => p.spec.nodeName === 'minikube-m02')
      .map((p) => p.metadata.name);
    expect(onM02.length).toBeGreaterThan(0);
    t.act((c) => c.stopKubelet('minikube-m02')).advance('70s');
    for (const name of onM02) {
      const pod = t.cluster.get('Pod', 'default', name)!;
      expect(pod.status.phase).toBe('Running');
      expect(pod.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    }
    const notReady = t.events((e) => e.reason === 'NodeNotReady' && e.involvedObject.name.startsWith('web-'));
    expect(notReady.map((e) => e.involvedObject.name).sort()).toEqual([...onM02].sort());
    // Upstream's node lifecycle controller records as `node-controller` (its recorder's EventSource).
    const nodeEvents = t.events((e) => e.reason === 'NodeNotReady' || e.reason === 'RegisteredNode');
    expect(nodeEvents.some((e) => e.involvedObject.kind === 'Node' && e.reason === 'NodeNotReady')).toBe(
      true,
    );
    expect(new Set(nodeEvents.map((e) => e.source.component))).toEqual(new Set(['node-controller']));
    const ip = t.cluster.get('Service', 'default', 'web')!.spec.clusterIP!;
    const backends = t.cluster.node('minikube').proxy.rules.get(`${ip}:80`)!;
    expect(backends.every((b) => b.node === 'minikube')).toBe(true);
    expect(backends.length).toBe(4 - onM02.length);
    // The kubelet returns before the 300 s eviction: its pods are Ready and served again.
    t.act((c) => c.startKubelet('minikube-m02')).advance('30s');
    for (const name of onM02) expect(isPodReady(t.cluster.get('Pod', 'default', name)!)).toBe(true);
    expect(t.cluster.node('minikube').proxy.rules.get(`${ip}:80`)).toHaveLength(4);
  });
});
