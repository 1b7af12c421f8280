/**
 * A test harness over Cluster, in the style of tldraw's TestEditor: start a cluster, apply objects,
 * advance virtual time by hand, and assert on what etcd holds. In test builds it checks the
 * engine's invariants after every event.
 */
import { eventFirstSeen } from '../api/eventTimes';
import { isTerminal, podRequests } from '../api/pods';
import type { KubeEvent, KubeObject, Pod } from '../api/types';
import { Cluster, type ClusterOptions } from '../cluster';
import type { RuntimeName } from '../clusterConfig';
import { bytes, milliCpu } from '../core/quantity';
import { isAllowedRoute } from '../routes';

/** `'30s'`, `'5m'`, `'500ms'` or milliseconds. */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h'}`;

export function toMillis(d: Duration): number {
  if (typeof d === 'number') return d;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(d)!;
  const n = Number(m[1]);
  return n * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
}

export interface TestClusterOptions extends Omit<ClusterOptions, 'config'> {
  readonly nodes?: number;
  readonly runtime?: RuntimeName;
  /** Check invariants after every event (default true). */
  readonly checkInvariants?: boolean;
}

export class TestCluster {
  readonly cluster: Cluster;
  /** Every violation found, with the virtual time it was seen at. */
  readonly violations: string[] = [];
  private readonly boundTo = new Map<string, string>();
  private lastRevision = 0;
  private checkedMessages = 0;

  private constructor(options: TestClusterOptions) {
    const { nodes = 1, runtime = 'docker', checkInvariants = true, ...rest } = options;
    this.cluster = new Cluster({ ...rest, config: { nodeCount: nodes, runtime } });
    if (checkInvariants) this.cluster.sim.onAfterEvent(() => this.checkInvariants());
  }

  static start(options: TestClusterOptions = {}): TestCluster {
    return new TestCluster(options);
  }

  /** Starts and runs until every node has joined and the system pods are up (about a minute of virtual time). */
  static ready(options: TestClusterOptions = {}): TestCluster {
    return TestCluster.start(options).advance('60s');
  }

  get now(): number {
    return this.cluster.now;
  }

  apply(...objects: KubeObject[]): this {
    for (const o of objects) this.cluster.apply(o);
    return this;
  }

  advance(d: Duration): this {
    this.cluster.run(toMillis(d));
    return this;
  }

  act(fn: (c: Cluster) => void): this {
    fn(this.cluster);
    return this;
  }

  pods(namespace = 'default'): Pod[] {
    return this.cluster.list('Pod', namespace);
  }

  podsOf(prefix: string, namespace = 'default'): Pod[] {
    return this.pods(namespace).filter((p) => p.metadata.name.startsWith(prefix));
  }

  events(filter: (e: KubeEvent) => boolean = () => true): KubeEvent[] {
    return (
      this.cluster
        .list('Event')
        .filter(filter)
        // By the second they first happened (core/v1 Events keep no finer time), then as etcd stored them.
        .sort(
          (a, b) =>
            Math.floor(Date.parse(eventFirstSeen(a)) / 1000) -
              Math.floor(Date.parse(eventFirstSeen(b)) / 1000) ||
            Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
        )
    );
  }

  eventsFor(name: string): KubeEvent[] {
    return this.events((e) => e.involvedObject.name === name);
  }

  nodeReady(name: string): string | undefined {
    return this.cluster.get('Node', undefined, name)?.status.conditions.find((c) => c.type === 'Ready')
      ?.status;
  }

  /** The engine's invariants: no node over its allocatable, a pod bound once, revisions grow, messages on allowed routes. */
  checkInvariants(): void {
    const c = this.cluster;
    const rev = c.etcd.revision;
    if (rev < this.lastRevision)
      this.violations.push(`${c.now}: etcd revision went back ${this.lastRevision} → ${rev}`);
    this.lastRevision = rev;

    const trace = c.sim.trace;
    for (; this.checkedMessages < trace.length; this.checkedMessages++) {
      const m = trace.at(this.checkedMessages)!;
      if (!isAllowedRoute(m.from, m.to))
        this.violations.push(`${c.now}: message ${m.id} on a forbidden route ${m.from} → ${m.to}`);
    }

    // Only look at the pods when they may have changed: the last change log entry tells.
    const change = c.etcd.changes.at(-1);
    if (!change || change.revision !== rev || !change.key.startsWith('/registry/pods/')) return;
    const pod = change.value as Pod | null;
    if (pod && Number(pod.metadata.resourceVersion) !== change.revision) {
      this.violations.push(
        `${c.now}: ${pod.metadata.name} has resourceVersion ${pod.metadata.resourceVersion}, not its revision ${change.revision}`,
      );
    }
    if (pod?.spec.nodeName) {
      const before = this.boundTo.get(pod.metadata.uid);
      if (before && before !== pod.spec.nodeName)
        this.violations.push(`${c.now}: pod ${pod.metadata.name} rebound ${before} → ${pod.spec.nodeName}`);
      this.boundTo.set(pod.metadata.uid, pod.spec.nodeName);
      this.checkNodeCapacity(pod.spec.nodeName);
    }
  }

  private checkNodeCapacity(nodeName: string): void {
    const node = this.cluster.get('Node', undefined, nodeName);
    if (!node) return;
    let cpu = 0;
    let mem = 0;
    for (const p of this.cluster.list('Pod')) {
      // What the node holds is what its kubelet admitted (it sets startTime then): the scheduler
      // can bind a pod the kubelet then refuses (OutOfcpu), when the scheduler has not yet seen a
      // static pod's mirror, as real ones can.
      if (p.spec.nodeName !== nodeName || isTerminal(p) || !p.status.startTime) continue;
      const r = podRequests(p);
      cpu += r.milliCpu;
      mem += r.memory;
    }
    const allocCpu = milliCpu(node.status.allocatable.cpu ?? '0');
    const allocMem = bytes(node.status.allocatable.memory ?? '0');
    if (cpu > allocCpu || mem > allocMem)
      this.violations.push(
        `${this.cluster.now}: node ${nodeName} over allocatable: cpu ${cpu}/${allocCpu}m, memory ${mem}/${allocMem}`,
      );
  }
}

/** Whether a trace message is kube-controller-manager creating a pod in `default` (a controller's create). */
export const isControllerPodCreate = (m: { from: string; summary: string }): boolean =>
  m.from === 'kube-controller-manager' && m.summary.startsWith('POST /api/v1/namespaces/default/pods');

/** How many of those creates went out at each moment since message `from`, in time order: the batches. */
export function podCreateBatches(t: TestCluster, from: number): number[] {
  const batches = new Map<number, number>();
  for (const m of t.cluster.sim.trace.slice(from))
    if (isControllerPodCreate(m)) batches.set(m.sentAt, (batches.get(m.sentAt) ?? 0) + 1);
  return [...batches.values()];
}
