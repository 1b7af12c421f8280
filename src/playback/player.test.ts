import { describe, expect, it } from 'vitest';
import { makeDeployment } from '../engine/testing/builders';
import { manualClock } from './manualClock';
import { Player } from './player';
import type { RunSpec } from './run';

const spec: RunSpec = {
  config: { nodeCount: 2, runtime: 'docker' },
  seed: 7,
  actions: [{ at: 5_000, run: (c) => c.apply(makeDeployment('web', 2)) }],
};

function podPhases(player: Player): string[] {
  return [...player.objectsNow().values()]
    .filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
    .map((o) => (o.kind === 'Pod' ? (o.status?.phase ?? '') : ''))
    .sort();
}

describe('Player', () => {
  it('plays forward at its speed and shows the pods reach Running', () => {
    const { clock, frame } = manualClock();
    const player = new Player(spec, clock, { speed: 16 });
    player.play();
    for (let i = 0; i < 20_000 && podPhases(player).join() !== 'Running,Running'; i++) frame();
    expect(podPhases(player)).toEqual(['Running', 'Running']);
    expect(player.virtualTime).toBeGreaterThan(5_000);
  });

  it('steps back and forward to the same state (replay, not undo)', () => {
    const { clock, frame } = manualClock();
    const player = new Player(spec, clock, { speed: 16 });
    player.play();
    for (let i = 0; i < 20_000 && podPhases(player).join() !== 'Running,Running'; i++) frame();
    player.stepForward();
    const here = player.cursor;
    const before = JSON.stringify([...player.objectsNow()]);
    for (let i = 0; i < 30; i++) player.stepBack();
    expect(player.cursor).toBeLessThan(here);
    const back = player.cursor;
    const earlier = JSON.stringify([...player.objectsNow()].sort());
    for (let i = 0; i < 30; i++) player.stepForward();
    expect(player.cursor).toBe(here);
    expect(JSON.stringify([...player.objectsNow()])).toBe(before);
    // A second player of the same run, jumping straight there, shows exactly the same objects.
    const other = new Player(spec, manualClock().clock);
    other.seek(back);
    expect(JSON.stringify([...other.objectsNow()].sort())).toBe(earlier);
    expect(earlier).not.toBe(JSON.stringify([...player.objectsNow()].sort()));
  });

  it('records the rest of the run in the background, a slice per frame', () => {
    const { clock, frame } = manualClock();
    const player = new Player(spec, clock);
    expect(player.complete).toBe(false);
    for (let i = 0; i < 2_000 && !player.complete; i++) frame();
    expect(player.complete).toBe(true);
    expect(player.run.recordedUntil).toBeGreaterThanOrEqual(65_000);
  });

  it('keeps the virtual time when routine traffic is hidden', () => {
    const { clock } = manualClock();
    const player = new Player(spec, clock);
    player.seekVirtual(30_000);
    const v = player.virtualTime;
    player.setHeartbeats('hide');
    expect(player.virtualTime).toBeCloseTo(v, 3);
    expect(player.heartbeats).toBe('hide');
  });

  it('clamps the speed and ignores a non-number seek', () => {
    const { clock } = manualClock();
    const player = new Player(spec, clock, { speed: 1e9 });
    expect(player.speed).toBe(16);
    player.setSpeed(0);
    expect(player.speed).toBe(0.25);
    player.seek(Number.NaN);
    expect(player.cursor).toBe(0);
  });
});
