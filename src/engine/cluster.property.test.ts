/**
 * Model-based property tests: random clusters, workloads and faults (fast-check commands). After
 * every event the engine's invariants must hold; once the faults stop, every Deployment converges
 * to its replicas where capacity allows, and the rest stay Pending for the right reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, isPodReady } from './api/pods';
import { makeDeployment } from './testing/builders';
import { TestCluster } from './testing/testCluster';

interface Model {
  deployments: Map<string, number>;
  nodes: number;
  stopped: Set<string>;
}

type Real = TestCluster;

class CreateDeployment implements fc.Command<Model, Real> {
  constructor(
    readonly name: string,
    readonly replicas: number,
    readonly cpu: string,
  ) {}
  check = (m: Readonly<Model>) => !m.deployments.has(this.name);
  run(m: Model, r: Real): void {
    m.deployments.set(this.name, this.replicas);
    // kubectl waits for the API server's answer before the next command.
    r.apply(makeDeployment(this.name, this.replicas, { cpu: this.cpu, memory: '64Mi' })).advance('100ms');
  }
  toString = () => `create ${this.name} ×${this.replicas} cpu ${this.cpu}`;
}

class Scale implements fc.Command<Model, Real> {
  constructor(
    readonly index: number,
    readonly replicas: number,
  ) {}
  check = (m: Readonly<Model>) => m.deployments.size > 0;
  run(m: Model, r: Real): void {
    const name = [...m.deployments.keys()][this.index % m.deployments.size]!;
    m.deployments.set(name, this.replicas);
    r.act((c) => c.scale('Deployment', 'default', name, this.replicas)).advance('100ms');
  }
  toString = () => `scale #${this.index} to ${this.replicas}`;
}

class DeletePod implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(_: Model, r: Real): void {
    const pods = r.pods().filter(isActive);
    if (pods.length) r.act((c) => c.delete('Pod', 'default', pods[this.index % pods.length]!.metadata.name));
  }
  toString = () => `delete pod #${this.index}`;
}

class AddNode implements fc.Command<Model, Real> {
  check = (m: Readonly<Model>) => m.nodes < 5;
  run(m: Model, r: Real): void {
    m.nodes++;
    r.act((c) => c.addNode());
  }
  toString = () => 'add node';
}

class RemoveNode implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const workers = r.cluster.nodes.slice(1).map((n) => n.name);
    if (workers.length === 0) return;
    const name = workers[this.index % workers.length]!;
    m.stopped.delete(name);
    r.act((c) => c.removeNode(name)).advance('100ms');
  }
  toString = () => `remove node #${this.index}`;
}

class StopKubelet implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const workers = r.cluster.nodes.slice(1).map((n) => n.name);
    if (workers.length === 0) return;
    const name = workers[this.index % workers.length]!;
    m.stopped.add(name);
    r.act((c) => c.stopKubelet(name));
  }
  toString = () => `stop kubelet #${this.index}`;
}

class StartKubelet implements fc.Command<Model, Real> {
  check = (m: Readonly<Model>) => m.stopped.size > 0;
  run(m: Model, r: Real): void {
    const [name] = m.stopped;
    m.stopped.delete(name!);
    if (r.cluster.nodes.some((n) => n.name === name)) r.act((c) => c.startKubelet(name!));
  }
  toString = () => 'start a stopped kubelet';
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly seconds: number) {}
  check = () => true;
  run(_: Model, r: Real): void {
    r.advance(this.seconds * 1000);
    expect(r.violations).toEqual([]);
  }
  toString = () => `advance ${this.seconds}s`;
}

const commands = [
  fc
    .tuple(
      fc.constantFrom('a', 'b', 'c'),
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('100m', '300m', '700m'),
    )
    .map(([n, r, cpu]) => new CreateDeployment(n, r, cpu)),
  fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 8 })).map(([i, r]) => new Scale(i, r)),
  fc.nat(20).map((i) => new DeletePod(i)),
  fc.constant(new AddNode()),
  fc.nat(5).map((i) => new StopKubelet(i)),
  fc.nat(5).map((i) => new RemoveNode(i)),
  fc.constant(new StartKubelet()),
  fc.integer({ min: 1, max: 90 }).map((s) => new Advance(s)),
];

describe('random clusters, workloads and faults', () => {
  it('keep the invariants at every event, and converge once the faults stop', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        fc.commands(commands, { maxCommands: 25 }),
        (nodes, seed, cmds) => {
          const real = TestCluster.ready({ nodes, seed });
          const model: Model = { deployments: new Map(), nodes, stopped: new Set() };
          fc.modelRun(() => ({ model, real }), cmds);

          // Faults stop: every kubelet runs again, and time passes.
          for (const name of model.stopped)
            if (real.cluster.nodes.some((n) => n.name === name)) real.act((c) => c.startKubelet(name));
          real.advance('15m');
          expect(real.violations).toEqual([]);

          for (const [name, replicas] of model.deployments) {
            const pods = real.podsOf(`${name}-`).filter(isActive);
            const ready = pods.filter((p) => p.status.phase === 'Running' && isPodReady(p));
            const pending = pods.filter((p) => !p.spec.nodeName);
            expect(pods.length, `${name}: active pods`).toBe(replicas);
            expect(ready.length + pending.length, `${name}: ready or pending`).toBe(replicas);
            for (const p of pending) {
              const cond = p.status.conditions?.find((c) => c.type === 'PodScheduled');
              expect(cond?.reason, `${p.metadata.name} pending`).toBe('Unschedulable');
              expect(cond?.message).toMatch(/^0\/\d+ nodes are available: .*Insufficient cpu/);
            }
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), endOnFailure: true },
    );
  }, 120_000);
});
