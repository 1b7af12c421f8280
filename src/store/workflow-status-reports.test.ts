/** status-reports: Lease every 10 s read by kube-controller-manager; node status on change, else every 5 minutes. */
import { describe, expect, it } from 'vitest';
import type { Lease } from '../engine/api/types';
import { endpointIs } from './scenarioScript';
import { play } from './workflowTestKit';
import { statusReports } from '../scenarios/workflows/statusReports';

const NODE = 'minikube-m02';
const LEASE_KEY = `/registry/leases/kube-node-lease/${NODE}`;
const STATUS_PUT = `PATCH /api/v1/nodes/${NODE}/status`;

describe('workflow status-reports', () => {
  const p = play(statusReports);
  const all = p.steps.flatMap((_, i) => p.messages(i));
  const leaseWrites = all.filter((m) => m.kind === 'etcd' && m.summary === `PUT ${LEASE_KEY}`);

  it('renews the Lease every 10 seconds (with a little jitter)', () => {
    expect(leaseWrites.length).toBeGreaterThan(30);
    for (let i = 1; i < leaseWrites.length; i++) {
      const gap = leaseWrites[i]!.sentAt - leaseWrites[i - 1]!.sentAt;
      expect(gap).toBeGreaterThanOrEqual(10_000);
      expect(gap).toBeLessThanOrEqual(10_400);
    }
    const lease = [...p.run.history.stateAt(p.steps[1]!.end!).entries()].find(
      ([k]) => k === LEASE_KEY,
    )?.[1] as Lease | undefined;
    expect(lease?.spec).toMatchObject({ holderIdentity: NODE, leaseDurationSeconds: 40 });
  });

  it('hands Lease renewals to kube-controller-manager only', () => {
    expect(
      p
        .messages(1)
        .some(
          (m) => m.to === 'kube-controller-manager' && m.summary.includes(`Lease kube-node-lease/${NODE}`),
        ),
    ).toBe(true);
    expect(
      all.some(
        (m) =>
          m.kind === 'watch' &&
          m.to !== 'kube-controller-manager' &&
          m.summary.includes('Lease kube-node-lease/'),
      ),
    ).toBe(false);
  });

  it('reports node status as soon as the image list changes, and kube-scheduler hears of it', () => {
    const before = p.at(2).node(NODE)!.status.images ?? [];
    const after = p.at(3).node(NODE)!.status.images ?? [];
    expect(before.some((i) => i.names.includes('redis:7'))).toBe(false);
    expect(p.messages(3).some((m) => endpointIs(m.from, `kubelet ${NODE}`) && m.summary === STATUS_PUT)).toBe(
      true,
    );
    expect(
      p.messages(4).some((m) => m.to === 'kube-scheduler' && m.summary === `MODIFIED Node ${NODE}`),
    ).toBe(true);
    expect(
      p
        .at(4)
        .node(NODE)!
        .status.images?.some((i) => i.names.includes('redis:7')),
    ).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
  });

  it('without a change, sends node status again only after 5 minutes', () => {
    const puts = all.filter(
      (m) => m.kind === 'request' && endpointIs(m.from, `kubelet ${NODE}`) && m.summary === STATUS_PUT,
    );
    const last = puts.at(-1)!;
    const previous = puts.at(-2)!;
    expect(last.sentAt - previous.sentAt).toBeGreaterThanOrEqual(300_000);
    expect(last.sentAt - previous.sentAt).toBeLessThan(311_000);
    const duringWait = p.messages(5).filter((m) => m.kind === 'etcd' && m.summary === `PUT ${LEASE_KEY}`);
    expect(duringWait.length).toBeGreaterThanOrEqual(28);
  });
});
