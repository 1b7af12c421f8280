/** The runtimes workflow does what its steps tell, on each runtime: the same CRI calls, kube-proxy a container, kubelet no pod. */
import { describe, expect, it } from 'vitest';
import { MAX_RUN } from '../playback/player';
import { Run } from '../playback/run';
import { runtimes } from '../scenarios/workflows/runtimes';
import { scenarioConfig, scenarioSpec } from './scenarioScript';

describe.each(['docker', 'containerd', 'cri-o'] as const)('workflow runtimes on %s', (runtime) => {
  const play = () => {
    const run = new Run(scenarioSpec(runtimes, scenarioConfig(runtimes, runtime), 1));
    while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
    return run;
  };

  it('starts web on minikube-m02 with the four CRI calls, one step each', () => {
    const run = play();
    expect(run.steps.filter((s) => s.timedOut)).toEqual([]);
    const calls = run.cluster.sim.trace
      .slice(run.steps[0]!.firstMessage)
      .filter((m) => m.kind === 'cri' && m.from === 'kubelet/minikube-m02')
      .map((m) => m.summary);
    expect(calls).toEqual([
      'RunPodSandbox default/web',
      'PullImage nginx:1.27',
      'CreateContainer nginx',
      'StartContainer nginx',
    ]);
    const web = run.cluster.get('Pod', 'default', 'web')!;
    expect(web.spec.nodeName).toBe('minikube-m02');
    expect(web.status.phase).toBe('Running');
    expect(web.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(web.status.containerStatuses?.[0]?.containerID).toMatch(new RegExp(`^${runtime}://`));
    const created = run.cluster.list('Event', 'default').find((e) => e.reason === 'Created')!;
    expect(created.message).toBe('Created container: nginx');
  });

  it('runs kube-proxy as a DaemonSet pod whose container the runtime holds, and kubelet as no pod at all', () => {
    const run = play();
    const node = run.cluster.get('Node', undefined, 'minikube-m02')!;
    expect(node.status.nodeInfo?.containerRuntimeVersion).toMatch(new RegExp(`^${runtime}://`));
    const proxies = run.cluster
      .list('Pod', 'kube-system')
      .filter((p) =>
        p.metadata.ownerReferences?.some((r) => r.kind === 'DaemonSet' && r.name === 'kube-proxy'),
      );
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', 'minikube-m02']);
    for (const p of proxies) expect(p.metadata.name).toMatch(/^kube-proxy-[a-z0-9]{5}$/);
    const containers = [...run.cluster.node('minikube-m02').runtime.containers.values()];
    expect(containers.some((c) => c.name === 'kube-proxy' && c.state === 'running')).toBe(true);
    expect(run.cluster.list('Pod').some((p) => p.metadata.name.startsWith('kubelet'))).toBe(false);
  });
});
