/**
 * The actions and `until` conditions added for the workflows: podCount, nodeUntainted, the label
 * action with nodeLabel.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RUN } from '../playback/player';
import { Run } from '../playback/run';
import type { Scenario, Step } from '../scenarios/types';
import { scenarioConfig, scenarioSpec } from './scenarioScript';

const text = { en: 'x', zh: '中' };
const step = (rest: Partial<Step>): Step => ({ title: text, narration: text, ...rest });
const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'demo' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'demo' } },
    template: {
      metadata: { labels: { app: 'demo' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    },
  },
});

function play(steps: Step[]): Run {
  const scenario: Scenario = {
    id: 'demo',
    title: text,
    summary: text,
    setup: [{ apply: deployment(3) }],
    setupUntil: { podsRunning: { selector: 'app=demo', count: 3 } },
    steps,
  };
  const run = new Run(scenarioSpec(scenario, scenarioConfig(scenario), 1));
  while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
  return run;
}

const demoPods = (run: Run) =>
  run.cluster.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'demo');

describe('until podCount', () => {
  it('holds once exactly that many pods exist, terminating ones included', () => {
    const run = play([
      step({
        actions: [{ scale: { deployment: 'demo', replicas: 1 } }],
        until: { podCount: { selector: 'app=demo', count: 1 } },
        limit: 60,
      }),
    ]);
    expect(run.steps[0]!.timedOut).toBeFalsy();
    // Still true right at the end: the two extra pods were gone, not merely Terminating.
    expect(demoPods(run)).toHaveLength(1);
  });

  it('does not hold while there are more (or fewer) pods', () => {
    const run = play([step({ until: { podCount: { selector: 'app=demo', count: 2 } }, limit: 20 })]);
    expect(run.steps[0]!.timedOut).toBe(true);
  });
});

describe('until nodeUntainted', () => {
  it('waits for the taint to be removed', () => {
    const run = play([
      step({
        actions: [{ taint: { node: 'minikube', key: 'demo', effect: 'NoSchedule' } }],
        until: { nodeTaint: { node: 'minikube', key: 'demo' } },
        limit: 10,
      }),
      step({ until: { nodeUntainted: { node: 'minikube', key: 'demo' } }, limit: 10 }),
      step({
        actions: [{ untaint: { node: 'minikube', key: 'demo' } }],
        until: { nodeUntainted: { node: 'minikube', key: 'demo' } },
        limit: 10,
      }),
    ]);
    expect(run.steps[0]!.timedOut).toBeFalsy();
    expect(run.steps[1]!.timedOut).toBe(true);
    expect(run.steps[2]!.timedOut).toBeFalsy();
  });

  it('does not hold for a node that does not exist', () => {
    const run = play([step({ until: { nodeUntainted: { node: 'minikube-m09', key: 'demo' } }, limit: 5 })]);
    expect(run.steps[0]!.timedOut).toBe(true);
  });
});

const labelled: Scenario = {
  id: 'label-test',
  title: { en: 'label', zh: '标签' },
  summary: { en: 'label', zh: '标签' },
  cluster: { nodes: 2 },
  steps: [
    {
      title: { en: 'label', zh: '标签' },
      narration: { en: 'label', zh: '标签' },
      actions: [{ label: { node: 'minikube-m02', key: 'disktype', value: 'ssd' } }],
      until: { nodeLabel: { node: 'minikube-m02', key: 'disktype', value: 'ssd' } },
      limit: 5,
    },
    {
      title: { en: 'relabel', zh: '标签' },
      narration: { en: 'relabel', zh: '标签' },
      actions: [{ label: { node: 'minikube-m02', key: 'disktype', value: 'hdd' } }],
      until: { nodeLabel: { node: 'minikube-m02', key: 'disktype', value: 'hdd' } },
    },
  ],
};

describe('label action and nodeLabel condition', () => {
  it('sets the label as kubectl label does, keeps the built-in ones, and the step ends when it is stored', () => {
    const run = new Run(scenarioSpec(labelled, scenarioConfig(labelled), 1));
    run.extendTo(run.spec.startAt! + 5_000);
    expect(run.steps.map((s) => s.timedOut ?? false)).toEqual([false, false]);
    // A write takes a few ms through kube-apiserver and etcd, not the whole limit.
    expect(run.steps[0]!.end! - run.steps[0]!.start).toBeLessThan(1_000);
    const node = run.cluster.get('Node', undefined, 'minikube-m02')!;
    // A second label with the same key changes its value (kubectl label --overwrite).
    expect(node.metadata.labels).toMatchObject({ disktype: 'hdd', 'kubernetes.io/hostname': 'minikube-m02' });
  });

  it('times out when the label never appears', () => {
    const never: Scenario = {
      ...labelled,
      steps: [{ ...labelled.steps[0]!, actions: [] }],
    };
    const run = new Run(scenarioSpec(never, scenarioConfig(never), 1));
    run.extendTo(run.spec.startAt! + 10_000);
    expect(run.steps[0]!.timedOut).toBe(true);
  });
});
