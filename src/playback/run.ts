/**
 * One recorded run of the cluster: the engine driven from a config, a seed and actions stamped
 * with virtual time, recorded as it goes. Everything the UI shows at a moment is read back from
 * the record (the trace, etcd's change log, the scheduler's decisions, the controllers' passes),
 * so going back in time is reading, never undoing.
 */
import type { ClusterConfig } from '../engine/clusterConfig';
import { Cluster } from '../engine/cluster';
import type { Reconciliation } from '../engine/controllers/controller';
import { ObjectHistory } from '../engine/history';
import type { DecisionRecord } from '../engine/scheduler/scheduler';

/** Something a person does to the cluster at a virtual time (kubectl, minikube, a fault). */
export interface TimedAction {
  readonly at: number;
  readonly run: (cluster: Cluster) => void;
}

export interface RunSpec {
  readonly config: ClusterConfig;
  readonly seed: number;
  readonly actions: readonly TimedAction[];
  /** Where (virtual ms) the cursor starts: free play opens on a cluster that is already up. */
  readonly startAt?: number;
}

export class Run {
  readonly cluster: Cluster;
  readonly history: ObjectHistory;
  /** Every scheduling decision, in time order. */
  readonly decisions: DecisionRecord[] = [];
  /** Every control-loop pass of kube-controller-manager, in time order. */
  readonly reconciliations: Reconciliation[] = [];

  constructor(readonly spec: RunSpec) {
    // The engine mutates its config when nodes are added; give it its own copy.
    this.cluster = new Cluster({ config: { ...spec.config }, seed: spec.seed });
    this.history = new ObjectHistory(this.cluster.etcd.changes);
    this.cluster.scheduler.onDecision = (d) => this.decisions.push(d);
    for (const c of this.cluster.controllerManager.controllers)
      c.onReconciled = (r) => this.reconciliations.push(r);
    for (const action of spec.actions) this.cluster.sim.at(action.at, () => action.run(this.cluster));
  }

  /** How far (virtual ms) the run has been recorded. */
  get recordedUntil(): number {
    return this.cluster.now;
  }

  /** Records the run up to virtual time `until`. */
  extendTo(until: number): void {
    if (until > this.cluster.now) this.cluster.run(until - this.cluster.now);
  }
}
