/** What a container's exit means for its pod: restart (and when), or the pod is done. */
import type {
  Condition,
  ContainerState,
  ContainerStatus,
  Pod,
  PodConditionType,
  PodStatus,
} from '../api/types';

/** Whether a container that exited with `exitCode` is started again (restartPolicy). */
export function restarts(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/** Crash back-off before restart number `n` (1-based): the first restart is immediate, then 10 s doubling to 300 s. */
export function crashBackoffMs(n: number, initialMs: number, maxMs: number): number {
  return n <= 1 ? 0 : Math.min(initialMs * 2 ** (n - 2), maxMs);
}

/** The pod status with one container's state, last state and restart count replaced; Ready follows. */
export function withContainerState(
  pod: Pod,
  name: string,
  state: ContainerState,
  lastState: ContainerState | undefined,
  restartCount: number,
  now: string,
  /** The container that runs now, when a new one has replaced it. */
  containerID?: string,
): PodStatus {
  const statuses = (pod.status.containerStatuses ?? []).map((s) =>
    s.name === name
      ? {
          ...s,
          ...(containerID ? { containerID } : {}),
          state,
          ...(lastState ? { lastState } : {}),
          restartCount,
          ready: state.running !== undefined,
          started: state.running !== undefined,
        }
      : s,
  );
  const conditions = readinessConditions(pod.status.conditions ?? [], statuses, now);
  return { ...pod.status, containerStatuses: statuses, conditions };
}

/** Ready and ContainersReady following the containers' readiness (a transition keeps no old time). */
export function readinessConditions(
  conditions: readonly Condition<PodConditionType>[],
  statuses: readonly ContainerStatus[],
  now: string,
): Condition<PodConditionType>[] {
  const allReady = statuses.every((s) => s.ready);
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  return conditions.map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady'
      ? allReady
        ? {
            type: c.type,
            status: 'True' as const,
            lastTransitionTime: c.status === 'True' ? (c.lastTransitionTime ?? now) : now,
            lastProbeTime: null,
          }
        : {
            type: c.type,
            status: 'False' as const,
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${unready.join(' ')}]`,
            lastTransitionTime: c.status === 'False' ? (c.lastTransitionTime ?? now) : now,
            lastProbeTime: null,
          }
      : c,
  );
}
