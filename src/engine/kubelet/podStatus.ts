/** The pod statuses kubelet posts: while its containers are being created, once they run, and for mirror pods. */
import type { Condition, ContainerStatus, Pod, PodConditionType, PodStatus } from '../api/types';
import { PREEMPT_MESSAGE, PREEMPT_REASON } from './criticalPodAdmission';
import { extendable } from '../core/extendable';

/**
 * A pod condition; `why` (reason, then message) only when there is one. Plain literals throughout
 * this file: a spread followed by more keys in one literal takes V8's slow path, so statuses are
 * spread first, then set (the keys land in the same order either way).
 */
const condition = (
  type: PodConditionType,
  status: 'True' | 'False',
  now: string,
  why?: { reason: string; message: string },
): Condition<PodConditionType> =>
  why
    ? { type, status, reason: why.reason, message: why.message, lastTransitionTime: now, lastProbeTime: null }
    : { type, status, lastTransitionTime: now, lastProbeTime: null };

/** The PodScheduled condition the API server set at binding, kept as it was. */
const scheduledCondition = (pod: Pod) =>
  pod.status.conditions?.filter((c) => c.type === 'PodScheduled') ?? [];

/** Sandbox and containers on their way: Pending, containers waiting in ContainerCreating. */
export function pendingStatus(pod: Pod, now: string, hostIP: string): PodStatus {
  const unready = {
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${pod.spec.containers.map((c) => c.name).join(' ')}]`,
  };
  const status = extendable(pod.status);
  status.phase = 'Pending';
  status.hostIP = hostIP;
  status.hostIPs = [{ ip: hostIP }];
  // A host-network pod's IP is the node's, known from the first status on.
  if (pod.spec.hostNetwork) {
    status.podIP = hostIP;
    status.podIPs = [{ ip: hostIP }];
  }
  status.startTime = now;
  status.conditions = [
    condition('PodReadyToStartContainers', 'False', now),
    condition('Initialized', 'True', now),
    condition('Ready', 'False', now, unready),
    condition('ContainersReady', 'False', now, unready),
    ...scheduledCondition(pod),
  ];
  status.containerStatuses = pod.spec.containers.map((c) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    // kubectl prints `lastState: {}` until a container has ended once.
    lastState: {},
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason: 'ContainerCreating' } },
  }));
  return status;
}

/**
 * One container waiting for a reason (ErrImagePull, ImagePullBackOff, …); the others as they were.
 * The pod's sandbox already runs by then, so the status also carries its IP and
 * PodReadyToStartContainers=True, as kubelet's next sync after the failed pull reports them.
 */
export function waitingStatus(
  pod: Pod,
  container: string,
  reason: string,
  message: string,
  sandbox?: { now: string; podIP: string },
): PodStatus {
  const status = sandbox ? withSandbox(pod.status, sandbox.now, sandbox.podIP) : pod.status;
  return {
    ...status,
    containerStatuses: (pod.status.containerStatuses ?? []).map((s) =>
      s.name === container
        ? { ...s, ready: false, started: false, state: { waiting: { reason, message } } }
        : s,
    ),
  };
}

/** The status once the pod's sandbox is up: its IP, and PodReadyToStartContainers turned True. */
function withSandbox(status: PodStatus, now: string, podIP: string): PodStatus {
  if (status.podIP === podIP) return status;
  const next = extendable(status);
  next.podIP = podIP;
  next.podIPs = [{ ip: podIP }];
  if (status.conditions)
    next.conditions = status.conditions.map((c) =>
      c.type === 'PodReadyToStartContainers' && c.status !== 'True' ? condition(c.type, 'True', now) : c,
    );
  return next;
}

/** Every container started: Running and Ready (no probes to wait for). */
export function runningStatus(
  pod: Pod,
  now: string,
  where: { hostIP: string; podIP?: string | undefined; startTime: string },
  containerId: (name: string) => string,
  /** The image and image ID as the runtime reports them. */
  imageRefs: (image: string) => { image: string; imageID: string },
): PodStatus {
  const statuses: ContainerStatus[] = pod.spec.containers.map((c) => ({
    name: c.name,
    ...imageRefs(c.image),
    containerID: containerId(c.name),
    lastState: {},
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: now } },
  }));
  const status = extendable(pod.status);
  status.phase = 'Running';
  status.conditions = [
    ...(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'] as const).map((t) =>
      condition(t, 'True', now),
    ),
    ...scheduledCondition(pod),
  ];
  status.hostIP = where.hostIP;
  status.hostIPs = [{ ip: where.hostIP }];
  if (where.podIP) {
    status.podIP = where.podIP;
    status.podIPs = [{ ip: where.podIP }];
  }
  status.startTime = where.startTime;
  status.containerStatuses = statuses;
  return status;
}

/** A static pod's mirror: it already runs (kubelet started it from its manifest), so it is posted Running. */
export function mirrorStatus(
  pod: Pod,
  now: string,
  bootTime: string,
  containerId: (name: string) => string,
  /** The image and image ID as the runtime reports them. */
  imageRefs: (image: string) => { image: string; imageID: string },
): PodStatus {
  return {
    ...pod.status,
    startTime: bootTime,
    conditions: (
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const
    ).map((t) => condition(t, 'True', now)),
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      ...imageRefs(c.image),
      containerID: containerId(c.name),
      lastState: {},
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: bootTime } },
    })),
  };
}

/**
 * What kubelet's status manager adds to every status it sends (Kubernetes 1.34): the pod's
 * generation it reflects, on the status and on each condition (PodObservedGenerationTracking), and
 * for each container that exists the resources it was given and its mounts.
 */
export function observedStatus(pod: Pod, status: PodStatus): PodStatus {
  const generation = pod.metadata.generation ?? 1;
  const out = extendable(status);
  out.observedGeneration = generation;
  if (status.conditions)
    out.conditions = status.conditions.map((c) =>
      c.observedGeneration === generation ? c : Object.assign({}, c, { observedGeneration: generation }),
    );
  if (status.containerStatuses)
    out.containerStatuses = status.containerStatuses.map((s) => {
      // Once a container exists it has its resources; what has them was done before.
      if (!s.containerID || s.resources) return s;
      const spec = pod.spec.containers.find((c) => c.name === s.name);
      if (!spec) return s;
      const r = spec.resources;
      const next = extendable(s);
      if (r?.requests && Object.keys(r.requests).length) next.allocatedResources = { ...r.requests };
      next.resources = {
        ...(r?.limits && Object.keys(r.limits).length ? { limits: r.limits } : {}),
        ...(r?.requests && Object.keys(r.requests).length ? { requests: r.requests } : {}),
      };
      if (spec.volumeMounts?.length)
        next.volumeMounts = spec.volumeMounts.map((m) =>
          m.readOnly ? Object.assign({}, m, { recursiveReadOnly: 'Disabled' as const }) : { ...m },
        );
      return next;
    });
  return out;
}

/**
 * A pod whose containers kubelet has stopped for good (deleted, or preempted): `status` has their
 * ended states, `before` is what the pod showed until then. The phase is terminal (Succeeded when
 * every container ran and exited 0, else Failed), the sandbox is gone, and it is not ready for the
 * reason PodCompleted or PodFailed (generateContainersReadyConditionForTerminalPhase): what the
 * status manager writes before it deletes the pod.
 */
export function terminalStatus(
  before: PodStatus,
  status: PodStatus,
  now: string,
  phase: 'Succeeded' | 'Failed',
): PodStatus {
  const was = (type: string) => before.conditions?.find((c) => c.type === type);
  const since = (type: string) =>
    was(type)?.status === 'False' ? (was(type)?.lastTransitionTime ?? now) : now;
  const conditions: NonNullable<PodStatus['conditions']> = [];
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodReadyToStartContainers')
      conditions.push({
        type: c.type,
        status: 'False',
        lastTransitionTime: since(c.type),
        lastProbeTime: null,
      });
    else if (c.type === 'Ready' || c.type === 'ContainersReady')
      conditions.push({
        type: c.type,
        status: 'False',
        reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted',
        lastTransitionTime: since(c.type),
        lastProbeTime: null,
      });
    else conditions.push(c);
  }
  const out = extendable(status);
  out.conditions = conditions;
  out.phase = phase;
  return out;
}

/** A terminal phase for containers that ended so: Succeeded only if each ran and exited 0. */
export function terminalPhase(status: PodStatus, containers: number): 'Succeeded' | 'Failed' {
  const ended = status.containerStatuses ?? [];
  const clean = ended.filter((s) => s.state.terminated?.exitCode === 0).length;
  return clean === containers ? 'Succeeded' : 'Failed';
}

/**
 * A pod kubelet killed for a critical one: Failed (see terminalStatus), reason Preempting, and
 * DisruptionTarget first.
 */
export function preemptedStatus(before: PodStatus, status: PodStatus, now: string): PodStatus {
  const terminal = terminalStatus(
    before,
    { ...status, conditions: (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget') },
    now,
    'Failed',
  );
  const conditions: NonNullable<PodStatus['conditions']> = [
    {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'TerminationByKubelet',
      message: 'Pod was preempted by Kubelet to accommodate a critical pod.',
      lastTransitionTime: now,
      lastProbeTime: null,
    },
    ...(terminal.conditions ?? []),
  ];
  return Object.assign({}, terminal, { conditions, reason: PREEMPT_REASON, message: PREEMPT_MESSAGE });
}
