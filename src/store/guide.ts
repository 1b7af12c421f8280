/**
 * A guided workflow in progress: which step the learner is on, whether they are guessing, watching
 * or done with it, and what the step points at in the diagram.
 */
import type { ClusterConfig, RuntimeName } from '../engine/clusterConfig';
import type { ComponentId, Topology } from '../engine/topology';
import type { Scenario, Step } from '../scenarios/types';

export type { Scenario, Step, Text, Prediction } from '../scenarios/types';
export { WORKFLOWS, findWorkflow, type WorkflowEntry } from '../scenarios';

export interface GuideState {
  readonly scenario: Scenario;
  /** What the URL names the workflow by: a built-in id, or the path of a course author's file. */
  readonly source: string;
  /** 0-based; the URL and the UI count from 1. */
  readonly step: number;
  /**
   * `predict`: the step waits at its beginning for the learner's guess; `playing`: the step is
   * shown or played (it may be paused); `done`: it has done what it promised and waits for Next.
   */
  readonly phase: 'predict' | 'playing' | 'done';
  /** The learner's guess at this step's prediction. */
  readonly guess: string | null;
  /** The step's answer as the run found it (shown once the step is done). */
  readonly answer: string | null;
  /** What the step points at: component ids and node names. */
  readonly focus: ReadonlySet<string>;
}

/**
 * The component ids and node names a step's focus names: `kube-apiserver`, `kubelet` (every
 * node's), `kubelet minikube-m02`, `container runtime` or the runtime's own name, `CoreDNS`,
 * a node's name.
 */
export function resolveFocus(names: readonly string[] | undefined, topology: Topology): ReadonlySet<string> {
  const focus = new Set<string>();
  for (const raw of names ?? []) {
    const name = raw.trim();
    if (topology.nodes.some((n) => n.name === name)) {
      focus.add(name);
      continue;
    }
    const [who, node] = name.split(/\s+(?=minikube)/);
    const wanted = who!.toLowerCase();
    for (const c of topology.components) {
      const matches =
        c.name.toLowerCase() === wanted ||
        c.kind === wanted ||
        (c.kind === 'container-runtime' && (wanted === 'container runtime' || wanted === 'runtime'));
      if (matches && (!node || c.node === node)) focus.add(c.id);
    }
  }
  return focus;
}

/** The component a step's `inspect` names, if the topology has it. */
export function inspectTarget(step: Step, topology: Topology): ComponentId | undefined {
  if (!step.inspect) return undefined;
  const [id] = resolveFocus([step.inspect], topology);
  return topology.components.find((c) => c.id === id)?.id;
}

/** The cluster a workflow asks for (the learner's runtime, if they chose one). */
export function scenarioConfig(scenario: Scenario, runtime?: RuntimeName): ClusterConfig {
  return {
    nodeCount: scenario.cluster?.nodes ?? 1,
    runtime: runtime ?? scenario.cluster?.runtime ?? 'docker',
  };
}
