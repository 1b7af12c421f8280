import { componentId } from '../engine/topology';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../playback/manualClock';
import * as engine from './engine';
import { applyToRunning } from '../scenarios/workflows/applyToRunning';
import { tour } from '../scenarios/workflows/tour';
import { nodeFailure } from '../scenarios/workflows/nodeFailure';
import { createAppStore, type AppStore } from './appStore';
import type { Scenario } from './guide';

function open(scenario: Scenario, step = 0) {
  const { clock, frame } = manualClock();
  const store = createAppStore({
    config: { nodeCount: 1, runtime: 'docker' },
    language: 'en',
    theme: null,
    clock,
    engine,
    speed: 16,
    guide: { scenario, step },
  });
  return { store, frame };
}

/** Plays frames until the current step is done (or gives up). */
function untilDone(store: AppStore, frame: () => void) {
  for (let i = 0; i < 200_000 && store.getState().guide?.phase !== 'done'; i++) frame();
  return store.getState().guide!;
}

describe('a guided workflow in the store', () => {
  it('builds the cluster the workflow asks for and plays its first step to its end', async () => {
    const { store, frame } = open(tour);
    await Promise.resolve();
    expect(store.getState().config.nodeCount).toBe(2);
    expect(store.getState().guide?.step).toBe(0);
    expect(store.getState().guide?.focus).toEqual(new Set(['minikube', 'minikube-m02']));
    const done = untilDone(store, frame);
    expect(done.phase).toBe('done');
    expect(store.getState().playback.playing).toBe(false);
  });

  it('Next plays the next step; Back goes to the one before; Play after a step is Next', async () => {
    const { store, frame } = open(tour);
    await Promise.resolve();
    untilDone(store, frame);
    store.getState().nextStep();
    expect(store.getState().guide?.step).toBe(1);
    expect(store.getState().guide?.phase).toBe('playing');
    expect([...store.getState().guide!.focus]).toContain('kube-scheduler');
    untilDone(store, frame);
    store.getState().togglePlay();
    expect(store.getState().guide?.step).toBe(2);
    store.getState().previousStep();
    expect(store.getState().guide?.step).toBe(1);
  });

  it('follows kubectl apply until three pods run, one step at a time, on the real engine', async () => {
    const { store, frame } = open(applyToRunning);
    await Promise.resolve();
    const player = store.getState().player!;
    for (let s = 0; s < applyToRunning.steps.length; s++) {
      expect(store.getState().guide?.step).toBe(s);
      untilDone(store, frame);
      expect(store.getState().guide?.phase, `step ${s + 1}`).toBe('done');
      expect(player.run.steps[s]!.end! - player.run.steps[s]!.start, `step ${s + 1}`).toBeLessThan(60_000);
      store.getState().nextStep();
    }
    const running = [...store.getState().view.nodes.values()]
      .flatMap((n) => n.pods)
      .filter((p) => p.name.startsWith('web-') && p.status === 'Running');
    expect(running).toHaveLength(3);
  });

  it('closes the Details a step opened when the next step opens none, and keeps the learner’s own', async () => {
    const { store, frame } = open(applyToRunning, 3);
    await Promise.resolve();
    expect(store.getState().selection).toEqual({ kind: 'component', id: 'kube-scheduler' });
    untilDone(store, frame);
    store.getState().nextStep();
    // Step 5 opens no Details: it looks as it does when opened from its address.
    expect(store.getState().guide?.step).toBe(4);
    expect(store.getState().selection).toBeNull();
    store.getState().select({ kind: 'component', id: componentId('etcd') });
    untilDone(store, frame);
    store.getState().nextStep();
    expect(store.getState().selection).toEqual({ kind: 'component', id: componentId('etcd') });
  });

  it('skips a long wait of cluster time to where the step is done', async () => {
    // Step 4 waits out the pods' 300-s tolerations.
    const { store, frame } = open(nodeFailure, 3);
    await Promise.resolve();
    frame();
    expect(store.getState().guide).toMatchObject({ step: 3, phase: 'playing' });
    const from = store.getState().playback.virtualTime;
    store.getState().skipStep();
    frame();
    const end = store.getState().player!.run.steps[3]!.end!;
    expect(end - from).toBeGreaterThan(250_000);
    expect(store.getState().playback.virtualTime).toBe(end);
    expect(store.getState().guide).toMatchObject({ step: 3, phase: 'done' });
    expect(store.getState().playback.playing).toBe(false);
  });

  it('opens a step from the URL directly', async () => {
    const { store, frame } = open(applyToRunning, 3);
    await Promise.resolve();
    expect(store.getState().guide?.step).toBe(3);
    expect(store.getState().selection).toEqual({ kind: 'component', id: 'kube-scheduler' });
    untilDone(store, frame);
    const bound = store.getState().player!.run.decisions.filter((d) => d.pod.includes('web-'));
    expect(bound.length).toBeGreaterThanOrEqual(3);
  });
});
