/** Script actions and conditions that workflows share: here, labelling a node. */
import { describe, expect, it } from 'vitest';
import { Run } from '../playback/run';
import type { Scenario } from '../scenarios/types';
import { scenarioConfig, scenarioSpec } from './scenarioScript';

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
