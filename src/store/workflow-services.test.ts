/** The services workflow does what its steps tell: a ClusterIP, an EndpointSlice, kube-proxy rules on every node, DNS, a DNAT across nodes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN } from '../playback/player';
import { Run } from '../playback/run';
import { services } from '../scenarios/workflows/services';
import { scenarioConfig, scenarioSpec } from './scenarioScript';

const spec = () => scenarioSpec(services, scenarioConfig(services), 1);

describe('workflow services', () => {
  let run: Run;
  beforeAll(() => {
    run = new Run(spec());
    while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
  });
  const webPods = () => run.cluster.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
  const clusterIP = () => run.cluster.get('Service', 'default', 'web')!.spec.clusterIP!;

  it('plays every step without running out of time', () => {
    expect(run.steps).toHaveLength(services.steps.length);
    expect(run.steps.filter((s) => s.timedOut)).toEqual([]);
  });

  it('gives the Service a ClusterIP from 10.96.0.0/12 and an EndpointSlice with both pods ready', () => {
    expect(clusterIP()).toBe('10.96.0.11');
    const slices = run.cluster
      .list('EndpointSlice', 'default')
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    const endpoints = slices[0]!.endpoints;
    expect(endpoints.map((e) => e.conditions.ready)).toEqual([true, true]);
    expect(new Set(endpoints.map((e) => e.addresses[0]))).toEqual(
      new Set(webPods().map((p) => p.status.podIP)),
    );
    expect(new Set(endpoints.map((e) => e.nodeName))).toEqual(new Set(webPods().map((p) => p.spec.nodeName)));
  });

  it('ends the kube-proxy step the moment every node has rules to both pods', () => {
    const step = run.steps[3]!;
    const at = (t: number) => {
      const r = new Run(spec());
      r.extendTo(t);
      const ip = r.cluster.get('Service', 'default', 'web')?.spec.clusterIP;
      return r.cluster.nodes.map((n) => n.proxy.rules.get(`${ip}:80`)?.length ?? 0);
    };
    expect(at(step.start)).not.toEqual([2, 2, 2]);
    expect(at(step.end!)).toEqual([2, 2, 2]);
  });

  it('resolves web through minikube’s kube-proxy rules to CoreDNS, whose answer (its ClusterIP) comes back the same way', () => {
    const step = run.steps[4]!;
    const sent = run.cluster.sim.trace
      .slice(step.firstMessage, run.steps[5]!.firstMessage)
      .filter((m) => m.kind === 'traffic');
    expect(sent.map((m) => [m.from, m.to])).toEqual([
      ['pods/minikube', 'kube-proxy/minikube'],
      ['kube-proxy/minikube', 'coredns'],
      ['coredns', 'kube-proxy/minikube'],
      ['kube-proxy/minikube', 'pods/minikube'],
    ]);
    expect(sent.at(-1)!.summary).toBe(
      `DNS answer web.default.svc.cluster.local: A ${clusterIP()} (from 10.96.0.10)`,
    );
    expect(sent.at(-1)!.deliverAt).toBeLessThanOrEqual(step.end!);
    expect(run.cluster.coreDns.resolve('web.default.svc.cluster.local')).toEqual({
      ok: true,
      ip: clusterIP(),
    });
  });

  it('sends the client’s connection from minikube to a web pod on another node', () => {
    expect(run.cluster.get('Pod', 'default', 'client')!.spec.nodeName).toBe('minikube');
    expect(webPods().map((p) => p.spec.nodeName)).not.toContain('minikube');
    const dnat = run.cluster.sim.trace
      .slice(run.steps[5]!.firstMessage)
      .find((m) => m.kind === 'traffic' && m.summary.startsWith('DNAT'))!;
    expect(dnat.from).toBe('kube-proxy/minikube');
    const backend = webPods().find((p) => dnat.summary.endsWith(`→ ${p.status.podIP}:80`))!;
    expect(backend).toBeDefined();
    expect(dnat.to).toBe(`pods/${backend.spec.nodeName}`);
    expect(dnat.summary).toBe(`DNAT ${clusterIP()}:80 → ${backend.status.podIP}:80`);
  });
});
