/** node-failure: minikube-m03 goes silent, turns Unknown, is tainted, its pods are evicted after 300 s and replaced elsewhere. */
import { describe, expect, it } from 'vitest';
import { endpointIs } from './scenarioScript';
import { play } from './workflowTestKit';
import { nodeFailure } from '../scenarios/workflows/nodeFailure';

const NODE = 'minikube-m03';
const WEB = 'app=web';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

describe('workflow node-failure', () => {
  const p = play(nodeFailure);
  const stoppedAt = p.steps[0]!.start + 100;
  const onNode = [...p.run.history.stateAt(p.steps[0]!.start).values()].filter(
    (o) =>
      o.kind === 'Pod' &&
      o.metadata.labels?.app === 'web' &&
      (o as { spec: { nodeName?: string } }).spec.nodeName === NODE,
  );

  it('starts with one web pod on each node (spread), whose Lease on minikube-m03 then stops', () => {
    expect(onNode).toHaveLength(1);
    const renewals = (node: string) =>
      p
        .messages(0)
        .filter(
          (m) =>
            m.kind === 'request' && endpointIs(m.from, `kubelet ${node}`) && m.summary.includes('/leases/'),
        );
    expect(renewals(NODE)).toHaveLength(0);
    expect(renewals('minikube-m02').length).toBeGreaterThan(0);
  });

  it('marks the node Unknown once the 50 s grace period has passed', () => {
    const ready = p
      .at(1)
      .node(NODE)!
      .status.conditions.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    const silent = p.steps[1]!.end! - stoppedAt;
    expect(silent).toBeGreaterThan(40_000);
    expect(silent).toBeLessThan(65_000);
    expect(p.steps[1]!.answer).toBe('unknown');
  });

  it('taints it unreachable, NoSchedule and NoExecute, without deleting any pod yet', () => {
    const taints = p.at(2).node(NODE)!.spec.taints ?? [];
    for (const effect of ['NoSchedule', 'NoExecute'])
      expect(taints).toContainEqual(expect.objectContaining({ key: UNREACHABLE, effect }));
    expect(
      p
        .at(2)
        .pods(WEB)
        .some((pod) => pod.metadata.deletionTimestamp),
    ).toBe(false);
  });

  it('evicts the pods after their 300 s toleration, but not the kube-proxy DaemonSet pod', () => {
    const waited = p.steps[3]!.end! - p.steps[3]!.start;
    expect(waited).toBeGreaterThan(295_000);
    expect(waited).toBeLessThan(305_000);
    const evicted = [...p.events(3), ...p.events(4)].filter((e) => e.reason === 'TaintManagerEviction');
    expect(evicted.map((e) => e.involvedObject.name).sort()).toEqual(
      onNode.map((o) => o.metadata.name).sort(),
    );
    const proxy = p
      .at(4)
      .pods('k8s-app=kube-proxy')
      .find((pod) => pod.spec.nodeName === NODE);
    expect(proxy?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('runs replacements on healthy nodes while the old pods stay Terminating', () => {
    const pods = p.at(4).pods(WEB);
    const running = pods.filter((pod) => !pod.metadata.deletionTimestamp);
    expect(running).toHaveLength(3);
    expect(running.every((pod) => pod.status.phase === 'Running' && pod.spec.nodeName !== NODE)).toBe(true);
    expect(pods.filter((pod) => pod.metadata.deletionTimestamp && pod.spec.nodeName === NODE)).toHaveLength(
      1,
    );
  });

  it('cleans up when the node comes back, Ready and untainted', () => {
    expect(
      p
        .at(5)
        .pods(WEB)
        .filter((pod) => pod.spec.nodeName === NODE),
    ).toHaveLength(0);
    const node = p.at(6).node(NODE)!;
    expect(node.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect((node.spec.taints ?? []).some((t) => t.key === UNREACHABLE)).toBe(false);
  });
});
