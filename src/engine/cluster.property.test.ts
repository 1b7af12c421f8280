/**
 * Model-based property tests: random clusters, workloads and faults (fast-check commands). After
 * every event the engine's invariants must hold (kubelets, kube-apiserver, etcd, kube-scheduler and
 * kube-controller-manager stopped and started among the faults); once the faults stop, every Deployment converges
 * to its replicas where capacity allows, and the rest stay Pending for the right reason; a
 * DaemonSet with a node selector runs exactly one ready pod on each node whose labels match.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, isPodReady } from './api/pods';
import type { DaemonSet } from './api/types';
import { makeDeployment } from './testing/builders';
import { TestCluster } from './testing/testCluster';

interface Model {
  deployments: Map<string, number>;
  nodes: number;
  stopped: Set<string>;
  tainted: Set<string>;
  /** kube-apiserver or etcd, stopped: kubectl's writes are not tried meanwhile (they would fail). */
  apiDown: Set<ApiComponent>;
  /** kube-scheduler or kube-controller-manager, stopped: kubectl's writes still work, nothing acts on them. */
  loopsDown: Set<LoopComponent>;
}

/** The control loops, which only read and write through kube-apiserver. */
type LoopComponent = 'kube-scheduler' | 'kube-controller-manager';

/** What kubectl's writes go through. */
type ApiComponent = 'kube-apiserver' | 'etcd';

/** Commands that write through kube-apiserver run only while it and etcd are up. */
const apiUp = (m: Readonly<Model>) => m.apiDown.size === 0;

type Real = TestCluster;

class CreateDeployment implements fc.Command<Model, Real> {
  constructor(
    readonly name: string,
    readonly replicas: number,
    readonly cpu: string,
    /** Its pods have a readiness probe (nginx's `/`, every 5 s): Ready waits for kubelet's prober. */
    readonly probed: boolean,
  ) {}
  check = (m: Readonly<Model>) => apiUp(m) && !m.deployments.has(this.name);
  run(m: Model, r: Real): void {
    m.deployments.set(this.name, this.replicas);
    // kubectl waits for the API server's answer before the next command.
    const readinessProbe = this.probed ? { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } : undefined;
    r.apply(
      makeDeployment(this.name, this.replicas, {
        cpu: this.cpu,
        memory: '64Mi',
        ...(readinessProbe ? { readinessProbe } : {}),
      }),
    ).advance('100ms');
  }
  toString = () => `create ${this.name} ×${this.replicas} cpu ${this.cpu}${this.probed ? ' probed' : ''}`;
}

class Scale implements fc.Command<Model, Real> {
  constructor(
    readonly index: number,
    readonly replicas: number,
  ) {}
  check = (m: Readonly<Model>) => apiUp(m) && m.deployments.size > 0;
  run(m: Model, r: Real): void {
    const name = [...m.deployments.keys()][this.index % m.deployments.size]!;
    m.deployments.set(name, this.replicas);
    r.act((c) => c.scale('Deployment', 'default', name, this.replicas)).advance('100ms');
  }
  toString = () => `scale #${this.index} to ${this.replicas}`;
}

class DeletePod implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = apiUp;
  run(_: Model, r: Real): void {
    const pods = r.pods().filter(isActive);
    if (pods.length) r.act((c) => c.delete('Pod', 'default', pods[this.index % pods.length]!.metadata.name));
  }
  toString = () => `delete pod #${this.index}`;
}

class AddNode implements fc.Command<Model, Real> {
  check = (m: Readonly<Model>) => apiUp(m) && m.nodes < 5;
  run(m: Model, r: Real): void {
    m.nodes++;
    r.act((c) => c.addNode());
  }
  toString = () => 'add node';
}

class RemoveNode implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = apiUp;
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

/** Stops kube-apiserver or etcd (its manifest out) and waits until kubelet has stopped its process. */
class StopApiComponent implements fc.Command<Model, Real> {
  constructor(readonly component: ApiComponent) {}
  check = apiUp;
  run(m: Model, r: Real): void {
    m.apiDown.add(this.component);
    r.act((c) => c.stopComponent(this.component));
    while (r.cluster.isUp(this.component)) r.advance(50);
  }
  toString = () => `stop ${this.component}`;
}

/** Starts it again and waits until its process runs. */
class StartApiComponent implements fc.Command<Model, Real> {
  constructor(readonly component: ApiComponent) {}
  check = (m: Readonly<Model>) => m.apiDown.has(this.component);
  run(m: Model, r: Real): void {
    m.apiDown.delete(this.component);
    startApiComponent(r, this.component);
  }
  toString = () => `start ${this.component}`;
}

function startApiComponent(r: Real, component: ApiComponent): void {
  r.act((c) => c.startComponent(component));
  while (!r.cluster.isUp(component)) r.advance(50);
}

/** Stops kube-scheduler or kube-controller-manager (its manifest out): nothing schedules, or nothing reconciles. */
class StopLoopComponent implements fc.Command<Model, Real> {
  constructor(readonly component: LoopComponent) {}
  check = (m: Readonly<Model>) => !m.loopsDown.has(this.component);
  run(m: Model, r: Real): void {
    m.loopsDown.add(this.component);
    r.act((c) => c.stopComponent(this.component));
  }
  toString = () => `stop ${this.component}`;
}

class StartLoopComponent implements fc.Command<Model, Real> {
  constructor(readonly component: LoopComponent) {}
  check = (m: Readonly<Model>) => m.loopsDown.has(this.component);
  run(m: Model, r: Real): void {
    m.loopsDown.delete(this.component);
    r.act((c) => c.startComponent(this.component));
  }
  toString = () => `start ${this.component}`;
}

const workerAt = (r: Real, index: number) => {
  const workers = r.cluster.nodes.slice(1).map((n) => n.name);
  return workers.length ? workers[index % workers.length]! : undefined;
};

/** Labels a node for the `agent` DaemonSet, or takes the label away. */
class LabelNode implements fc.Command<Model, Real> {
  constructor(
    readonly index: number,
    readonly on: boolean,
  ) {}
  check = apiUp;
  run(_: Model, r: Real): void {
    const name = this.index === 0 ? 'minikube' : workerAt(r, this.index);
    if (!name) return;
    r.act((c) =>
      c.patch('Node', undefined, name, { metadata: { labels: { disktype: this.on ? 'ssd' : null } } }),
    );
  }
  toString = () => `${this.on ? 'label' : 'unlabel'} node #${this.index}`;
}

/** A NoExecute taint nothing tolerates (maintenance), or its removal. */
class TaintNode implements fc.Command<Model, Real> {
  constructor(
    readonly index: number,
    readonly on: boolean,
  ) {}
  check = apiUp;
  run(m: Model, r: Real): void {
    const name = workerAt(r, this.index);
    if (!name) return;
    if (this.on) m.tainted.add(name);
    else m.tainted.delete(name);
    r.act((c) =>
      this.on ? c.taint(name, { key: 'maint', value: 'x', effect: 'NoExecute' }) : c.untaint(name, 'maint'),
    );
  }
  toString = () => `${this.on ? 'taint' : 'untaint'} node #${this.index}`;
}

const AGENT: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'agent', image: 'nginx:1.27' }] },
    },
  },
  status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
};

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
      fc.boolean(),
    )
    .map(([n, r, cpu, probed]) => new CreateDeployment(n, r, cpu, probed)),
  fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 8 })).map(([i, r]) => new Scale(i, r)),
  fc.nat(20).map((i) => new DeletePod(i)),
  fc.constant(new AddNode()),
  fc.nat(5).map((i) => new StopKubelet(i)),
  fc.nat(5).map((i) => new RemoveNode(i)),
  fc.constant(new StartKubelet()),
  fc.constantFrom<ApiComponent>('kube-apiserver', 'etcd').map((c) => new StopApiComponent(c)),
  fc.constantFrom<ApiComponent>('kube-apiserver', 'etcd').map((c) => new StartApiComponent(c)),
  fc
    .constantFrom<LoopComponent>('kube-scheduler', 'kube-controller-manager')
    .map((c) => new StopLoopComponent(c)),
  fc
    .constantFrom<LoopComponent>('kube-scheduler', 'kube-controller-manager')
    .map((c) => new StartLoopComponent(c)),
  fc.tuple(fc.nat(5), fc.boolean()).map(([i, on]) => new LabelNode(i, on)),
  fc.tuple(fc.nat(5), fc.boolean()).map(([i, on]) => new TaintNode(i, on)),
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
          const real = TestCluster.ready({ nodes, seed }).apply(AGENT);
          const model: Model = {
            deployments: new Map(),
            nodes,
            stopped: new Set(),
            tainted: new Set(),
            apiDown: new Set(),
            loopsDown: new Set(),
          };
          fc.modelRun(() => ({ model, real }), cmds);

          // Faults stop: kube-apiserver and every kubelet run again, the maintenance taints go, and time passes.
          for (const component of model.apiDown) startApiComponent(real, component);
          for (const component of model.loopsDown) real.act((c) => c.startComponent(component));
          for (const name of model.stopped)
            if (real.cluster.nodes.some((n) => n.name === name)) real.act((c) => c.startKubelet(name));
          for (const name of model.tainted)
            if (real.cluster.nodes.some((n) => n.name === name)) real.act((c) => c.untaint(name, 'maint'));
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

          // The DaemonSet: one ready pod on each labeled node, none elsewhere.
          const labeled = real.cluster
            .list('Node')
            .filter((n) => n.metadata.labels?.disktype === 'ssd')
            .map((n) => n.metadata.name)
            .sort();
          const agents = real.podsOf('agent-').filter(isActive);
          expect(agents.map((p) => p.spec.nodeName).sort(), 'agent pods').toEqual(labeled);
          expect(
            agents.every((p) => isPodReady(p)),
            'agent pods ready',
          ).toBe(true);
          expect(real.cluster.get('DaemonSet', 'default', 'agent')!.status).toMatchObject({
            desiredNumberScheduled: labeled.length,
            currentNumberScheduled: labeled.length,
            numberMisscheduled: 0,
          });
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), endOnFailure: true },
    );
  }, 120_000);
});
