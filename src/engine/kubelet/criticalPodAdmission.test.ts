import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { makePod } from '../testing/builders';
import { isCriticalPod, podsToPreempt, shortfall } from './criticalPodAdmission';

const burstable = (name: string, cpu: string) => makePod(name).requests({ cpu, memory: '64Mi' }).build();
const guaranteed = (name: string, cpu: string) =>
  makePod(name).requests({ cpu, memory: '64Mi' }).limits({ cpu, memory: '64Mi' }).build();
const names = (pods: readonly Pod[] | null) => pods?.map((p) => p.metadata.name) ?? null;
const CAPACITY = { milliCpu: 2000, memory: 4 * 2 ** 30 };

describe("kubelet's critical pod admission", () => {
  it('finds what is missing for a pod beside the running ones', () => {
    expect(shortfall(burstable('x', '200m'), [burstable('a', '1800m')], CAPACITY)).toEqual([]);
    expect(shortfall(burstable('x', '200m'), [burstable('a', '1900m')], CAPACITY)).toEqual([
      { resource: 'milliCpu', quantity: 100 },
    ]);
  });

  it.each([
    ['one pod that covers it, the smaller of those that do', 150, ['a', 'b', 'c'], ['b']],
    ['the closest first, then what is left', 1100, ['a', 'b', 'c'], ['c', 'b']],
    ['all of them when nothing less will do', 1300, ['a', 'b', 'c'], ['c', 'b', 'a']],
  ])('%s', (_, missing, _all, want) => {
    const pods = [burstable('a', '100m'), burstable('b', '500m'), burstable('c', '700m')];
    expect(names(podsToPreempt(pods, [{ resource: 'milliCpu', quantity: missing }]))).toEqual(want);
  });

  it('takes Guaranteed pods only for what Burstable and BestEffort ones cannot free', () => {
    const pods = [burstable('b', '100m'), guaranteed('g', '300m'), makePod('be').build()];
    expect(names(podsToPreempt(pods, [{ resource: 'milliCpu', quantity: 50 }]))).toEqual(['b']);
    expect(names(podsToPreempt(pods, [{ resource: 'milliCpu', quantity: 200 }]))).toEqual(['g']);
    expect(names(podsToPreempt(pods, [{ resource: 'milliCpu', quantity: 500 }]))).toBeNull();
  });

  it('never preempts critical pods: static ones and those of system-critical priority', () => {
    const dns = burstable('coredns', '100m');
    dns.spec.priority = 2_000_000_000;
    expect(isCriticalPod(dns, false)).toBe(true);
    expect(isCriticalPod(burstable('web', '100m'), false)).toBe(false);
    expect(isCriticalPod(burstable('etcd-minikube', '100m'), true)).toBe(true);
  });
});
