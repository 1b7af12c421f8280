/**
 * For the per-workflow tests: play a workflow headless to its end, then read the cluster as it was
 * when each step ended (from etcd's change log) and the messages each step saw.
 */
import { matchesLabels } from '../engine/api/pods';
import type { KubeEvent, KubeObject, Node, Pod } from '../engine/api/types';
import type { RuntimeName } from '../engine/clusterConfig';
import type { Message } from '../engine/trace';
import { MAX_RUN } from '../playback/player';
import { Run, type StepRecord } from '../playback/run';
import type { Scenario } from '../scenarios/types';
import { parseSelector, scenarioConfig, scenarioSpec } from './scenarioScript';

export interface Played {
  readonly run: Run;
  readonly steps: readonly StepRecord[];
  /** The objects as they were when step `i` ended. */
  at(i: number): Snapshot;
  /** The messages sent from step `i`'s take-over until it ended. */
  messages(i: number): Message[];
  /** The Events written (or last updated) from step `i`'s take-over until it ended. */
  events(i: number): KubeEvent[];
}

export interface Snapshot {
  pods(selector: string): Pod[];
  node(name: string): Node | undefined;
}

export function play(scenario: Scenario, runtime?: RuntimeName): Played {
  const run = new Run(scenarioSpec(scenario, scenarioConfig(scenario, runtime), 1));
  while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
  const steps = run.steps;
  const end = (i: number) => steps[i]!.end ?? run.recordedUntil;
  const objects = (i: number): KubeObject[] => [...run.history.stateAt(end(i)).values()];
  return {
    run,
    steps,
    at(i) {
      const all = objects(i);
      return {
        pods: (selector) => {
          const labels = parseSelector(selector);
          return all.filter((o): o is Pod => o.kind === 'Pod' && matchesLabels(labels, o.metadata.labels));
        },
        node: (name) => all.find((o): o is Node => o.kind === 'Node' && o.metadata.name === name),
      };
    },
    messages(i) {
      const trace = run.cluster.sim.trace;
      const found: Message[] = [];
      for (let k = steps[i]!.firstMessage; k < trace.length; k++) {
        const m = trace.at(k)!;
        if (m.sentAt > end(i)) break;
        found.push(m);
      }
      return found;
    },
    events(i) {
      const from = steps[i]!.revision;
      const to = steps[i + 1]?.revision ?? Infinity;
      return objects(i).filter((o): o is KubeEvent => {
        const rv = Number(o.metadata.resourceVersion);
        return o.kind === 'Event' && rv > from && rv <= to;
      });
    },
  };
}
