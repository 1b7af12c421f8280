/** The addons workflow does what its steps tell: what is on at the start, and exactly what enabling the Dashboard adds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN } from '../playback/player';
import { Run } from '../playback/run';
import { addons } from '../scenarios/workflows/addons';
import type { Cluster } from '../engine/cluster';
import { scenarioConfig, scenarioSpec } from './scenarioScript';

const spec = () => scenarioSpec(addons, scenarioConfig(addons), 1);

/** kube-system's Deployments, Services and Pods by name. */
const kubeSystem = (c: Cluster) =>
  (['Deployment', 'Service', 'Pod'] as const).flatMap((k) =>
    c.list(k, 'kube-system').map((o) => `${k}/${o.metadata.name}`),
  );

describe('workflow addons', () => {
  let run: Run;
  let before: Run;
  beforeAll(() => {
    run = new Run(spec());
    while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
    before = new Run(spec());
    before.extendTo(run.steps[3]!.start);
  });

  it('plays every step without running out of time', () => {
    expect(run.steps).toHaveLength(addons.steps.length);
    expect(run.steps.filter((s) => s.timedOut)).toEqual([]);
  });

  it('starts with storage-provisioner and default-storageclass on, the Dashboard off, CoreDNS from kubeadm', () => {
    expect(Object.fromEntries(before.cluster.addons)).toEqual({
      dashboard: false,
      'default-storageclass': true,
      'storage-provisioner': true,
    });
    expect(before.cluster.get('Deployment', 'kube-system', 'coredns')!.spec.replicas).toBe(1);
    expect(before.cluster.get('Service', 'kube-system', 'kube-dns')!.spec.clusterIP).toBe('10.96.0.10');
    const provisioner = before.cluster.get('Pod', 'kube-system', 'storage-provisioner')!;
    expect(provisioner.metadata.ownerReferences ?? []).toEqual([]);
    expect(before.cluster.list('Namespace').map((n) => n.metadata.name)).not.toContain(
      'kubernetes-dashboard',
    );
  });

  it('adds the kubernetes-dashboard namespace, two Deployments and two Services, and nothing to kube-system', () => {
    const c = run.cluster;
    expect(c.addons.get('dashboard')).toBe(true);
    expect(c.get('Namespace', undefined, 'kubernetes-dashboard')).toBeDefined();
    const images = c
      .list('Deployment', 'kubernetes-dashboard')
      .map((d) => [d.metadata.name, d.spec.template.spec.containers[0]!.image]);
    expect(images.sort()).toEqual([
      ['dashboard-metrics-scraper', 'docker.io/kubernetesui/metrics-scraper:v1.0.8'],
      ['kubernetes-dashboard', 'docker.io/kubernetesui/dashboard:v2.7.0'],
    ]);
    expect(
      c
        .list('Service', 'kubernetes-dashboard')
        .map((s) => s.metadata.name)
        .sort(),
    ).toEqual(['dashboard-metrics-scraper', 'kubernetes-dashboard']);
    expect(kubeSystem(c).sort()).toEqual(kubeSystem(before.cluster).sort());
  });

  it('runs both Dashboard pods on minikube, the scraper’s pull queued behind the dashboard’s', () => {
    const pods = run.cluster.list('Pod', 'kubernetes-dashboard');
    expect(pods.map((p) => [p.metadata.labels?.['k8s-app'], p.spec.nodeName, p.status.phase]).sort()).toEqual(
      [
        ['dashboard-metrics-scraper', 'minikube', 'Running'],
        ['kubernetes-dashboard', 'minikube', 'Running'],
      ],
    );
    const pulled = run.cluster
      .list('Event', 'kubernetes-dashboard')
      .find((e) => e.reason === 'Pulled' && e.involvedObject.name.startsWith('dashboard-metrics-scraper'))!;
    const [, took, waited] = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulled.message)!;
    expect(Number(waited)).toBeGreaterThan(Number(took));
    // When the dashboard runs (step 5 ends), the scraper does not yet: step 6 has something to wait for.
    const mid = new Run(spec());
    mid.extendTo(run.steps[4]!.end!);
    const scraper = mid.cluster
      .list('Pod', 'kubernetes-dashboard')
      .find((p) => p.metadata.labels?.['k8s-app'] === 'dashboard-metrics-scraper')!;
    expect(scraper.status.phase).not.toBe('Running');
    const dashboard = mid.cluster
      .list('Pod', 'kubernetes-dashboard')
      .find((p) => p.metadata.labels?.['k8s-app'] === 'kubernetes-dashboard')!;
    expect(dashboard.status.phase).toBe('Running');
  });
});
