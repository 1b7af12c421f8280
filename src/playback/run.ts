/**
 * One recorded run of the cluster: the engine driven from a config, a seed and actions stamped
 * with virtual time, recorded as it goes. Everything the UI shows at a moment is read back from
 * the record (the trace, etcd's change log, the scheduler's decisions, the controllers' passes),
 * so going back in time is reading, never undoing.
 */
import type { ClusterConfig } from '../engine/clusterConfig';
import { Cluster, type ClusterOptions } from '../engine/cluster';
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
  /** Machine sizes and nodes kept off at boot. */
  readonly machines?: Pick<ClusterOptions, 'nodeSizes' | 'offAtBoot'>;
  /** A guided workflow's steps, driven from inside the recording. */
  readonly script?: Script;
}

/**
 * One step of a script: what is done when it begins, and when it has done what it promises.
 * Steps follow each other inside the one run, so a workflow is recorded like any other run.
 */
export interface ScriptStep {
  begin(cluster: Cluster, step: StepContext): void;
  /** Checked after every event of the engine once the step has begun. */
  done(cluster: Cluster, step: StepContext): boolean;
  /** The longest the step may take (virtual ms); it ends there even if `done` never holds. */
  readonly limit: number;
  /** Whether `begin` does anything to the cluster. */
  readonly acts?: boolean;
  /** The shortest it takes (virtual ms), when it waits for time to pass. */
  readonly minimum?: number;
  /** What the step found out, e.g. the node a pod was bound to (for "predict, then reveal"). */
  answer?(cluster: Cluster, step: StepContext): string | undefined;
}

export interface Script {
  /** Virtual ms the script begins at (its setup, or else its first step). */
  readonly from: number;
  /** Done before the first step, from `begin` (the start moment) until it is done. */
  readonly setup?: ScriptStep;
  readonly steps: readonly ScriptStep[];
}

export interface StepContext {
  /** Virtual ms the step takes over: where the one before ended (its actions are done a moment later). */
  readonly start: number;
  /** The first trace message sent in the step. */
  readonly firstMessage: number;
  /** etcd's revision when the step took over: objects written after it are the step's doing. */
  readonly revision: number;
}

/** Where a step lies in the run: it begins at `start` and has done what it promised at `end`. */
export interface StepRecord extends StepContext {
  end: number | null;
  /** The step ran out of time before what it waits for happened. */
  timedOut?: boolean;
  answer?: string;
}

/** Virtual ms between one step's end and the next step's beginning. */
export const CHECK_EVERY = 100;

export class Run {
  readonly cluster: Cluster;
  readonly history: ObjectHistory;
  /** Every scheduling decision, in time order. */
  readonly decisions: DecisionRecord[] = [];
  /** Every control-loop pass of kube-controller-manager, in time order. */
  readonly reconciliations: Reconciliation[] = [];
  /** The script's steps as far as recorded (index = step). */
  readonly steps: StepRecord[] = [];
  /** The script's setup, once begun. */
  private setupRecord: StepRecord | null = null;
  /** Which script step runs now: -1 the setup, steps.length once every step is done. */
  private current = -1;

  constructor(readonly spec: RunSpec) {
    // The engine mutates its config when nodes are added; give it its own copy.
    this.cluster = new Cluster({ config: { ...spec.config }, seed: spec.seed, ...spec.machines });
    this.history = new ObjectHistory(this.cluster.etcd.changes);
    this.cluster.scheduler.onDecision = (d) => this.decisions.push(d);
    for (const c of this.cluster.controllerManager.controllers)
      c.onReconciled = (r) => this.reconciliations.push(r);
    for (const action of spec.actions) this.cluster.sim.at(action.at, () => action.run(this.cluster));
    if (spec.script) this.drive(spec.script);
  }

  /** How far (virtual ms) the run has been recorded. */
  get recordedUntil(): number {
    return this.cluster.now;
  }

  /** Whether every step of the script is done (always true without a script). */
  get scriptDone(): boolean {
    return !this.spec.script || this.current >= this.spec.script.steps.length;
  }

  /** Records the run up to virtual time `until`. */
  extendTo(until: number): void {
    if (until > this.cluster.now) this.cluster.run(until - this.cluster.now);
  }

  /** The step being played out, checked after every event of the engine until it is done. */
  private active: { readonly step: ScriptStep; readonly record: StepRecord } | null = null;

  private drive(script: Script): void {
    const { sim } = this.cluster;
    const here = (): StepRecord => ({
      start: sim.now,
      firstMessage: sim.trace.length,
      revision: this.cluster.etcd.revision,
      end: null,
    });
    const act = (step: ScriptStep, record: StepRecord) => {
      this.active = { step, record };
      step.begin(this.cluster, record);
      // Wake-ups, so a step that waits for time alone ends on time even when nothing else happens.
      if (step.minimum) sim.at(record.start + step.minimum, () => {});
      sim.at(record.start + step.limit, () => {});
    };
    sim.at(script.from, () => {
      const record = here();
      if (script.setup) {
        this.setupRecord = record;
        act(script.setup, record);
      } else {
        this.current = 0;
        this.steps.push(record);
        if (script.steps[0]) act(script.steps[0], record);
      }
    });
    // Checked after every event, so a step ends at the very moment it has done what it promised.
    sim.onAfterEvent(() => {
      const active = this.active;
      if (!active || active.record.end !== null) return;
      const { step, record } = active;
      const timedOut = sim.now - record.start >= step.limit;
      if (!timedOut && !step.done(this.cluster, record)) return;
      record.end = sim.now;
      if (timedOut) record.timedOut = true;
      const answer = step.answer?.(this.cluster, record);
      if (answer !== undefined) record.answer = answer;
      this.active = null;
      const next = record === this.setupRecord ? 0 : this.current + 1;
      this.current = next;
      if (next >= script.steps.length) return;
      // The next step takes over here: what happens from now on is its part of the story. One that
      // does something does it a moment later, so its first message never leaves where the last
      // step stopped.
      const taken = here();
      this.steps.push(taken);
      const following = script.steps[next]!;
      if (following.acts) sim.at(sim.now + CHECK_EVERY, () => act(following, taken));
      else act(following, taken);
    });
  }
}
