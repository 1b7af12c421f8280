/** The scheduling workflow does what its steps tell: the right nodes filtered, the scores quoted, the real FailedScheduling text. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN } from '../playback/player';
import { Run } from '../playback/run';
import { scheduling } from '../scenarios/workflows/scheduling';
import { scenarioConfig, scenarioSpec } from './scenarioScript';

describe('workflow scheduling', () => {
  let run: Run;
  beforeAll(() => {
    run = new Run(scenarioSpec(scheduling, scenarioConfig(scheduling), 1));
    while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
  });
  const decision = (pod: string, i = 0) => run.decisions.filter((d) => d.pod === `default/${pod}`)[i]!;
  const verdict = (pod: string, node: string, i = 0) =>
    decision(pod, i).verdicts!.find((v) => v.node === node)!;

  it('plays every step without running out of time', () => {
    expect(run.steps).toHaveLength(scheduling.steps.length);
    expect(run.steps.filter((s) => s.timedOut)).toEqual([]);
  });

  it('starts with the control plane, CoreDNS and kindnet requesting 850m CPU on minikube and minikube-m04 off', () => {
    const cpu = run.cluster
      .list('Pod')
      .filter((p) => p.spec.nodeName === 'minikube' && p.metadata.namespace === 'kube-system')
      .flatMap((p) => p.spec.containers)
      .reduce((sum, c) => sum + parseInt(String(c.resources?.requests?.cpu ?? '0'), 10), 0);
    expect(cpu).toBe(850);
    const m03 = run.cluster.get('Node', undefined, 'minikube-m03')!;
    expect(m03.status.allocatable).toMatchObject({ cpu: '4', memory: '8Gi' });
  });

  it('puts web on minikube-m03 with the scores the explanation quotes', () => {
    expect(run.steps[2]!.answer).toBe('minikube-m03');
    expect(decision('web').winner).toBe('minikube-m03');
    expect(verdict('web', 'minikube-m02').failed).toMatchObject({
      plugin: 'TaintToleration',
      reasons: ['node(s) had untolerated taint {dedicated: gpu}'],
    });
    expect(verdict('web', 'minikube')).toMatchObject({
      total: 422,
      scores: { TaintToleration: 100, NodeResourcesFit: 42, NodeResourcesBalancedAllocation: 80 },
    });
    expect(verdict('web', 'minikube-m03')).toMatchObject({
      total: 481,
      scores: { TaintToleration: 100, NodeResourcesFit: 87, NodeResourcesBalancedAllocation: 94 },
    });
  });

  it('puts db, with its nodeSelector, on the only node left: minikube', () => {
    expect(run.steps[4]!.answer).toBe('minikube');
    expect(decision('db').feasible).toBe(1);
    expect(verdict('db', 'minikube-m03').failed).toMatchObject({
      plugin: 'NodeAffinity',
      reasons: ["node(s) didn't match Pod's node affinity/selector"],
    });
    expect(verdict('db', 'minikube-m02').failed?.plugin).toBe('TaintToleration');
  });

  it('leaves big Pending with the real FailedScheduling messages, then binds it to minikube-m04', () => {
    const failed = run.cluster
      .list('Event')
      .filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'big')
      .map((e) => e.message);
    expect(failed[0]).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    // The retry when minikube-m04 registers, before it is Ready.
    expect(failed[1]).toMatch(
      /^0\/4 nodes are available: .*untolerated taint \{node\.kubernetes\.io\/not-ready: \}/,
    );
    const big = run.cluster.get('Pod', 'default', 'big')!;
    expect(big.spec.nodeName).toBe('minikube-m04');
    expect(big.status.phase).toBe('Running');
    // The step that says the pod fits nowhere ends while it is still unbound.
    const scheduledAt = run.decisions.find((d) => d.pod === 'default/big' && d.winner)!.time;
    expect(scheduledAt).toBeGreaterThan(run.steps[6]!.end!);
  });
});
