/**
 * A run's log as JSON, for notes and slides: what cluster it was, and everything that happened up
 * to the cursor — every message between components and the Events as kubectl lists them.
 */
import type { KubeEvent } from '../engine/api/types';
import type { Message } from '../engine/trace';
import type { Player } from '../playback/player';
import type { ClusterConfig } from '../engine/clusterConfig';

export interface RunLog {
  readonly format: 'k8s-architecture-explorer/run-log@1';
  readonly cluster: ClusterConfig;
  readonly seed: number;
  readonly workflow: { readonly id: string; readonly step: number } | null;
  /** Virtual ms the log runs to (the cursor). */
  readonly until: number;
  readonly messages: readonly Message[];
  readonly events: readonly KubeEvent[];
}

export function runLog(
  player: Player,
  cluster: ClusterConfig,
  seed: number,
  workflow: { id: string; step: number } | null,
): RunLog {
  const until = player.virtualTime;
  const trace = player.run.cluster.sim.trace;
  const messages: Message[] = [];
  for (let i = 0; i < trace.length && trace.sentAt(i) <= until; i++) messages.push(trace.at(i)!);
  const events = [...player.objectsNow().values()].filter((o): o is KubeEvent => o.kind === 'Event');
  return { format: 'k8s-architecture-explorer/run-log@1', cluster, seed, workflow, until, messages, events };
}
