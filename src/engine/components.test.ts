import { describe, expect, it } from 'vitest';
import type { KubeEvent } from './api/types';
import { isPodReady } from './api/pods';
import { goDuration } from './kubelet/durations';
import { imageSize, PULL_BYTES_PER_MS, PULL_OVERHEAD_MS } from './runtime/images';
import { makeDeployment, makePod, makeService } from './testing/builders';
import { TestCluster } from './testing/testCluster';

describe('container runtime', () => {
  it('pulls one image at a time, each taking its size over the download speed', () => {
    const t = TestCluster.ready({ nodes: 1 });
    t.apply(makePod('a').image('redis:7').build(), makePod('b').image('httpd:2.4').build()).advance('30s');
    const pulled = t.events((e) => e.reason === 'Pulled' && e.message.startsWith('Successfully pulled'));
    expect(pulled).toHaveLength(2);
    const redisMs = PULL_OVERHEAD_MS + Math.round(imageSize('redis:7') / PULL_BYTES_PER_MS);
    const httpdMs = PULL_OVERHEAD_MS + Math.round(imageSize('httpd:2.4') / PULL_BYTES_PER_MS);
    const messages = pulled.map((e) => e.message);
    // The second pull waited for the first: its "including waiting" time is longer than its own pull.
    expect(messages).toContain(
      `Successfully pulled image "redis:7" in ${goDuration(redisMs)} (${goDuration(redisMs)} including waiting). Image size: ${imageSize('redis:7')} bytes.`,
    );
    expect(
      messages.some(
        (m) =>
          m.startsWith(`Successfully pulled image "httpd:2.4" in ${goDuration(httpdMs)} (`) &&
          !m.includes(`(${goDuration(httpdMs)} including`),
      ),
    ).toBe(true);
  });

  it('pulls an image once for pods started together: the queued pulls after it find every layer there', () => {
    const t = TestCluster.ready({ nodes: 1 });
    t.apply(makePod('a').image('redis:7').build(), makePod('b').image('redis:7').build()).advance('30s');
    const fullMs = PULL_OVERHEAD_MS + Math.round(imageSize('redis:7') / PULL_BYTES_PER_MS);
    const messages = t
      .events((e) => e.reason === 'Pulled' && e.message.startsWith('Successfully pulled'))
      .map((e) => e.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(
      `Successfully pulled image "redis:7" in ${goDuration(fullMs)} (${goDuration(fullMs)} including waiting). Image size: ${imageSize('redis:7')} bytes.`,
    );
    // Asked for a moment after the first, it waited for it, then took only the manifest's round trips.
    expect(messages[1]).toMatch(
      new RegExp(
        `^Successfully pulled image "redis:7" in ${goDuration(PULL_OVERHEAD_MS)} \\(5\\.6\\d\\ds including waiting\\)`,
      ),
    );
  });

  it('uses the image already on the node without pulling', () => {
    const t = TestCluster.ready()
      .apply(makePod('first').build())
      .advance('20s')
      .apply(makePod('second').build())
      .advance('10s');
    expect(t.eventsFor('second').map((e) => e.message)).toContain(
      'Container image "nginx:1.27" already present on machine',
    );
  });

  it.each([
    [512, '512ms'],
    [4113, '4.113s'],
    [60_000, '1m0s'],
    [63_200, '1m3.2s'],
  ])('prints %d ms as Go does: %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});

describe('kubelet', () => {
  it('reports the node Ready with the real condition texts', () => {
    const t = TestCluster.ready();
    const conditions = t.cluster.get('Node', undefined, 'minikube')!.status.conditions;
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    expect(t.cluster.get('Lease', 'kube-node-lease', 'minikube')?.spec).toMatchObject({
      holderIdentity: 'minikube',
      leaseDurationSeconds: 40,
    });
  });

  it('rejects a pod bound straight to a node that cannot hold it (OutOfcpu)', () => {
    const t = TestCluster.ready()
      .apply(makePod('direct').onNode('minikube').requests({ cpu: '3' }).build())
      .advance('5s');
    const pod = t.cluster.get('Pod', 'default', 'direct')!;
    expect(pod.status.phase).toBe('Failed');
    expect(pod.status.reason).toBe('OutOfcpu');
    expect(pod.status.message).toBe(
      "Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 750, capacity: 2000",
    );
  });

  it('shows ContainerCreating while the image is pulled, then Running and Ready', () => {
    const t = TestCluster.ready().apply(makePod('slow').image('redis:7').build()).advance('1s');
    expect(
      t.cluster.get('Pod', 'default', 'slow')?.status.containerStatuses?.[0]?.state.waiting?.reason,
    ).toBe('ContainerCreating');
    t.advance('10s');
    const pod = t.cluster.get('Pod', 'default', 'slow')!;
    expect(pod.status.phase).toBe('Running');
    expect(isPodReady(pod)).toBe(true);
    expect(pod.status.podIP).toMatch(/^10\.244\.0\.\d+$/);
  });
});

describe('events', () => {
  it('counts a repeated scheduler event in a series (events.k8s.io), not with a write for each', () => {
    // Parked pods are retried at least every 5 minutes. The first refusal is about the pod as it
    // was created; its PodScheduled condition then changes the pod, so the second refusal is about
    // a new resourceVersion and is a new Event; the third repeats it: a series of 2.
    const t = TestCluster.ready()
      .apply(makePod('stuck').requests({ cpu: '5' }).build())
      .advance('12m');
    const failed = t.eventsFor('stuck').filter((e) => e.reason === 'FailedScheduling');
    expect(failed).toHaveLength(2);
    const [first, second] = failed as [KubeEvent, KubeEvent];
    expect(first.series).toBeUndefined();
    expect(second.series?.count).toBe(2);
    expect(Date.parse(second.series!.lastObservedTime)).toBeGreaterThan(Date.parse(second.eventTime!));
    expect(first.involvedObject.resourceVersion).not.toBe(second.involvedObject.resourceVersion);
    for (const e of failed) {
      expect(e).toMatchObject({
        action: 'Scheduling',
        reportingComponent: 'default-scheduler',
        reportingInstance: 'default-scheduler-minikube',
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
      });
      expect(e.count).toBeUndefined();
      expect(e.eventTime).toMatch(/^2026-01-15T09:\d\d:\d\d\.\d{6}Z$/);
    }
    // Later repeats count up in memory; the 6-minute refresh writes the series.
    t.advance('20m');
    const later = t.eventsFor('stuck').filter((e) => e.reason === 'FailedScheduling');
    expect(later).toHaveLength(2);
    expect(later[1]!.series!.count).toBeGreaterThan(2);
  });

  it("names an Event <object>.<hex nanoseconds>, with the recorder's fields", () => {
    const t = TestCluster.ready().apply(makePod('web').build()).advance('30s');
    const [scheduled, ...kubelet] = t.eventsFor('web');
    expect(scheduled!.reason).toBe('Scheduled');
    expect(scheduled!.action).toBe('Binding');
    expect(scheduled!.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
    // The name's nanoseconds and the eventTime's microseconds are one instant.
    const nanos = BigInt(`0x${scheduled!.metadata.name.slice(4)}`);
    const micro = scheduled!.eventTime!;
    expect(BigInt(Date.parse(micro)) * 1000n + BigInt(Number(micro.slice(23, 26)))).toBe(nanos / 1000n);
    expect(kubelet.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    for (const e of kubelet) {
      expect(e.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
      expect(e).toMatchObject({
        count: 1,
        eventTime: null,
        source: { component: 'kubelet', host: 'minikube' },
        reportingComponent: 'kubelet',
        reportingInstance: 'minikube',
      });
      expect(e.involvedObject.resourceVersion).toMatch(/^\d+$/);
    }
    // The kubelet and kube-proxy refer to their Node by hand: its name as the uid, no apiVersion.
    const starting = t.eventsFor('minikube').filter((e) => e.reason === 'Starting');
    expect(starting.map((e) => [e.reportingComponent, e.involvedObject])).toEqual([
      ['kubelet', { kind: 'Node', name: 'minikube', uid: 'minikube' }],
      ['kube-proxy', { kind: 'Node', name: 'minikube', uid: 'minikube' }],
    ]);
  });
});

describe('EndpointSlices', () => {
  it('copy the Service labels, name an unnamed port "", start at generation 1 and count changes', () => {
    const svc = makeService('web', { app: 'web' });
    svc.metadata.labels = { team: 'shop' };
    const t = TestCluster.ready().apply(svc, makeDeployment('web', 1)).advance('10s');
    const slice = () =>
      t.cluster.list('EndpointSlice', 'default').find((s) => s.metadata.name.startsWith('web-'))!;
    expect(slice().metadata.labels).toMatchObject({ team: 'shop', 'kubernetes.io/service-name': 'web' });
    expect(slice().ports[0]!.name).toBe('');
    const generation = slice().metadata.generation!;
    expect(generation).toBeGreaterThanOrEqual(1);
    t.act((c) => c.scale('Deployment', 'default', 'web', 2)).advance('10s');
    expect(slice().endpoints).toHaveLength(2);
    expect(slice().metadata.generation).toBeGreaterThan(generation);
  });
});

describe('kube-proxy and CoreDNS', () => {
  it('keep rules only for ready endpoints, and refuse a Service with none', () => {
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makeService('empty', { app: 'nobody' }))
      .advance('5s');
    let result = 'pending';
    t.act((c) =>
      c.connect('minikube-m02', 'default', 'empty', 80, (b) => (result = b ? b.ip : 'rejected')),
    ).advance('1s');
    expect(result).toBe('rejected');
    t.apply(makeDeployment('nobody', 1)).advance('2s');
    expect(
      t.cluster
        .node('minikube')
        .proxy.rules.get(`${t.cluster.get('Service', 'default', 'empty')!.spec.clusterIP}:80`),
    ).toEqual([]);
  });

  it.each([
    ['kubernetes', 'default', '10.96.0.1'],
    ['kubernetes.default', 'kube-system', '10.96.0.1'],
    ['kubernetes.default.svc.cluster.local', 'kube-system', '10.96.0.1'],
    ['kube-dns.kube-system.svc.cluster.local', 'default', '10.96.0.10'],
    ['kube-dns', 'default', 'NXDOMAIN'],
  ])('resolves %s from namespace %s to %s', (name, namespace, want) => {
    const t = TestCluster.ready();
    let answer = '';
    t.act((c) => c.resolve('minikube', name, (a) => (answer = a.ok ? a.ip : a.rcode), namespace)).advance(
      '1s',
    );
    expect(answer).toBe(want);
  });
});

describe('informers', () => {
  it('a restarted component lists everything again and does not act twice', () => {
    const t = TestCluster.ready().apply(makeDeployment('r', 2)).advance('30s');
    t.act((c) => c.stopComponent('kube-controller-manager')).advance('5s');
    t.act((c) => c.startComponent('kube-controller-manager')).advance('30s');
    expect(t.podsOf('r-')).toHaveLength(2);
    expect(t.cluster.list('ReplicaSet', 'default')).toHaveLength(1);
  });
});

describe('volumes', () => {
  const withConfigMap = (name: string, configMap: string, optional?: boolean) => {
    const pod = makePod(name).build();
    pod.spec.volumes = [
      { name: 'settings', configMap: { name: configMap, ...(optional ? { optional } : {}) } },
    ];
    pod.spec.containers[0]!.volumeMounts = [{ name: 'settings', mountPath: '/etc/app' }];
    return pod;
  };

  it('a pod whose ConfigMap does not exist waits in ContainerCreating with FailedMount, backing off', () => {
    const t = TestCluster.ready().apply(withConfigMap('waits', 'app-settings')).advance('10s');
    const pod = t.cluster.get('Pod', 'default', 'waits')!;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.podIP).toBeUndefined();
    expect(pod.status.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating');
    const failed = () => t.eventsFor('waits').find((e) => e.reason === 'FailedMount');
    expect(failed()?.message).toBe(
      'MountVolume.SetUp failed for volume "settings" : configmap "app-settings" not found',
    );
    // Tries at 0, 0.5, 1.5, 3.5 and 7.5 s: five in the first 10 s, then ever further apart.
    expect(failed()?.count).toBe(5);
    expect(t.eventsFor('waits').some((e) => e.reason === 'Pulling')).toBe(false);
    t.advance('2m');
    expect(t.eventsFor('waits').some((e) => e.message.startsWith('Unable to attach or mount volumes'))).toBe(
      true,
    );
  });

  it('runs a pod whose ConfigMap exists (kube-root-ca.crt) or is optional', () => {
    const t = TestCluster.ready()
      .apply(withConfigMap('root-ca', 'kube-root-ca.crt'))
      .apply(withConfigMap('optional', 'nothing', true))
      .advance('10s');
    for (const name of ['root-ca', 'optional'])
      expect(t.cluster.get('Pod', 'default', name)?.status.phase).toBe('Running');
  });
});

describe('image pulls', () => {
  it('pulls again under imagePullPolicy Always, quickly when the layers are already there', () => {
    const t = TestCluster.ready()
      .apply(makePod('first').image('nginx').build())
      .advance('10s')
      .apply(makePod('second').image('nginx').build())
      .advance('10s');
    const pulled = (pod: string) => t.eventsFor(pod).find((e) => e.reason === 'Pulled')!.message;
    const took = (pod: string) => /in ([\d.]+m?s) /.exec(pulled(pod))![1];
    expect(took('first')).toBe(
      goDuration(PULL_OVERHEAD_MS + Math.round(imageSize('nginx') / PULL_BYTES_PER_MS)),
    );
    expect(took('second')).toBe(goDuration(PULL_OVERHEAD_MS));
    expect(t.cluster.get('Pod', 'default', 'second')?.status.phase).toBe('Running');
  });
});

describe('image pull failures', () => {
  it('goes ErrImagePull → ImagePullBackOff with back-off 10 s, 20 s, 40 s…, worded as the runtime words it', () => {
    const t = TestCluster.ready().apply(makePod('typo').image('nginx:9.99').build()).advance('3s');
    const state = () => t.cluster.get('Pod', 'default', 'typo')!.status.containerStatuses?.[0]?.state.waiting;
    expect(t.cluster.get('Pod', 'default', 'typo')!.status.phase).toBe('Pending');
    expect(state()?.reason).toBe('ImagePullBackOff');
    expect(state()?.message).toBe(
      'Back-off pulling image "nginx:9.99": ErrImagePull: Error response from daemon: manifest for nginx:9.99 not found: manifest unknown: manifest unknown',
    );
    const messages = t.eventsFor('typo').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(messages).toEqual([
      'Normal Scheduled Successfully assigned default/typo to minikube',
      'Normal Pulling Pulling image "nginx:9.99"',
      'Warning Failed Failed to pull image "nginx:9.99": Error response from daemon: manifest for nginx:9.99 not found: manifest unknown: manifest unknown',
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:9.99"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    // The sandbox runs meanwhile: its IP is reported, and the pod is ready to start containers.
    const backingOff = t.cluster.get('Pod', 'default', 'typo')!.status;
    expect(backingOff.podIP).toMatch(/^10\.244\.0\.\d+$/);
    expect(backingOff.podIPs).toEqual([{ ip: backingOff.podIP }]);
    expect(backingOff.hostIPs).toEqual([{ ip: '192.168.49.2' }]);
    expect(backingOff.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('True');
    // Tries at about 0 s, 10 s, 30 s, 70 s: four pulls in the first 80 s.
    t.advance('77s');
    expect(t.eventsFor('typo').find((e) => e.reason === 'Pulling')?.count).toBe(4);
    // Fixing the image (a new pod) runs fine.
    t.apply(makePod('fixed').image('nginx:1.28').build()).advance('10s');
    expect(t.cluster.get('Pod', 'default', 'fixed')?.status.phase).toBe('Running');
  });

  it('says the repository does not exist, in containerd words', () => {
    const t = TestCluster.ready({ runtime: 'containerd' })
      .apply(makePod('nope').image('myapp:1.0').build())
      .advance('2s');
    expect(
      t
        .eventsFor('nope')
        .some((e) =>
          e.message.includes('pull access denied, repository does not exist or may require authorization'),
        ),
    ).toBe(true);
  });
});

describe('containers that exit', () => {
  it('busybox with no command exits at once and crash-loops: restarts with back-off 0 s, 10 s, 20 s…', () => {
    const t = TestCluster.ready().apply(makePod('bb').image('busybox').build()).advance('20s');
    const status = () => t.cluster.get('Pod', 'default', 'bb')!.status;
    t.advance('40s');
    const s = status().containerStatuses![0]!;
    expect(status().phase).toBe('Running');
    expect(s.restartCount).toBeGreaterThanOrEqual(3);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const backoff = t.eventsFor('bb').find((e) => e.reason === 'BackOff')!;
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toMatch(
      /^Back-off restarting failed container app in pod bb_default\([0-9a-f-]{36}\)$/,
    );
    expect(backoff.count).toBeGreaterThanOrEqual(2);
    // While it waits, the container shows CrashLoopBackOff with upstream's message.
    let seen = '';
    for (let i = 0; i < 40 && !seen; i++) {
      t.advance('1s');
      seen = status().containerStatuses![0]!.state.waiting?.message ?? '';
    }
    expect(seen).toMatch(/^back-off \d+s restarting failed container=app pod=bb_default\(/);
  });

  it('a pod that must not restart ends Succeeded; one told to sleep keeps running', () => {
    const once = makePod('once').image('busybox').build();
    once.spec.restartPolicy = 'Never';
    const sleeper = makePod('sleeper').image('busybox').build();
    sleeper.spec.containers[0]!.command = ['sleep', '3600'];
    const t = TestCluster.ready().apply(once, sleeper).advance('30s');
    const done = t.cluster.get('Pod', 'default', 'once')!;
    expect(done.status.phase).toBe('Succeeded');
    expect(done.status.containerStatuses?.[0]?.state.terminated?.reason).toBe('Completed');
    expect(t.cluster.get('Pod', 'default', 'sleeper')!.status.phase).toBe('Running');
    expect(t.cluster.get('Pod', 'default', 'sleeper')!.status.containerStatuses?.[0]?.restartCount).toBe(0);
  });
});
