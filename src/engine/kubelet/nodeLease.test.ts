import { describe, expect, it } from 'vitest';
import type { Lease } from '../api/types';
import { TestCluster, type Duration } from '../testing/testCluster';
import { LEASE_MAX_BACKOFF_MS, LEASE_UPDATE_TRIES } from './nodeLease';

/** minikube-m02's Lease, or its collection (where a create goes). */
const LEASE_PATH = /\/namespaces\/kube-node-lease\/leases(\/minikube-m02)?$/;

/** minikube-m02's Lease requests from trace message `from` on: method and send time. */
function leaseCalls(t: TestCluster, from: number): { method: string; at: number; lost: boolean }[] {
  const { sim } = t.cluster;
  const calls = [];
  for (let id = from; id < sim.trace.length; id++) {
    const m = sim.trace.at(id)!;
    if (m.from !== 'kubelet/minikube-m02' || m.kind !== 'request' || !LEASE_PATH.test(m.summary)) continue;
    calls.push({ method: m.summary.split(' ')[0]!, at: m.sentAt, lost: sim.undelivered(id) });
  }
  return calls;
}

const renewTime = (t: TestCluster) =>
  (t.cluster.get('Lease', 'kube-node-lease', 'minikube-m02') as Lease | undefined)?.spec.renewTime;

/** A 2-node cluster with `component` stopped for a second, then minikube-m02's Lease calls over `window`. */
function stoppedFor(component: 'kube-apiserver' | 'etcd', window: Duration) {
  const t = TestCluster.ready({ nodes: 2 });
  t.act((c) => c.stopComponent(component)).advance('1s');
  const from = t.cluster.sim.trace.length;
  t.advance(window);
  return { t, calls: leaseCalls(t, from) };
}

describe('the node Lease controller', () => {
  it('with kube-apiserver stopped, tries a renewal 5 times, then GETs the Lease with waits doubling from 200 ms to 7 s', () => {
    const { t, calls } = stoppedFor('kube-apiserver', '45s');
    expect(calls.every((c) => c.lost)).toBe(true);
    expect(calls.slice(0, LEASE_UPDATE_TRIES).map((c) => c.method)).toEqual(Array(5).fill('PUT'));
    // The tries follow each other as soon as each connection is refused.
    expect(calls[LEASE_UPDATE_TRIES - 1]!.at - calls[0]!.at).toBeLessThan(20);
    const gets = calls.slice(LEASE_UPDATE_TRIES);
    expect(gets.every((c) => c.method === 'GET')).toBe(true);
    const waits = gets.slice(1).map((c, i) => c.at - gets[i]!.at);
    // Each wait is the backoff (plus the refused GET's few ms there and back).
    expect(waits.slice(0, 8).map((w) => Math.round(w / 100) * 100)).toEqual([
      200,
      400,
      800,
      1600,
      3200,
      6400,
      LEASE_MAX_BACKOFF_MS,
      LEASE_MAX_BACKOFF_MS,
    ]);
    // The first GET goes at once, with no new renewal meanwhile.
    expect(gets[0]!.at - calls[LEASE_UPDATE_TRIES - 1]!.at).toBeLessThan(10);
    expect(t.violations).toEqual([]);
  });

  it('renews as soon as kube-apiserver answers its GET again, then every 10 s', () => {
    const t = TestCluster.ready({ nodes: 2 });
    t.act((c) => c.stopComponent('kube-apiserver')).advance('40s');
    const stale = renewTime(t);
    t.act((c) => c.startComponent('kube-apiserver'));
    const from = t.cluster.sim.trace.length;
    t.advance('30s');
    const calls = leaseCalls(t, from).filter((c) => !c.lost);
    expect(calls[0]!.method).toBe('GET');
    expect(calls[1]!.method).toBe('PUT');
    expect(calls[1]!.at - calls[0]!.at).toBeLessThan(20);
    expect(renewTime(t)).not.toBe(stale);
    expect(calls.slice(2).every((c) => c.method === 'PUT')).toBe(true);
    // node-lifecycle-controller marked the node Unknown meanwhile; kubelet sees that on its Node once
    // its informer reconnects (reflector backoff: up to 30 s, stretched by up to 100 %), and its next
    // 10 s status check then reports Ready again.
    t.advance('45s');
    expect(t.nodeReady('minikube-m02')).toBe('True');
  });

  it('with etcd stopped, each renewal fails with an error, and so does the GET (a quorum read)', () => {
    const { t, calls } = stoppedFor('etcd', '12s');
    // They reach kube-apiserver, which cannot reach etcd.
    expect(calls.every((c) => !c.lost)).toBe(true);
    expect(calls.map((c) => c.method).slice(0, 7)).toEqual(['PUT', 'PUT', 'PUT', 'PUT', 'PUT', 'GET', 'GET']);
    const errors = t.cluster.sim.trace.filter(
      (m) => m.to === 'kubelet/minikube-m02' && m.kind === 'error' && m.sentAt >= calls[0]!.at,
    );
    expect(errors.length).toBeGreaterThanOrEqual(7);
    expect(new Set(errors.map((m) => m.summary))).toEqual(new Set(['500 InternalError']));
  });

  it('makes the Lease again when someone deleted it: the renewals find it gone, the GET too, then it is created', () => {
    const t = TestCluster.ready({ nodes: 2 });
    t.act((c) => c.delete('Lease', 'kube-node-lease', 'minikube-m02')).advance('1s');
    expect(renewTime(t)).toBeUndefined();
    const from = t.cluster.sim.trace.length;
    t.advance('11s');
    const calls = leaseCalls(t, from);
    expect(calls.map((c) => c.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT', 'PUT', 'GET', 'POST']);
    expect(renewTime(t)).toBeDefined();
    t.advance('10s');
    expect(leaseCalls(t, from).at(-1)!.method).toBe('PUT');
  });
});
