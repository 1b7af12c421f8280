/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE; wide adds IP NODE NOMINATED NODE READINESS GATES. */
import type { Pod } from '../../engine/api/types';
import { age } from '../format/age';
import { orNone, type Printer } from './printer';
import type { ClusterReader } from '../types';

export interface PodSummary {
  readonly ready: number;
  readonly total: number;
  readonly status: string;
  readonly restarts: string;
}

/** printPod's logic: phase or reason, then container states from last to first, then Terminating. */
export function podSummary(pod: Pod, reader: ClusterReader): PodSummary {
  let reason: string = pod.status.reason || pod.status.phase;
  let restarts = 0;
  let ready = 0;
  let lastRestart = '';
  let hasRunning = false;
  const statuses = pod.status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    restarts += c.restartCount;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished && finished > lastRestart) lastRestart = finished;
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    const podReady = pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = podReady ? 'Running' : 'NotReady';
  }
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && pod.status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  return {
    ready,
    total: pod.spec.containers.length,
    status: reason,
    restarts: lastRestart ? `${restarts} (${age(reader.now, lastRestart)} ago)` : String(restarts),
  };
}

export const podPrinter: Printer<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (p, r) => {
    const s = podSummary(p, r);
    return [
      p.metadata.name,
      `${s.ready}/${s.total}`,
      s.status,
      s.restarts,
      age(r.now, p.metadata.creationTimestamp),
    ];
  },
  wideRow: (p) => [
    orNone(p.status.podIP),
    orNone(p.spec.nodeName),
    orNone(p.status.nominatedNodeName),
    '<none>',
  ],
};
