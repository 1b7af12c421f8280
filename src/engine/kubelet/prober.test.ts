import { describe, expect, it } from 'vitest';
import { isPodReady } from '../api/pods';
import type { Pod } from '../api/types';
import { makePod, makeService } from '../testing/builders';
import { TestCluster } from '../testing/testCluster';

const pod = (t: TestCluster, name: string, namespace = 'default'): Pod =>
  t.cluster.get('Pod', namespace, name)!;
const ready = (t: TestCluster, name: string, namespace = 'default') => isPodReady(pod(t, name, namespace));
/** The probe messages (HTTP, TCP, gRPC) about pod `name`. */
const probesOf = (t: TestCluster, name: string, from = 0) =>
  t.cluster.sim.trace.slice(from).filter((m) => m.kind === 'probe' && m.object?.name === name);
const startedAt = (p: Pod) => Date.parse(p.status.containerStatuses![0]!.state.running!.startedAt);
const readyAt = (p: Pod) =>
  Date.parse(
    p.status.conditions!.find((c) => c.type === 'Ready' && c.status === 'True')!.lastTransitionTime!,
  );
const messages = (t: TestCluster, name: string) =>
  t
    .eventsFor(name)
    .map((e) => `${e.reason}: ${e.message.trim()}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`);

/** The Kubernetes docs' HTTP liveness example: agnhost's /healthz turns to 500 after 10 s. */
const livenessHttp = () =>
  makePod('liveness-http')
    .image('registry.k8s.io/e2e-test-images/agnhost:2.40')
    .args('liveness')
    .probe('liveness', {
      httpGet: { path: '/healthz', port: 8080 },
      initialDelaySeconds: 3,
      periodSeconds: 3,
    })
    .build();

/** The endpoint slice addresses of Service `name`, with their readiness. */
function endpoints(t: TestCluster, name: string, namespace = 'default'): string[] {
  return t.cluster
    .list('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name)
    .flatMap((s) => s.endpoints.map((e) => `${e.targetRef?.name} ready=${e.conditions?.ready}`));
}

describe('kubelet’s probes', () => {
  it('keeps a pod out of its Service until its readiness probe passes, after initialDelaySeconds', () => {
    const t = TestCluster.ready().apply(
      makeService('web', { app: 'web' }),
      makePod('web')
        .labels({ app: 'web' })
        .probe('readiness', { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 15, periodSeconds: 5 })
        .build(),
    );
    t.advance('12s');
    expect(pod(t, 'web').status.phase).toBe('Running');
    expect(ready(t, 'web')).toBe(false);
    expect(endpoints(t, 'web')).toEqual(['web ready=false']);
    t.advance('20s');
    expect(ready(t, 'web')).toBe(true);
    expect(endpoints(t, 'web')).toEqual(['web ready=true']);
    const p = pod(t, 'web');
    // Not before the delay; within one period of it.
    expect(readyAt(p) - startedAt(p)).toBeGreaterThanOrEqual(15_000);
    expect(readyAt(p) - startedAt(p)).toBeLessThanOrEqual(21_000);
    expect(messages(t, 'web').filter((m) => m.startsWith('Unhealthy'))).toEqual([]);
  });

  it('is ready at once when the probe has no delay: kubelet runs it as the container starts', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('readiness', { tcpSocket: { port: 80 }, periodSeconds: 10 })
        .build(),
    );
    t.advance('20s');
    const p = pod(t, 'web');
    expect(readyAt(p) - startedAt(p)).toBeLessThanOrEqual(1_000);
  });

  it('never readies a pod whose probe asks nginx for a path it does not serve, saying why each time', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('readiness', { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10 })
        .build(),
    );
    t.advance('60s');
    expect(pod(t, 'web').status.phase).toBe('Running');
    expect(ready(t, 'web')).toBe(false);
    expect(pod(t, 'web').status.containerStatuses![0]!.restartCount).toBe(0);
    const unhealthy = t.eventsFor('web').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.type).toBe('Warning');
    expect(unhealthy.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(unhealthy.count).toBeGreaterThanOrEqual(5);
  });

  it('restarts the docs’ liveness-exec container once /tmp/healthy is gone, with the real events', () => {
    const t = TestCluster.ready().apply(
      makePod('liveness-exec')
        .image('registry.k8s.io/busybox:1.27.2')
        .args('/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600')
        .probe('liveness', {
          exec: { command: ['cat', '/tmp/healthy'] },
          initialDelaySeconds: 5,
          periodSeconds: 5,
        })
        .build(),
    );
    t.advance('30s');
    expect(pod(t, 'liveness-exec').status.containerStatuses![0]!.restartCount).toBe(0);
    // As the docs have it: some 35 s in, the probe has failed three times and kubelet kills the container…
    t.advance('20s');
    expect(messages(t, 'liveness-exec').slice(-2)).toEqual([
      "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory (x3)",
      'Killing: Container app failed liveness probe, will be restarted',
    ]);
    // …but sh as PID 1 ignores SIGTERM: it runs on until the 30-s grace period ends with SIGKILL.
    expect(pod(t, 'liveness-exec').status.containerStatuses![0]!.restartCount).toBe(0);
    t.advance('30s');
    const status = pod(t, 'liveness-exec').status.containerStatuses![0]!;
    expect(status.restartCount).toBe(1);
    expect(status.state.running).toBeDefined();
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(messages(t, 'liveness-exec')).toEqual(
      expect.arrayContaining(['Created: Created container: app (x2)', 'Started: Started container app (x2)']),
    );
    // Each probe went kubelet → runtime (ExecSync), never to another node.
    const execs = t.cluster.sim.trace.filter((m) => m.summary.startsWith('ExecSync'));
    expect(execs.length).toBeGreaterThan(5);
    expect(new Set(execs.map((m) => `${m.from} → ${m.to}`))).toEqual(
      new Set(['kubelet/minikube → container-runtime/minikube']),
    );
  });

  it('times out an exec probe that runs past timeoutSeconds, as ExecProbeTimeout does, and waits for one within it', () => {
    const probed = (name: string, command: string[], timeoutSeconds?: number) =>
      makePod(name)
        .image('busybox:1.36')
        .args('sleep', '3600')
        .probe('readiness', {
          exec: { command },
          periodSeconds: 10,
          ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
        })
        .build();
    const t = TestCluster.ready().apply(
      probed('slow', ['sh', '-c', 'sleep 2; true']),
      probed('patient', ['sh', '-c', 'sleep 2; true'], 5),
    );
    t.advance('40s');
    expect(ready(t, 'slow')).toBe(false);
    expect(ready(t, 'patient')).toBe(true);
    const unhealthy = messages(t, 'slow').filter((m) => m.startsWith('Unhealthy'));
    expect(unhealthy.length).toBe(1);
    expect(unhealthy[0]).toMatch(
      /^Unhealthy: Readiness probe failed: command "sh -c sleep 2; true" timed out \(x\d+\)$/,
    );
    expect(messages(t, 'patient').filter((m) => m.startsWith('Unhealthy'))).toEqual([]);
    // The runtime answers when the default 1-s timeout runs out, or when the command is done.
    const replies = t.cluster.sim.trace.filter(
      (m) => m.kind === 'cri-reply' && m.summary.startsWith('exec sh -c sleep 2'),
    );
    expect(replies.some((m) => m.summary === 'exec sh -c sleep 2; true: timed out after 1s')).toBe(true);
    expect(replies.some((m) => m.summary === 'exec sh -c sleep 2; true: exit code 0')).toBe(true);
    // For the slow pod's probes, after exactly the timeout.
    const asked = t.cluster.sim.trace.filter(
      (m) => m.kind === 'cri' && m.object?.name === 'slow' && m.summary.startsWith('ExecSync'),
    );
    expect(asked.length).toBeGreaterThan(1);
    for (const a of asked.slice(0, -1))
      expect(replies.some((r) => r.summary.includes('timed out') && r.sentAt === a.deliverAt + 1_000)).toBe(
        true,
      );
  });

  it('restarts the docs’ HTTP liveness container when /healthz turns to 500, then backs off', () => {
    const t = TestCluster.ready().apply(livenessHttp());
    t.advance('90s');
    const p = pod(t, 'liveness-http');
    expect(p.status.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(2);
    expect(messages(t, 'liveness-http')).toContainEqual(
      expect.stringMatching(/^Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500/),
    );
    expect(messages(t, 'liveness-http')).toContainEqual(
      expect.stringMatching(
        /^BackOff: Back-off restarting failed container app in pod liveness-http_default/,
      ),
    );
    expect(probesOf(t, 'liveness-http')[0]).toMatchObject({
      from: 'kubelet/minikube',
      to: 'pods/minikube',
      summary: `liveness GET http://${p.status.podIP}:8080/healthz`,
      // A liveness probe starts as passed: probing a healthy container is routine.
      routine: true,
    });
    // Once failing, the probes are news.
    expect(probesOf(t, 'liveness-http').some((m) => m.routine !== true)).toBe(true);
  });

  it('starts a restarted container not ready: its readiness probe must pass again', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('liveness', {
          exec: { command: ['cat', '/tmp/healthy'] },
          initialDelaySeconds: 10,
          periodSeconds: 5,
        })
        .probe('readiness', { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 3, periodSeconds: 10 })
        .build(),
    );
    t.advance('14s');
    expect(ready(t, 'web')).toBe(true);
    const restarted = () => pod(t, 'web').status.containerStatuses![0]!;
    while (restarted().restartCount === 0 || !restarted().state.running) t.advance('100ms');
    expect(restarted()).toMatchObject({ ready: false, started: true });
    expect(ready(t, 'web')).toBe(false);
    t.advance('12s');
    expect(ready(t, 'web')).toBe(true);
  });

  it('gives the restarted container its own ID, keeps the dead one’s in lastState, and checks the image again', () => {
    const t = TestCluster.ready().apply(livenessHttp());
    const status = () => pod(t, 'liveness-http').status.containerStatuses![0]!;
    t.advance('5s');
    const first = status().containerID;
    while (status().restartCount === 0 || !status().state.running) t.advance('100ms');
    expect(status().containerID).not.toBe(first);
    // A Go program with no SIGTERM handler exits 2.
    expect(status().lastState?.terminated).toMatchObject({
      containerID: first,
      exitCode: 2,
      reason: 'Error',
    });
    expect(messages(t, 'liveness-http')).toContain(
      'Pulled: Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine',
    );
  });

  it('records BackOff again at each sync while the container waits out its back-off', () => {
    const t = TestCluster.ready().apply(livenessHttp());
    t.advance('4m');
    const backOff = t.eventsFor('liveness-http').find((e) => e.reason === 'BackOff')!;
    const restarts = pod(t, 'liveness-http').status.containerStatuses![0]!.restartCount;
    expect(backOff.count!).toBeGreaterThan(restarts);
  });

  it('throws away a probe it cannot run (a port name the container lacks): no restart, one kind of event', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('liveness', { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 })
        .build(),
    );
    t.advance('60s');
    expect(pod(t, 'web').status.containerStatuses![0]!).toMatchObject({ restartCount: 0, ready: true });
    expect(messages(t, 'web').filter((m) => m.startsWith('Unhealthy'))).toEqual([
      expect.stringMatching(
        /^Unhealthy: Liveness probe errored and resulted in unknown state: strconv\.Atoi: parsing "http": invalid syntax \(x\d+\)$/,
      ),
    ]);
  });

  it('fails an HTTP probe on redis’s port with what redis answers', () => {
    const t = TestCluster.ready().apply(
      makePod('cache')
        .image('redis:7')
        .probe('readiness', { httpGet: { path: '/', port: 6379 } })
        .build(),
    );
    t.advance('40s');
    const ip = pod(t, 'cache').status.podIP;
    expect(ready(t, 'cache')).toBe(false);
    expect(messages(t, 'cache')).toContainEqual(
      expect.stringContaining(
        `Readiness probe failed: Get "http://${ip}:6379/": net/http: HTTP/1.x transport connection broken: malformed HTTP response "-ERR wrong number of arguments for 'get' command"`,
      ),
    );
  });

  it('fails an HTTPS probe on a plain HTTP port', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('readiness', { httpGet: { path: '/', port: 80, scheme: 'HTTPS' } })
        .build(),
    );
    t.advance('30s');
    const ip = pod(t, 'web').status.podIP;
    expect(ready(t, 'web')).toBe(false);
    expect(messages(t, 'web')).toContainEqual(
      expect.stringContaining(
        `Readiness probe failed: Get "https://${ip}:80/": http: server gave HTTP response to HTTPS client`,
      ),
    );
  });

  it('holds readiness and liveness back until the startup probe passes, and restarts a container that never starts', () => {
    const t = TestCluster.ready().apply(
      makePod('slow')
        .probe('startup', {
          exec: { command: ['cat', '/tmp/started'] },
          periodSeconds: 5,
          failureThreshold: 3,
        })
        .probe('readiness', { httpGet: { path: '/', port: 80 } })
        .build(),
    );
    t.advance('12s');
    let status = pod(t, 'slow').status.containerStatuses![0]!;
    expect(status).toMatchObject({ started: false, ready: false });
    // Only the startup probe has run.
    expect(probesOf(t, 'slow')).toEqual([]);
    t.advance('20s');
    status = pod(t, 'slow').status.containerStatuses![0]!;
    expect(status.restartCount).toBe(1);
    expect(messages(t, 'slow')).toContainEqual(
      expect.stringMatching(/^Killing: Container app failed startup probe, will be restarted/),
    );
  });

  it('runs CoreDNS 0/1 for a moment: its ready plugin answers 503 as it starts', () => {
    const t = TestCluster.ready();
    const coreDns = t.pods('kube-system').find((p) => p.metadata.name.startsWith('coredns-'))!;
    expect(isPodReady(coreDns)).toBe(true);
    expect(readyAt(coreDns)).toBeGreaterThan(startedAt(coreDns));
    expect(messages(t, coreDns.metadata.name)).toContain(
      'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
    // The kube-dns slice took it in as a change: it carries the trigger time.
    const slice = t.cluster
      .list('EndpointSlice', 'kube-system')
      .find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'kube-dns')!;
    expect(slice.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBeDefined();
  });

  it('takes CoreDNS out of kube-dns while its server is held down, and back once it answers', () => {
    const t = TestCluster.ready();
    const name = t.pods('kube-system').find((p) => p.metadata.name.startsWith('coredns-'))!.metadata.name;
    t.act((c) => c.stopComponent('coredns')).advance('40s');
    expect(ready(t, name, 'kube-system')).toBe(false);
    expect(endpoints(t, 'kube-dns', 'kube-system')).toEqual([`${name} ready=false`]);
    // Its health plugin still answers: the container is not restarted.
    expect(pod(t, name, 'kube-system').status.containerStatuses![0]!.restartCount).toBe(0);
    t.act((c) => c.startComponent('coredns')).advance('20s');
    expect(ready(t, name, 'kube-system')).toBe(true);
    expect(endpoints(t, 'kube-dns', 'kube-system')).toEqual([`${name} ready=true`]);
  });

  it('keeps a ready pod ready across a kubelet restart, probing it again', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('readiness', { httpGet: { path: '/', port: 80 }, periodSeconds: 5 })
        .build(),
    );
    t.advance('20s');
    expect(ready(t, 'web')).toBe(true);
    const before = t.cluster.sim.trace.length;
    t.act((c) => c.stopKubelet('minikube')).advance('5s');
    t.act((c) => c.startKubelet('minikube')).advance('30s');
    expect(ready(t, 'web')).toBe(true);
    expect(pod(t, 'web').status.containerStatuses![0]!.restartCount).toBe(0);
    expect(probesOf(t, 'web', before).length).toBeGreaterThan(2);
  });

  it('goes on probing readiness, not liveness, while the pod terminates; stops once its containers have', () => {
    const t = TestCluster.ready().apply(
      makeService('shell', { app: 'shell' }),
      makePod('shell')
        .labels({ app: 'shell' })
        .image('busybox:1.36')
        .args('/bin/sh', '-c', 'touch /tmp/ready; sleep 3600')
        .probe('readiness', { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 })
        .probe('liveness', { exec: { command: ['true'] }, periodSeconds: 5 })
        .build(),
    );
    t.advance('20s');
    expect(ready(t, 'shell')).toBe(true);
    const at = t.cluster.sim.trace.length;
    t.act((c) => c.delete('Pod', 'default', 'shell')).advance('20s');
    // sh ignores SIGTERM: 30 s of grace, and readiness is probed through them.
    const execs = (type: string, from: number) =>
      t.cluster.sim.trace
        .slice(from)
        .filter((m) => m.summary.startsWith('ExecSync') && m.summary.endsWith(`(${type} probe)`));
    expect(execs('readiness', at).length).toBeGreaterThanOrEqual(3);
    expect(execs('liveness', at)).toEqual([]);
    // Terminating, still passing its probe: serving, not ready.
    const slice = t.cluster
      .list('EndpointSlice', 'default')
      .find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'shell')!;
    expect(slice.endpoints.map((e) => e.conditions)).toEqual([
      { ready: false, serving: true, terminating: true },
    ]);
    t.advance('15s');
    expect(t.cluster.get('Pod', 'default', 'shell')).toBeUndefined();
    const gone = t.cluster.sim.trace.length;
    t.advance('20s');
    expect(execs('readiness', gone)).toEqual([]);
    expect(t.violations).toEqual([]);
  });

  it('stops probing a pod once it is deleted', () => {
    const t = TestCluster.ready().apply(
      makePod('web')
        .probe('readiness', { httpGet: { path: '/', port: 80 }, periodSeconds: 5 })
        .build(),
    );
    t.advance('20s')
      .act((c) => c.delete('Pod', 'default', 'web'))
      .advance('10s');
    expect(t.cluster.get('Pod', 'default', 'web')).toBeUndefined();
    const at = t.cluster.sim.trace.length;
    t.advance('30s');
    expect(probesOf(t, 'web', at)).toEqual([]);
    expect(t.violations).toEqual([]);
  });
});

describe('stopping a container', () => {
  it('takes the grace period for a shell that ignores SIGTERM, a moment for nginx', () => {
    const t = TestCluster.ready().apply(
      makePod('sleeper').image('busybox:1.36').args('sleep', '3600').build(),
      makePod('web').build(),
    );
    t.advance('20s');
    t.act((c) => {
      c.delete('Pod', 'default', 'sleeper');
      c.delete('Pod', 'default', 'web');
    });
    t.advance('5s');
    expect(t.cluster.get('Pod', 'default', 'web')).toBeUndefined();
    expect(pod(t, 'sleeper').metadata.deletionTimestamp).toBeDefined();
    // The graceful deletion is a new generation of the pod (the API server's BeforeDelete).
    expect(pod(t, 'sleeper').metadata.generation).toBe(2);
    t.advance('20s');
    expect(pod(t, 'sleeper')).toBeDefined();
    t.advance('10s');
    expect(t.cluster.get('Pod', 'default', 'sleeper')).toBeUndefined();
  });

  it('writes a deleted pod’s terminal status before it deletes it: Failed with 137 for a killed shell, Succeeded for nginx', () => {
    const t = TestCluster.ready().apply(
      makePod('sleeper').image('busybox:1.36').args('sleep', '3600').build(),
      makePod('web').build(),
    );
    t.advance('20s').act((c) => {
      c.delete('Pod', 'default', 'sleeper');
      c.delete('Pod', 'default', 'web');
    });
    t.advance('40s');
    /** The last version of the pod etcd held before it was deleted. */
    const last = (name: string) => {
      const versions = t.cluster.etcd.changes.filter((c) => c.key === `/registry/pods/default/${name}`);
      expect(versions.at(-1)!.value).toBeNull();
      return versions.at(-2)!.value as Pod;
    };
    const sleeper = last('sleeper');
    expect(sleeper.status.phase).toBe('Failed');
    expect(sleeper.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
    expect(sleeper.status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodFailed',
    });
    const web = last('web');
    expect(web.status.phase).toBe('Succeeded');
    expect(web.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(web.status.conditions?.find((c) => c.type === 'ContainersReady')?.reason).toBe('PodCompleted');
    expect(t.violations).toEqual([]);
  });

  it('uses the grace period the deletion asks for', () => {
    const t = TestCluster.ready().apply(
      makePod('sleeper').image('busybox:1.36').args('sleep', '3600').build(),
    );
    t.advance('20s').act((c) => c.delete('Pod', 'default', 'sleeper', undefined, 5));
    t.advance('7s');
    expect(t.cluster.get('Pod', 'default', 'sleeper')).toBeUndefined();
  });
});
