import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectHistory } from './history';
import { makeDeployment } from './testing/builders';
import { TestCluster } from './testing/testCluster';

describe('ObjectHistory', () => {
  const t = TestCluster.ready({ nodes: 2, checkInvariants: false })
    .apply(makeDeployment('h', 3))
    .advance('60s');
  t.act((c) => c.scale('Deployment', 'default', 'h', 1)).advance('60s');
  const changes = t.cluster.etcd.changes;

  it('rebuilds the present from the change log', () => {
    const history = new ObjectHistory(changes, 50);
    const now = history.stateAt(t.now);
    expect(now.size).toBe(t.cluster.etcd.size);
    for (const [key, obj] of now) expect(t.cluster.etcd.get(key)?.value).toBe(obj);
  });

  it('gives the same state at any time however it is reached (checkpoints or not, forwards or backwards)', () => {
    const coarse = new ObjectHistory(changes, 10_000);
    const fine = new ObjectHistory(changes, 37);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: t.now }), { minLength: 1, maxLength: 10 }), (times) => {
        for (const time of times)
          expect([...fine.stateAt(time).keys()]).toEqual([...coarse.stateAt(time).keys()]);
      }),
      { numRuns: 30 },
    );
  });

  it('shows the deployment with 3 pods before the scale-down and 1 after', () => {
    const history = new ObjectHistory(changes);
    const pods = (time: number) =>
      [...history.stateAt(time).keys()].filter((k) => k.startsWith('/registry/pods/default/h-')).length;
    expect(pods(t.now - 70_000)).toBe(3);
    expect(pods(t.now)).toBe(1);
  });
});
