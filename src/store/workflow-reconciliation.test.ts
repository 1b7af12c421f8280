/** reconciliation: a deleted pod is replaced, scale to 5 and to 2 (the newest pods go first). */
import { describe, expect, it } from 'vitest';
import { play } from './workflowTestKit';
import { reconciliation } from '../scenarios/workflows/reconciliation';

const WEB = 'app=web';
const names = (pods: { metadata: { name: string } }[]) => pods.map((p) => p.metadata.name).sort();

describe('workflow reconciliation', () => {
  const p = play(reconciliation);
  const before = [...p.run.history.stateAt(p.steps[0]!.start).values()].filter(
    (o) => o.kind === 'Pod' && o.metadata.labels?.app === 'web',
  );

  it('deletes one of three running pods: Terminating, then kubelet kills its container', () => {
    expect(before).toHaveLength(3);
    const terminating = p
      .at(0)
      .pods(WEB)
      .filter((pod) => pod.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
    const killing = p.events(0).find((e) => e.reason === 'Killing');
    expect(killing?.involvedObject.name).toBe(terminating[0]!.metadata.name);
    expect(killing?.message).toBe('Stopping container nginx');
  });

  it('has the ReplicaSet controller see desired 3, actual 2 and create one pod', () => {
    const start = p.steps[0]!.start;
    const end = p.steps[1]!.end!;
    const passes = p.run.reconciliations.filter(
      (r) => r.controller === 'replicaset-controller' && r.time > start && r.time <= end,
    );
    expect(
      passes.some(
        (r) => r.desired === '3 replicas' && r.actual === '2 active pods' && r.action === 'create 1 pod(s)',
      ),
    ).toBe(true);
    expect(p.events(1).filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(1);
  });

  it('ends the replacement step with exactly three running pods, the deleted one gone', () => {
    const pods = p.at(2).pods(WEB);
    expect(pods).toHaveLength(3);
    expect(pods.every((pod) => pod.status.phase === 'Running' && !pod.metadata.deletionTimestamp)).toBe(true);
    const deleted = p
      .at(0)
      .pods(WEB)
      .find((pod) => pod.metadata.deletionTimestamp)!.metadata.name;
    expect(names(pods)).not.toContain(deleted);
  });

  it('scales up to 5 through the Deployment controller', () => {
    expect(
      p
        .at(3)
        .pods(WEB)
        .filter((pod) => pod.status.phase === 'Running'),
    ).toHaveLength(5);
    expect(
      [...p.events(3), ...p.events(2)].some(
        (e) =>
          e.reason === 'ScalingReplicaSet' && /Scaled up replica set web-\w+ from 3 to 5/.test(e.message),
      ),
    ).toBe(true);
  });

  it('scales down to 2 keeping the two oldest pods, as the prediction says', () => {
    const five = p.at(3).pods(WEB);
    // All on one node, so nothing but age tells them apart (the explanation relies on it).
    expect(new Set(five.map((pod) => pod.spec.nodeName)).size).toBe(1);
    const oldest = [...five]
      .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1))
      .slice(0, 2);
    const survivors = p.at(4).pods(WEB);
    expect(survivors).toHaveLength(2);
    expect(names(survivors)).toEqual(names(oldest));
    // The two oldest are the original pods the first step did not delete.
    expect(names(survivors).every((n) => before.some((o) => o.metadata.name === n))).toBe(true);
    expect(p.steps[4]!.answer).toBe('newest');
  });

  it('keeps every step well under a minute', () => {
    for (const s of p.steps) expect(s.end! - s.start).toBeLessThan(60_000);
  });
});
