/** The pod statuses kubelet posts: while its containers are being created, once they run, and for mirror pods. */
import type { Condition, ContainerStatus, Pod, PodConditionType, PodStatus } from '../api/types';

const condition = (
  type: PodConditionType,
  status: 'True' | 'False',
  now: string,
  why?: { reason: string; message: string },
): Condition<PodConditionType> => ({
  type,
  status,
  ...(why ?? {}),
  lastTransitionTime: now,
  lastProbeTime: null,
});

/** The PodScheduled condition the API server set at binding, kept as it was. */
const scheduledCondition = (pod: Pod) =>
  pod.status.conditions?.filter((c) => c.type === 'PodScheduled') ?? [];

/** Sandbox and containers on their way: Pending, containers waiting in ContainerCreating. */
export function pendingStatus(pod: Pod, now: string, hostIP: string): PodStatus {
  const unready = {
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${pod.spec.containers.map((c) => c.name).join(' ')}]`,
  };
  return {
    ...pod.status,
    phase: 'Pending',
    hostIP,
    startTime: now,
    conditions: [
      condition('PodReadyToStartContainers', 'False', now),
      condition('Initialized', 'True', now),
      condition('Ready', 'False', now, unready),
      condition('ContainersReady', 'False', now, unready),
      ...scheduledCondition(pod),
    ],
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
    })),
  };
}

/** One container waiting for a reason (ErrImagePull, ImagePullBackOff, …); the others as they were. */
export function waitingStatus(pod: Pod, container: string, reason: string, message: string): PodStatus {
  return {
    ...pod.status,
    containerStatuses: (pod.status.containerStatuses ?? []).map((s) =>
      s.name === container
        ? { ...s, ready: false, started: false, state: { waiting: { reason, message } } }
        : s,
    ),
  };
}

/** Every container started: Running and Ready (no probes to wait for). */
export function runningStatus(
  pod: Pod,
  now: string,
  where: { hostIP: string; podIP?: string | undefined; startTime: string },
  containerId: (name: string) => string,
): PodStatus {
  const statuses: ContainerStatus[] = pod.spec.containers.map((c) => ({
    name: c.name,
    image: c.image,
    imageID: `${c.image}@sha256:${'0'.repeat(64)}`,
    containerID: containerId(c.name),
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: now } },
  }));
  return {
    ...pod.status,
    phase: 'Running',
    conditions: [
      ...(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'] as const).map((t) =>
        condition(t, 'True', now),
      ),
      ...scheduledCondition(pod),
    ],
    hostIP: where.hostIP,
    ...(where.podIP ? { podIP: where.podIP } : {}),
    startTime: where.startTime,
    containerStatuses: statuses,
  };
}

/** A static pod's mirror: it already runs (kubelet started it from its manifest), so it is posted Running. */
export function mirrorStatus(
  pod: Pod,
  now: string,
  bootTime: string,
  containerId: (name: string) => string,
): PodStatus {
  return {
    ...pod.status,
    startTime: bootTime,
    conditions: (
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const
    ).map((t) => condition(t, 'True', now)),
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      containerID: containerId(c.name),
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: bootTime } },
    })),
  };
}
