import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { makeDeployment, makePod } from '../testing/builders';

const running = (t: TestCluster, pod: string) =>
  t.cluster
    .node('minikube')
    .runtime.containersOf(pod)
    .filter((c) => c.state === 'running');

const mirror = (t: TestCluster, pod: string) => t.cluster.get('Pod', 'kube-system', pod);

describe('static pods (/etc/kubernetes/manifests)', () => {
  it('a manifest moved out stops the component with its container and deletes the mirror pod', () => {
    const t = TestCluster.ready({ nodes: 2 });
    expect(running(t, 'kube-scheduler-minikube')).toHaveLength(1);
    expect(mirror(t, 'kube-scheduler-minikube')?.status.phase).toBe('Running');
    t.act((c) => c.stopComponent('kube-scheduler')).advance('3s');
    expect(t.cluster.isUp('kube-scheduler')).toBe(false);
    expect(running(t, 'kube-scheduler-minikube')).toHaveLength(0);
    expect(mirror(t, 'kube-scheduler-minikube')).toBeUndefined();
    const killing = t.eventsFor('kube-scheduler-minikube').find((e) => e.reason === 'Killing');
    expect(killing?.message).toBe('Stopping container kube-scheduler');
    expect(killing?.involvedObject.fieldPath).toBe('spec.containers{kube-scheduler}');
    // The trace shows kubelet stopping the container through its runtime.
    const summaries = t.cluster.sim.trace.filter((m) => m.object?.name === 'kube-scheduler-minikube');
    expect(summaries.map((m) => m.summary)).toContain('StopContainer kube-scheduler');
    // The other components keep running.
    expect(running(t, 'kube-controller-manager-minikube')).toHaveLength(1);
    expect(t.cluster.isUp('kube-controller-manager')).toBe(true);
    expect(t.violations).toEqual([]);
  });

  it('moved back, the pod starts again: a new container, a new mirror pod, and scheduling resumes', () => {
    const t = TestCluster.ready({ nodes: 2 });
    const before = mirror(t, 'kube-scheduler-minikube')!;
    t.act((c) => c.stopComponent('kube-scheduler')).advance('3s');
    t.apply(makeDeployment('late', 2)).advance('10s');
    expect(t.podsOf('late-').every((p) => !p.spec.nodeName)).toBe(true);
    t.act((c) => c.startComponent('kube-scheduler')).advance('1s');
    expect(t.cluster.isUp('kube-scheduler')).toBe(true);
    const after = mirror(t, 'kube-scheduler-minikube')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status.phase).toBe('Running');
    const status = after.status.containerStatuses![0]!;
    expect(status.restartCount).toBe(0);
    expect(status.containerID).not.toBe(before.status.containerStatuses![0]!.containerID);
    expect(status.containerID).toBe(
      t.cluster.node('minikube').runtime.qualified(running(t, 'kube-scheduler-minikube')[0]!.id),
    );
    expect(Date.parse(status.state.running!.startedAt)).toBeGreaterThan(
      Date.parse(before.status.containerStatuses![0]!.state.running!.startedAt),
    );
    expect(
      t
        .eventsFor('kube-scheduler-minikube')
        .filter((e) => e.reason !== 'Killing')
        .map((e) => e.reason),
    ).toEqual(['Pulled', 'Created', 'Started']);
    t.advance('30s');
    expect(t.podsOf('late-').filter((p) => p.status.phase === 'Running')).toHaveLength(2);
    expect(t.violations).toEqual([]);
  });

  it('kube-apiserver stopped: its mirror pod cannot be deleted, and is updated when it is back', () => {
    const t = TestCluster.ready();
    const before = mirror(t, 'kube-apiserver-minikube')!;
    t.act((c) => c.stopComponent('kube-apiserver')).advance('10s');
    expect(t.cluster.isUp('kube-apiserver')).toBe(false);
    expect(running(t, 'kube-apiserver-minikube')).toHaveLength(0);
    let answered = false;
    t.act((c) => c.apply(makePod('nope').build(), () => (answered = true))).advance('5s');
    expect(answered).toBe(false);
    // The mirror pod is still in etcd: nobody could delete it.
    expect(mirror(t, 'kube-apiserver-minikube')?.metadata.uid).toBe(before.metadata.uid);
    t.act((c) => c.startComponent('kube-apiserver')).advance('5s');
    expect(t.cluster.isUp('kube-apiserver')).toBe(true);
    const after = mirror(t, 'kube-apiserver-minikube')!;
    expect(after.status.containerStatuses![0]!.containerID).toBe(
      t.cluster.node('minikube').runtime.qualified(running(t, 'kube-apiserver-minikube')[0]!.id),
    );
    t.apply(makePod('yes').build()).advance('30s');
    expect(t.cluster.get('Pod', 'default', 'yes')?.status.phase).toBe('Running');
    expect(t.violations).toEqual([]);
  });

  it('etcd stopped: writes fail until its manifest is back, then the mirror pod shows the new container', () => {
    const t = TestCluster.ready();
    t.act((c) => c.stopComponent('etcd')).advance('5s');
    expect(t.cluster.isUp('etcd')).toBe(false);
    expect(mirror(t, 'etcd-minikube')).toBeDefined();
    t.act((c) => c.startComponent('etcd')).advance('5s');
    expect(mirror(t, 'etcd-minikube')!.status.containerStatuses![0]!.containerID).toBe(
      t.cluster.node('minikube').runtime.qualified(running(t, 'etcd-minikube')[0]!.id),
    );
    t.apply(makePod('after').build()).advance('30s');
    expect(t.cluster.get('Pod', 'default', 'after')?.status.phase).toBe('Running');
  });

  it('with kubelet stopped a moved manifest changes nothing until kubelet starts', () => {
    const t = TestCluster.ready();
    t.act((c) => c.stopKubelet('minikube'))
      .act((c) => c.stopComponent('kube-controller-manager'))
      .advance('10s');
    expect(running(t, 'kube-controller-manager-minikube')).toHaveLength(1);
    expect(t.cluster.isUp('kube-controller-manager')).toBe(true);
    t.act((c) => c.startKubelet('minikube')).advance('5s');
    expect(running(t, 'kube-controller-manager-minikube')).toHaveLength(0);
    expect(t.cluster.isUp('kube-controller-manager')).toBe(false);
    expect(mirror(t, 'kube-controller-manager-minikube')).toBeUndefined();
  });

  it('a kubelet restarted while it starts a static pod starts it again', () => {
    const t = TestCluster.ready();
    t.act((c) => c.stopComponent('kube-scheduler')).advance('5s');
    t.act((c) => c.startComponent('kube-scheduler')).advance(200);
    t.act((c) => {
      c.stopKubelet('minikube');
      c.startKubelet('minikube');
    }).advance('5s');
    expect(running(t, 'kube-scheduler-minikube')).toHaveLength(1);
    expect(t.cluster.isUp('kube-scheduler')).toBe(true);
    expect(mirror(t, 'kube-scheduler-minikube')?.status.phase).toBe('Running');
  });

  it('moving a manifest that is not there does nothing', () => {
    const t = TestCluster.ready();
    expect(t.cluster.moveManifest('kube-scheduler', true)).toBe(false);
    expect(t.cluster.moveManifest('kube-scheduler', false)).toBe(true);
    expect(t.cluster.moveManifest('kube-scheduler', false)).toBe(false);
  });

  it('the control-plane node powered off and on: kubelet starts every static pod again', () => {
    const t = TestCluster.ready({ nodes: 2 });
    t.act((c) => c.stopNode('minikube')).advance('1s');
    expect(t.cluster.isUp('kube-apiserver')).toBe(false);
    expect(t.cluster.isUp('kube-scheduler')).toBe(false);
    t.act((c) => c.startNode('minikube')).advance('60s');
    for (const c of ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager'] as const)
      expect(t.cluster.isUp(c)).toBe(true);
    t.apply(makePod('back').build()).advance('30s');
    expect(t.cluster.get('Pod', 'default', 'back')?.status.phase).toBe('Running');
  });

  it('moved back onto a full node, the static pod preempts an ordinary pod to fit (CriticalPodAdmissionHandler)', () => {
    const t = TestCluster.ready({ nodes: 1 });
    // kube-controller-manager's 200m go free while its manifest is out; a 700m pod takes them.
    t.act((c) => c.stopComponent('kube-controller-manager')).advance('3s');
    t.apply(makePod('small').requests({ cpu: '100m', memory: '64Mi' }).build());
    t.apply(makePod('big').requests({ cpu: '700m', memory: '64Mi' }).build());
    t.apply(makePod('small2').requests({ cpu: '100m', memory: '64Mi' }).build());
    t.apply(makePod('mid').requests({ cpu: '500m', memory: '64Mi' }).build()).advance('20s');
    // The rest of the control plane and CoreDNS request 550m, these pods 1400m: 50m left of 2 CPUs.
    expect(t.pods().map((p) => [p.metadata.name, p.status.phase])).toEqual([
      ['big', 'Running'],
      ['mid', 'Running'],
      ['small', 'Running'],
      ['small2', 'Running'],
    ]);
    const startedAt = new Map(
      t.pods().map((p) => [p.metadata.name, p.status.containerStatuses![0]!.state.running!.startedAt]),
    );
    t.act((c) => c.startComponent('kube-controller-manager')).advance('10s');
    // 150m are missing: 100m would not do, 500m and 700m would, and the smaller of those goes.
    const failed = t.pods().filter((p) => p.status.phase === 'Failed');
    expect(failed.map((p) => p.metadata.name)).toEqual(['mid']);
    const victim = failed[0]!;
    expect(victim.status).toMatchObject({
      reason: 'Preempting',
      message: 'Preempted in order to admit critical pod',
    });
    // DisruptionTarget first; a terminal pod is not ready for the reason PodFailed, its sandbox gone.
    expect(victim.status.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['DisruptionTarget', 'True', 'TerminationByKubelet'],
      ['PodReadyToStartContainers', 'False', undefined],
      ['Initialized', 'True', undefined],
      ['Ready', 'False', 'PodFailed'],
      ['ContainersReady', 'False', 'PodFailed'],
      ['PodScheduled', 'True', undefined],
    ]);
    // The container ran from its start until the kill.
    const ended = victim.status.containerStatuses![0]!.state.terminated!;
    expect(ended.startedAt).toBe(startedAt.get('mid'));
    expect(Date.parse(ended.finishedAt!)).toBeGreaterThan(Date.parse(ended.startedAt!));
    expect(t.eventsFor(victim.metadata.name).map((e) => [e.type, e.reason])).toContainEqual([
      'Warning',
      'Preempting',
    ]);
    expect(running(t, victim.metadata.uid)).toHaveLength(0);
    expect(mirror(t, 'kube-controller-manager-minikube')?.status.phase).toBe('Running');
    expect(t.violations).toEqual([]);
  });

  it('a preempted pod reports how its container ended: a shell killed when the grace period ran out exits 137', () => {
    const t = TestCluster.ready({ nodes: 1 });
    t.act((c) => c.stopComponent('kube-controller-manager')).advance('3s');
    t.apply(makePod('big').requests({ cpu: '800m', memory: '64Mi' }).build());
    t.apply(
      makePod('shell')
        .image('busybox:1.36')
        .args('sleep', '3600')
        .requests({ cpu: '600m', memory: '64Mi' })
        .build(),
    ).advance('20s');
    expect(t.pods().map((p) => p.status.phase)).toEqual(['Running', 'Running']);
    t.act((c) => c.startComponent('kube-controller-manager')).advance('10s');
    // sleep as PID 1 ignores SIGTERM: the pod is still being stopped.
    expect(t.pods().find((p) => p.metadata.name === 'shell')!.status.phase).toBe('Running');
    t.advance('30s');
    const victim = t.pods().find((p) => p.metadata.name === 'shell')!;
    expect(victim.status.phase).toBe('Failed');
    expect(victim.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
    expect(mirror(t, 'kube-controller-manager-minikube')?.status.phase).toBe('Running');
    expect(t.violations).toEqual([]);
  });
});
