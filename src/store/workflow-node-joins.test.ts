/** node-joins: minikube-m02 registers, is seen by the control plane, gets kube-proxy, turns Ready, loses its taints. */
import { describe, expect, it } from 'vitest';
import { endpointIs } from './scenarioScript';
import { play } from './workflowTestKit';
import { nodeJoins } from '../scenarios/workflows/nodeJoins';

const NODE = 'minikube-m02';
const ready = (
  n: { status: { conditions: { type: string; status: string; reason?: string }[] } } | undefined,
) => n?.status.conditions.find((c) => c.type === 'Ready');

describe('workflow node-joins', () => {
  const p = play(nodeJoins);

  it('starts without minikube-m02 and registers it through kube-apiserver into etcd', () => {
    const before = [...p.run.history.stateAt(p.steps[0]!.start).values()];
    expect(before.some((o) => o.kind === 'Node' && o.metadata.name === NODE)).toBe(false);
    const sent = p.messages(0);
    expect(
      sent.some(
        (m) =>
          endpointIs(m.from, `kubelet ${NODE}`) && m.kind === 'request' && m.summary === 'POST /api/v1/nodes',
      ),
    ).toBe(true);
    expect(sent.some((m) => m.kind === 'etcd' && m.summary === `PUT /registry/minions/${NODE}`)).toBe(true);
    const node = p.at(0).node(NODE)!;
    expect(ready(node)?.status).toBe('False');
    expect(node.spec.taints).toContainEqual(
      expect.objectContaining({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }),
    );
  });

  it('tells kube-controller-manager and kube-scheduler, and records RegisteredNode', () => {
    // The news is sent as the Node is stored (the first step's end) and arrives in this step.
    const arrived = [...p.messages(0), ...p.messages(1)].filter(
      (m) => m.deliverAt > p.steps[1]!.start && m.deliverAt <= p.steps[1]!.end!,
    );
    for (const watcher of ['kube-controller-manager', 'kube-scheduler'])
      expect(arrived.some((m) => m.to === watcher && m.summary === `ADDED Node ${NODE}`)).toBe(true);
    expect(p.events(1).some((e) => e.reason === 'RegisteredNode' && e.involvedObject.name === NODE)).toBe(
      true,
    );
  });

  it('runs a kube-proxy pod on the new node', () => {
    const proxies = p
      .at(2)
      .pods('k8s-app=kube-proxy')
      .filter((pod) => pod.spec.nodeName === NODE);
    expect(proxies).toHaveLength(1);
    expect(proxies[0]!.status.phase).toBe('Running');
    expect(ready(p.at(2).node(NODE))?.status).toBe('False');
  });

  it('gets its pod range from node-ipam-controller (a PATCH through kube-apiserver), which kubelet hands to the runtime', () => {
    const sent = [0, 1, 2, 3].flatMap((i) => p.messages(i));
    const patch = sent.find(
      (m) =>
        m.from === 'kube-controller-manager' &&
        m.kind === 'request' &&
        m.summary === `PATCH /api/v1/nodes/${NODE}`,
    );
    const update = sent.find(
      (m) =>
        endpointIs(m.from, `kubelet ${NODE}`) && m.summary === 'UpdateRuntimeConfig podCIDR=10.244.1.0/24',
    );
    expect(patch).toBeDefined();
    expect(update!.sentAt).toBeGreaterThan(patch!.sentAt);
    expect(p.at(0).node(NODE)!.spec.podCIDR).toBeUndefined();
    expect(p.at(3).node(NODE)!.spec).toMatchObject({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
  });

  it('turns Ready with a NodeReady Event, then loses the not-ready taints', () => {
    expect(ready(p.at(3).node(NODE))).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(p.events(4).some((e) => e.reason === 'NodeReady' && e.involvedObject.name === NODE)).toBe(true);
    expect(p.at(3).node(NODE)!.spec.taints?.length).toBeGreaterThan(0);
    expect(p.at(4).node(NODE)!.spec.taints ?? []).toEqual([]);
  });

  it('takes seconds, not minutes', () => {
    expect(p.steps.at(-1)!.end! - p.steps[0]!.start).toBeLessThan(15_000);
  });
});
