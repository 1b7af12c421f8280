import { describe, expect, it } from 'vitest';
import { TestCluster } from '../engine/testing/testCluster';
import { run, webDeployment } from './testing/session';

describe('kubectl scale while controllers write the Deployment', () => {
  it('never fails with a conflict (kubectl scales through the scale subresource)', () => {
    const t = TestCluster.start({ seed: 7, checkInvariants: false }).advance('8s');
    t.apply(webDeployment(3)).advance(20);
    // Scale again and again while the Deployment's controller is still writing its status.
    const outputs: string[] = [];
    for (let i = 0; i < 300; i++) {
      t.advance(1 + (i % 7));
      outputs.push(run(t, `kubectl scale deployment web --replicas=${(i % 4) + 2}`).text);
    }
    expect(outputs.filter((o) => o.includes('Conflict'))).toEqual([]);
    expect([...new Set(outputs)]).toEqual(['deployment.apps/web scaled']);
    // 300 scales on a live cluster take ~2 s alone; more when the machine is shared.
  }, 20_000);
});
