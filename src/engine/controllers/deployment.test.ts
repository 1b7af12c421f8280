import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../api/types';
import { makeDeployment } from '../testing/builders';
import { TestCluster } from '../testing/testCluster';
import { proportion, setCondition, setNewReplicaSetAnnotations } from './deploymentUtil';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const deployment = (t: TestCluster, name = 'app') => t.cluster.get('Deployment', 'default', name)!;
const sets = (t: TestCluster) =>
  t.cluster
    .list('ReplicaSet', 'default')
    .sort(
      (a, b) =>
        Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) -
        Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']),
    );
const conditions = (d: Deployment) =>
  (d.status.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]);

function withStrategy(d: Deployment, strategy: NonNullable<Deployment['spec']['strategy']>): Deployment {
  return { ...d, spec: { ...d.spec, strategy } };
}

function annotated(d: Deployment, annotations: Record<string, string>): Deployment {
  return { ...d, metadata: { ...d.metadata, annotations } };
}

describe('deployment-controller status', () => {
  it('reports Available and Progressing as a rollout goes, and leaves zero counts out', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('app', 3)).advance('1500ms');
    const rs = sets(t)[0]!.metadata.name;
    const early = deployment(t);
    // Progress re-sets Progressing, which moves it after Available (SetDeploymentCondition appends).
    expect(conditions(early)).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rs}" is progressing.`],
    ]);
    expect(early.status.unavailableReplicas).toBe(3);
    expect('availableReplicas' in early.status).toBe(false);
    expect(sets(t)[0]!.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });

    t.advance('60s');
    const done = deployment(t);
    expect(conditions(done)).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs}" has successfully progressed.`],
    ]);
    expect(done.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect('unavailableReplicas' in done.status).toBe(false);
    // The progress condition keeps the time it first turned True.
    const progressing = done.status.conditions!.find((c) => c.type === 'Progressing')!;
    expect(progressing.lastTransitionTime! <= progressing.lastUpdateTime!).toBe(true);
  });

  it('marks a rollout that makes no progress for progressDeadlineSeconds as ProgressDeadlineExceeded', () => {
    const t = TestCluster.ready({ nodes: 1 }).apply(makeDeployment('app', 2)).advance('60s');
    t.apply(makeDeployment('app', 2, { image: 'nginx:9.99' })).advance('5m');
    const progressing = () => deployment(t).status.conditions!.find((c) => c.type === 'Progressing')!;
    expect(progressing().status).toBe('True');
    t.advance('6m');
    const newRS = sets(t).at(-1)!.metadata.name;
    expect(progressing()).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS}" has timed out progressing.`,
    });
    // The old pods keep serving: maxUnavailable 0 for 2 replicas.
    expect(deployment(t).status.availableReplicas).toBe(2);
  });
});

describe('deployment-controller loop notes', () => {
  it('says what it saw before it acted: a plain scale, then a rollout', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('app', 2)).advance('40s');
    const notes = () => t.cluster.controllerManager.deployment.history.filter((n) => n.action !== 'none');
    t.act((c) => c.scale('Deployment', 'default', 'app', 4)).advance('2s');
    const rs = sets(t)[0]!.metadata.name;
    expect(notes().at(-1)).toMatchObject({
      desired: '4 replicas',
      actual: `2 in ${rs}`,
      diff: '2',
      action: `scale up ${rs} to 4`,
    });
    t.apply(makeDeployment('app', 4, { image: 'nginx:1.28' })).advance('1s');
    const rollout = notes().findLast((n) => n.diff === 'new template')!;
    expect(rollout.actual).toBe('no ReplicaSet for it, old 4');
    // maxSurge 1 and maxUnavailable 1 of 4: one new pod and one old pod fewer, in the same pass.
    expect(rollout.action).toMatch(/^create ReplicaSet app-\w+ with 1; scale down app-\w+ to 3$/);
  });
});

describe('deployment-controller annotations and history', () => {
  it('hands kubernetes.io/change-cause down to the new ReplicaSet, and later changes to the current one', () => {
    const first = annotated(makeDeployment('app', 2), { [CHANGE_CAUSE]: 'first' });
    const t = TestCluster.ready({ nodes: 2 }).apply(first).advance('30s');
    expect(sets(t).map((rs) => rs.metadata.annotations?.[CHANGE_CAUSE])).toEqual(['first']);
    t.apply(
      annotated(makeDeployment('app', 2, { image: 'nginx:1.28' }), { [CHANGE_CAUSE]: 'second' }),
    ).advance('60s');
    expect(sets(t).map((rs) => rs.metadata.annotations?.[CHANGE_CAUSE])).toEqual(['first', 'second']);
    // Only changed annotations are copied; the Deployment's own bookkeeping stays on the Deployment.
    const rs = sets(t)[1]!;
    expect(rs.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '2',
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
    });
  });

  it('reuses the ReplicaSet of a template used before, remembering its old revision in revision-history', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('app', 2)).advance('30s');
    t.apply(makeDeployment('app', 2, { image: 'nginx:1.28' })).advance('60s');
    t.apply(makeDeployment('app', 2)).advance('60s');
    expect(sets(t)).toHaveLength(2);
    const reused = sets(t).at(-1)!;
    expect(reused.spec.template.spec.containers[0]!.image).toBe('nginx:1.27');
    expect(reused.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
  });

  it('deletes old, empty ReplicaSets beyond revisionHistoryLimit once the rollout completes', () => {
    const limited = (image: string) => {
      const d = makeDeployment('app', 1, { image });
      return { ...d, spec: { ...d.spec, revisionHistoryLimit: 1 } };
    };
    const t = TestCluster.ready({ nodes: 1 }).apply(limited('nginx:1.26')).advance('30s');
    t.apply(limited('nginx:1.27')).advance('60s');
    t.apply(limited('nginx:1.28')).advance('60s');
    expect(sets(t).map((rs) => rs.spec.template.spec.containers[0]!.image)).toEqual([
      'nginx:1.27',
      'nginx:1.28',
    ]);
  });
});

describe('minReadySeconds', () => {
  it('a pod counts as available only once it has been Ready for minReadySeconds', () => {
    const d = makeDeployment('app', 2);
    const slow = { ...d, spec: { ...d.spec, minReadySeconds: 20 } };
    const t = TestCluster.ready({ nodes: 1 }).apply(slow);
    let readyAt = -1;
    let availableAt = -1;
    for (let s = 1; s <= 60 && availableAt < 0; s++) {
      t.advance('1s');
      const status = sets(t)[0]?.status;
      if (readyAt < 0 && status?.readyReplicas === 2) readyAt = s;
      if (status?.availableReplicas === 2) availableAt = s;
    }
    expect(sets(t)[0]!.spec.minReadySeconds).toBe(20);
    expect(readyAt).toBeGreaterThan(0);
    expect(availableAt - readyAt).toBeGreaterThanOrEqual(19);
    expect(availableAt - readyAt).toBeLessThanOrEqual(22);
    expect(deployment(t).status.availableReplicas).toBe(2);
  });
});

describe('deployment-controller pause and resume', () => {
  it('a paused Deployment keeps its pods through template changes, still scales, and rolls out once resumed', () => {
    const paused = (image: string, replicas = 2, pause = true) => {
      const d = makeDeployment('app', replicas, { image });
      return { ...d, spec: { ...d.spec, paused: pause } };
    };
    const t = TestCluster.ready({ nodes: 2 }).apply(makeDeployment('app', 2)).advance('40s');
    t.apply(paused('nginx:1.27')).advance('2s');
    expect(conditions(deployment(t)).at(-1)).toEqual([
      'Progressing',
      'Unknown',
      'DeploymentPaused',
      'Deployment is paused',
    ]);
    t.apply(paused('nginx:1.28', 3)).advance('40s');
    expect(sets(t).map((rs) => [rs.spec.template.spec.containers[0]!.image, rs.spec.replicas])).toEqual([
      ['nginx:1.27', 3],
    ]);
    t.apply(paused('nginx:1.28', 3, false)).advance('2s');
    expect(
      conditions(deployment(t)).some((c) => c[2] === 'DeploymentResumed' || c[2] === 'ReplicaSetUpdated'),
    ).toBe(true);
    t.advance('60s');
    expect(sets(t).map((rs) => [rs.spec.template.spec.containers[0]!.image, rs.spec.replicas])).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28', 3],
    ]);
    expect(conditions(deployment(t)).at(-1)?.[2]).toBe('NewReplicaSetAvailable');
  });
});

describe('deployment-controller strategies', () => {
  it('Recreate: every old pod is gone before the first new one is created', () => {
    const recreate = (image?: string) =>
      withStrategy(makeDeployment('app', 3, image ? { image } : {}), { type: 'Recreate' });
    const t = TestCluster.ready({ nodes: 2 }).apply(recreate()).advance('60s');
    t.apply(recreate('nginx:1.28'));
    let overlap = 0;
    let newSeen = false;
    for (let s = 0; s < 120; s++) {
      t.advance('1s');
      const pods = t.podsOf('app-');
      const images = new Set(pods.map((p) => p.spec.containers[0]!.image));
      if (images.has('nginx:1.28')) newSeen = true;
      if (images.size > 1) overlap++;
    }
    expect(newSeen).toBe(true);
    expect(overlap).toBe(0);
    expect(t.podsOf('app-').filter((p) => p.status.phase === 'Running')).toHaveLength(3);
    const scaling = t
      .events((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message.replace(/app-\w+/, 'app-x'));
    expect(scaling.slice(-2)).toEqual([
      'Scaled down replica set app-x from 3 to 0',
      'Scaled up replica set app-x from 0 to 3',
    ]);
  });

  it('scaling in the middle of a stuck rollout spreads the new replicas in proportion (the docs example)', () => {
    // kubernetes.io/docs "Proportional scaling": 10 replicas, maxSurge 3, maxUnavailable 2, an image
    // that cannot be pulled, then a scale to 15: 3 more for the old ReplicaSet and 2 for the new.
    const d = (replicas: number, image?: string) =>
      withStrategy(makeDeployment('app', replicas, image ? { image } : {}), {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 3, maxUnavailable: 2 },
      });
    const t = TestCluster.ready({ nodes: 3 }).apply(d(10)).advance('60s');
    t.apply(d(10, 'nginx:sometag')).advance('60s');
    expect(sets(t).map((rs) => rs.spec.replicas)).toEqual([8, 5]);
    t.act((c) => c.scale('Deployment', 'default', 'app', 15)).advance('5s');
    expect(sets(t).map((rs) => rs.spec.replicas)).toEqual([11, 7]);
  });
});

describe('deployment util', () => {
  const rs = (replicas: number, maxReplicas: number) =>
    ({
      metadata: { annotations: { 'deployment.kubernetes.io/max-replicas': String(maxReplicas) } },
      spec: { replicas },
    }) as unknown as ReplicaSet;

  it('proportions round half away from zero and never pass what is left to add or remove', () => {
    const d = withStrategy(makeDeployment('d', 15), {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 3, maxUnavailable: 2 },
    });
    expect(proportion(rs(8, 13), d, 5, 0)).toBe(3);
    expect(proportion(rs(5, 13), d, 5, 3)).toBe(2);
    expect(proportion(rs(5, 13), d, 5, 5)).toBe(0);
    const down = withStrategy(makeDeployment('d', 5), {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(proportion(rs(6, 12), down, -6, 0)).toBe(-3);
    expect(proportion(rs(5, 10), makeDeployment('d', 0), -5, 0)).toBe(-5);
  });

  it('a condition set again with the same status and reason is left alone; a new reason moves it last', () => {
    const status: Deployment['status'] = {};
    const c = (reason: string, time: string, state: 'True' | 'False' = 'True') => ({
      type: 'Progressing' as const,
      status: state,
      reason,
      lastUpdateTime: time,
      lastTransitionTime: time,
    });
    setCondition(status, c('NewReplicaSetCreated', 't1'));
    setCondition(status, { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' });
    setCondition(status, c('NewReplicaSetCreated', 't2'));
    expect(status.conditions!.map((x) => [x.type, x.lastUpdateTime])).toEqual([
      ['Progressing', 't1'],
      ['Available', undefined],
    ]);
    setCondition(status, c('NewReplicaSetAvailable', 't3'));
    expect(status.conditions!.map((x) => [x.type, x.lastUpdateTime, x.lastTransitionTime])).toEqual([
      ['Available', undefined, undefined],
      ['Progressing', 't3', 't1'],
    ]);
    setCondition(status, c('ProgressDeadlineExceeded', 't4', 'False'));
    expect(status.conditions!.at(-1)).toMatchObject({ lastTransitionTime: 't4', status: 'False' });
  });

  it('revision-history keeps the revisions a reused ReplicaSet had, within 2,000 characters', () => {
    const d = makeDeployment('d', 1);
    const annotations: Record<string, string> = { 'deployment.kubernetes.io/revision': '1' };
    expect(setNewReplicaSetAnnotations(annotations, d, 3, true)).toBe(true);
    expect(setNewReplicaSetAnnotations(annotations, d, 5, true)).toBe(true);
    expect(annotations).toEqual({
      'deployment.kubernetes.io/revision': '5',
      'deployment.kubernetes.io/revision-history': '1,3',
    });
    expect(setNewReplicaSetAnnotations(annotations, d, 5, true)).toBe(false);
    annotations['deployment.kubernetes.io/revision-history'] = Array.from(
      { length: 500 },
      (_, i) => i + 100,
    ).join(',');
    setNewReplicaSetAnnotations(annotations, d, 6, true);
    const history = annotations['deployment.kubernetes.io/revision-history']!;
    expect(history.length).toBeLessThanOrEqual(2000);
    expect(history.endsWith(',5')).toBe(true);
  });
});
