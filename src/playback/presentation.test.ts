import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine/cluster';
import { makeDeployment } from '../engine/testing/builders';
import { DEFAULT_GAPS, Presentation } from './presentation';

function recorded(nodes = 2) {
  const cluster = new Cluster({ config: { nodeCount: nodes, runtime: 'docker' }, seed: 3 });
  cluster.sim.at(4_000, () => cluster.apply(makeDeployment('web', 2)));
  return cluster;
}

describe('Presentation', () => {
  it('gives every visible message a flight at least one gap long, in order', () => {
    const cluster = recorded();
    const p = new Presentation(cluster.sim.trace, 'show');
    for (let t = 500; t <= 20_000; t += 500) {
      cluster.run(500);
      p.extend(cluster.now);
    }
    expect(p.ids.length).toBe(cluster.sim.trace.length);
    let last = -1;
    for (const id of p.ids) {
      const sent = p.sentAtOf(id)!;
      expect(sent).toBeGreaterThanOrEqual(last);
      last = sent;
    }
    // The middle of each message's flight shows it in the air, and the virtual clock within its span.
    for (const id of p.ids.slice(0, 400)) {
      const stop = p.stopOf(id)!;
      expect(p.inFlight(stop).some((f) => f.id === id)).toBe(true);
      const v = p.toVirtual(stop);
      expect(v).toBeGreaterThanOrEqual(cluster.sim.trace.sentAt(id));
      expect(v).toBeLessThanOrEqual(cluster.sim.trace.deliverAt(id));
    }
  });

  it.each([250, 137, 1_000, 3])('is the same whether built in one go or in slices of %i ms', (slice) => {
    const a = recorded();
    a.run(20_000);
    const whole = new Presentation(a.sim.trace, 'dim');
    whole.extend(a.now);
    const b = recorded();
    const sliced = new Presentation(b.sim.trace, 'dim');
    while (b.now < 20_000) {
      b.run(Math.min(slice, 20_000 - b.now));
      sliced.extend(b.now);
    }
    expect(sliced.end).toBeCloseTo(whole.end, 6);
    expect(sliced.stops).toEqual(whole.stops);
    for (let x = 0; x < whole.end; x += whole.end / 97)
      expect(sliced.toVirtual(x)).toBeCloseTo(whole.toVirtual(x), 6);
  });

  it('maps presentation to virtual time and back, monotonically', () => {
    const cluster = recorded();
    cluster.run(15_000);
    const p = new Presentation(cluster.sim.trace, 'dim');
    p.extend(cluster.now);
    let previous = -1;
    for (let x = 0; x <= p.end; x += p.end / 500) {
      const v = p.toVirtual(x);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
      expect(p.toVirtual(p.toPresentation(v))).toBeCloseTo(v, 6);
    }
    expect(p.toVirtual(p.end)).toBe(cluster.now);
  });

  it('hides routine traffic entirely, or gives it shorter moments when dimmed', () => {
    const cluster = new Cluster({ config: { nodeCount: 3, runtime: 'docker' }, seed: 1 });
    cluster.run(120_000);
    const shown = new Presentation(cluster.sim.trace, 'show');
    const dimmed = new Presentation(cluster.sim.trace, 'dim');
    const hidden = new Presentation(cluster.sim.trace, 'hide');
    for (const p of [shown, dimmed, hidden]) p.extend(cluster.now);
    expect(hidden.ids.every((id) => !cluster.sim.trace.isRoutine(id))).toBe(true);
    expect(hidden.ids.length).toBeLessThan(dimmed.ids.length);
    expect(shown.end).toBeGreaterThan(dimmed.end);
    expect(dimmed.end).toBeGreaterThan(hidden.end);
    // Quiet stretches run at the cluster's own pace: never faster than virtual time.
    expect(hidden.end).toBeGreaterThanOrEqual(cluster.now);
    expect(shown.stops.length).toBeGreaterThan(dimmed.stops.length);
  });

  it('steps from stop to stop in both directions', () => {
    const cluster = recorded();
    cluster.run(10_000);
    const p = new Presentation(cluster.sim.trace, 'dim');
    p.extend(cluster.now);
    let x = 0;
    const forward: number[] = [];
    for (let n = p.nextStop(x); n !== undefined; n = p.nextStop(x)) forward.push((x = n));
    expect(forward).toEqual(p.stops);
    const back: number[] = [];
    for (let n = p.previousStop(x); n !== undefined; n = p.previousStop(x)) back.push((x = n));
    expect(back).toEqual(p.stops.slice(0, -1).reverse());
    expect(DEFAULT_GAPS.message).toBeGreaterThan(DEFAULT_GAPS.routine);
  });
});
