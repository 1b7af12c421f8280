/**
 * kubelet, the node's agent: registers its Node, renews its Lease every 10 s, reports node status,
 * watches the pods bound to its node and makes them real through the container runtime
 * (sandbox, pull, create, start), reporting pod status and Events along the way.
 */
import { formatPod, isPodReady, isTerminal } from '../api/pods';
import type { Container, ContainerState, Node, Pod, PodStatus } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { EventRecorder } from '../client/eventRecorder';
import { Informer } from '../client/informer';
import { timestamp } from '../core/time';
import { bytes, milliCpu } from '../core/quantity';
import type { AppContext } from '../runtime/apps';
import type { ContainerRuntime, RuntimeContainer, Sandbox } from '../runtime/containerRuntime';
import { imageSize } from '../runtime/images';
import type { Route, Sim } from '../sim';
import { objectRef, type ObjectRef } from '../trace';
import { componentId, podsId, type ComponentId } from '../topology';
import { admitPod, type Refusal } from './admission';
import {
  isCriticalPod,
  PREEMPT_MESSAGE,
  PREEMPT_REASON,
  podsToPreempt,
  shortfall,
} from './criticalPodAdmission';
import { goDuration } from './durations';
import {
  mirrorStatus,
  pendingStatus,
  preemptedStatus,
  terminalPhase,
  terminalStatus,
  runningStatus,
  waitingStatus,
} from './podStatus';
import { Prober, type ProbedPod, type ProbeType } from './prober';
import { crashBackoffMs, restarts, withContainerState } from './restarts';
import { mirrorMetadata, StaticPods } from './staticPods';
import { StatusManager, type StatusWorker } from './statusManager';
import { LEASE_RENEW_MS, NodeLease } from './nodeLease';
import { newNodeObject, nodeIP, type NodeShape } from './nodeObject';
import {
  NETWORK_READY_AFTER_MS,
  NODE_STATUS_REPORT_MS,
  NODE_STATUS_UPDATE_MS,
  NodeStatus,
} from './nodeStatus';
import {
  missingVolumes,
  MOUNT_RETRY_FIRST_MS,
  MOUNT_RETRY_MAX_MS,
  MOUNT_WAIT_TIMEOUT_MS,
  type MissingVolume,
} from './volumes';

/** Image pull and crash back-off: 10 s doubling to 300 s (imageBackOffPeriod, MaxContainerBackOff). */
export const IMAGE_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;
/** registerWithAPIServer's waits between tries: 100 ms, doubling, at most 7 s. */
const REGISTER_FIRST_WAIT_MS = 100;
const REGISTER_MAX_WAIT_MS = 7_000;
/** kubelet's pod worker back-off after a failed sync (`backOffPeriod`). */
const SYNC_BACKOFF_MS = 10_000;
const NETWORK_NOT_READY =
  'network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

/** How long kubelet lets a pod's containers stop before SIGKILL: its deletion's grace period, or its own. */
const graceMs = (pod: Pod) =>
  (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;

const hasProbes = (pod: Pod) =>
  pod.spec.containers.some((c) => c.livenessProbe || c.readinessProbe || c.startupProbe);

/** The words a container's process starts with: its command, then its args (the image's when unset). */
function processWords(c: Container): readonly string[] | undefined {
  return c.command || c.args ? [...(c.command ?? []), ...(c.args ?? [])] : undefined;
}

type WorkerState = 'starting' | 'running' | 'terminating' | 'terminated';

/** A pod worker as the prober sees it. */
interface ProbedWorker extends ProbedPod {
  readonly worker: PodWorker;
}

interface PodWorker extends StatusWorker {
  state: WorkerState;
  sandbox?: Sandbox;
  readonly containerIds: Map<string, string>;
  startedAt?: number;
  /** Restarts so far, per container. */
  readonly restarts: Map<string, number>;
  /** The pod as its CRI messages name it (made once). */
  ref?: ObjectRef;
  /** This worker as the prober sees it (made once). */
  probed?: ProbedWorker;
}

/** What the runtime knew of a container when its pod's sandbox went: when it started, and how it ended if it was stopped. */
interface ContainerEnd {
  readonly startedAt: number | undefined;
  readonly exit?: { readonly exitCode: number; readonly finishedAt: number };
}

export class Kubelet {
  readonly id: ComponentId;
  readonly pods: Informer<'Pod'>;
  /** Its own Node (`metadata.name=<node>`): where node-ipam-controller's pod range arrives. */
  readonly ownNode: Informer<'Node'>;
  /** The pod range last handed to the runtime (none after a restart until the Node shows it). */
  private podCidr: string | undefined;
  private readonly recorder: EventRecorder;
  private readonly workers = new Map<string, PodWorker>();
  private epoch = 0;
  private node: Node | undefined;
  /** kubelet → its runtime (CRI calls), checked once. */
  private readonly toRuntime: Route;

  constructor(
    private readonly sim: Sim,
    private readonly api: ApiServer,
    readonly runtime: ContainerRuntime,
    readonly shape: NodeShape,
    /** The static pods in this node's /etc/kubernetes/manifests at boot. */
    manifests: readonly Pod[] = [],
    /** What is up beyond a container itself, for its app's answers (the cluster says whether CoreDNS serves). */
    appContext: AppContext = { coreDnsServing: () => true },
  ) {
    this.id = componentId('kubelet', runtime.node);
    this.toRuntime = sim.route(this.id, runtime.id);
    this.capacity = { milliCpu: milliCpu(shape.cpu), memory: bytes(shape.memory) };
    this.pods = new Informer(api, this.id, 'Pod', { nodeName: shape.name });
    this.ownNode = new Informer(api, this.id, 'Node', { nodeName: shape.name });
    this.ownNode.addHandlers({ onAdd: (n) => this.nodeChanged(n), onUpdate: (n) => this.nodeChanged(n) });
    // What the status loop reads: any change wakes it if it sleeps.
    const wake = () => this.statusInputChanged();
    this.ownNode.addHandlers({ onAdd: wake, onUpdate: wake, onDelete: wake });
    this.pods.addHandlers({ onAdd: wake, onUpdate: wake, onDelete: wake });
    runtime.onStatusChange = wake;
    this.recorder = new EventRecorder(sim, api, this.id, { component: 'kubelet', host: shape.name });
    this.pods.addHandlers({
      onAdd: (p) => this.syncPod(p),
      onUpdate: (p) => this.syncPod(p),
      onDelete: (p) => this.podGone(p),
    });
    runtime.onExit = (c) => this.containerExited(c);
    this.staticPods = new StaticPods(
      {
        sim,
        api,
        runtime,
        id: this.id,
        recorder: this.recorder,
        toRuntime: this.toRuntime,
        epoch: () => this.epoch,
        alive: (epoch) => this.alive(epoch),
        node: () => this.node,
        makeRoomFor: (pod, then) => this.makeRoomFor(pod, then),
      },
      manifests,
    );
    this.prober = new Prober({
      sim,
      runtime,
      recorder: this.recorder,
      toPods: sim.route(this.id, podsId(runtime.node)),
      toRuntime: this.toRuntime,
      context: appContext,
      alive: (epoch) => this.alive(epoch),
      startedAt: () => this.nodeStatus.startedAt,
      changed: (p) => this.probeChanged(p.worker),
      failed: (p, container, type) => this.probeFailed(p.worker, container, type),
    });
    this.nodeStatus = new NodeStatus({
      sim,
      api,
      runtime,
      shape,
      id: this.id,
      recorder: this.recorder,
      ownNode: this.ownNode,
      alive: (epoch) => this.alive(epoch),
      node: () => this.node,
      setNode: (node) => (this.node = node),
      reported: () => this.statusInputChanged(),
    });
    this.statuses = new StatusManager<PodWorker>({
      sim,
      api,
      id: this.id,
      pods: this.pods,
      workers: () => this.workers.values(),
      probed: (uid, status, now) => this.prober.apply(uid, status, now),
      alive: (epoch) => this.alive(epoch),
      changed: () => this.statusInputChanged(),
    });
    this.lease = new NodeLease(
      sim,
      api,
      this.id,
      shape.name,
      (epoch) => this.alive(epoch),
      () => this.node,
    );
  }

  /** What node-side admission fits pods into: the node's cpu and memory. */
  private readonly capacity: { readonly milliCpu: number; readonly memory: number };

  /** The probe manager: readiness, liveness and startup probes of the pods it runs. */
  private readonly prober: Prober<ProbedWorker>;
  /** Its node Lease in kube-node-lease, renewed every 10 s while it runs. */
  private readonly lease: NodeLease;
  /** Its pods' statuses as it sent them, checked against the API's every 10 s. */
  private readonly statuses: StatusManager<PodWorker>;
  /** Its Node's status, worked out every 10 s and posted when it changed or every 5 minutes. */
  private readonly nodeStatus: NodeStatus;

  /** Its static pods: the manifests in /etc/kubernetes/manifests, run with or without kube-apiserver. */
  readonly staticPods: StaticPods;

  /** A container's process ended by itself: restart it after its back-off, or finish the pod. */
  private containerExited(c: RuntimeContainer): void {
    const w = this.workers.get(c.podUid);
    if (!w || !this.up || w.state !== 'running') return;
    this.containerEnded(w, c);
  }

  /** A container of a running pod ended (by itself, or killed after a failed probe): restart it or finish the pod. */
  private containerEnded(w: PodWorker, c: RuntimeContainer): void {
    const now = timestamp(this.sim.now);
    const exitCode = c.exitCode ?? 0;
    const terminated: ContainerState = {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? 'Completed' : 'Error',
        startedAt: timestamp((c.startedAt ?? this.sim.now) as never),
        finishedAt: now,
        containerID: this.runtime.qualified(c.id),
      },
    };
    const count = w.restarts.get(c.name) ?? 0;
    if (!restarts(w.pod, exitCode)) {
      const status = withContainerState(w.pod, c.name, terminated, undefined, count, now);
      const done = (status.containerStatuses ?? []).every((s) => s.state.terminated);
      const failed = (status.containerStatuses ?? []).some((s) => (s.state.terminated?.exitCode ?? 0) !== 0);
      if (done) {
        w.state = 'terminated';
        this.prober.remove(w.pod.metadata.uid);
      }
      this.statuses.post(w, done ? { ...status, phase: failed ? 'Failed' : 'Succeeded' } : status);
      return;
    }
    const next = count + 1;
    const delay = crashBackoffMs(next, IMAGE_BACKOFF_MS, MAX_BACKOFF_MS);
    if (delay === 0) {
      this.statuses.post(w, withContainerState(w.pod, c.name, terminated, undefined, count, now));
    } else {
      this.backOff(w, c, this.sim.now + delay);
      const waiting: ContainerState = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${formatPod(w.pod)}`,
        },
      };
      this.statuses.post(w, withContainerState(w.pod, c.name, waiting, terminated, count, now));
    }
    const epoch = this.epoch;
    this.sim.after(delay, () => {
      if (!this.alive(epoch) || w.state !== 'running') return;
      const spec = w.pod.spec.containers.find((x) => x.name === c.name);
      if (!spec) return;
      // Every start checks the image first ("already present on machine"), restarts too.
      this.runContainer(w, spec, epoch, 'running', (id) => {
        w.restarts.set(c.name, next);
        const running: ContainerState = { running: { startedAt: timestamp(this.sim.now) } };
        this.statuses.post(
          w,
          withContainerState(
            w.pod,
            c.name,
            running,
            terminated,
            next,
            timestamp(this.sim.now),
            this.runtime.qualified(id),
          ),
        );
        this.prober.trigger(w.pod.metadata.uid, c.name, epoch);
      });
    });
  }

  /**
   * BackOff, now and again at each sync of the pod while the container waits out its back-off
   * (every 10 s, the pod worker's back-off requeue): the count runs ahead of the restarts.
   */
  private backOff(w: PodWorker, c: RuntimeContainer, restartAt: number): void {
    const epoch = this.epoch;
    const again = () => {
      if (!this.alive(epoch) || w.state !== 'running' || w.containerIds.get(c.name) !== c.id) return;
      if (this.sim.now >= restartAt) return;
      this.recorder.record(
        w.pod,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${formatPod(w.pod)}`,
        { fieldPath: `spec.containers{${c.name}}` },
      );
      this.sim.after(SYNC_BACKOFF_MS, again);
    };
    again();
  }

  get up(): boolean {
    return this.sim.isUp(this.id);
  }

  /** Worker state per pod uid, for inspection. */
  workerState(uid: string): WorkerState | undefined {
    return this.workers.get(uid)?.state;
  }

  /** When this kubelet last started or stopped (virtual ms), as systemd tells of its unit. */
  get changedAt(): number {
    return this.upChangedAt;
  }
  private upChangedAt = 0;

  start(): void {
    this.sim.setUp(this.id, true);
    this.upChangedAt = this.sim.now;
    const epoch = ++this.epoch;
    this.nodeStatus.reset();
    // A restarted kubelet remembers nothing: it rebuilds its view from the API and the runtime.
    this.workers.clear();
    this.prober.clear();
    this.pullBackoff.clear();
    this.lease.reset(epoch);
    this.podCidr = undefined;
    // The file source needs no API server: static pods are synced before the Node is even registered.
    this.staticPods.restart(epoch);
    this.register(epoch);
  }

  stop(): void {
    this.sim.setUp(this.id, false);
    this.upChangedAt = this.sim.now;
    this.epoch++;
    this.pods.halt();
    this.ownNode.halt();
  }

  /** updatePodCIDR: a new pod range on the Node goes to the runtime (CRI UpdateRuntimeConfig) for its CNI plugin. */
  private nodeChanged(node: Node): void {
    const cidr = node.spec.podCIDR;
    if (!cidr || cidr === this.podCidr) return;
    this.podCidr = cidr;
    const epoch = this.epoch;
    this.sim.sendOn(
      this.toRuntime,
      {
        kind: 'cri',
        summary: `UpdateRuntimeConfig podCIDR=${cidr}`,
        object: objectRef('Node', undefined, node.metadata.name),
      },
      () =>
        this.runtime.updateRuntimeConfig(cidr, () => {
          this.nodeStatus.reportIfReadyAfterNotReady(epoch);
        }),
    );
  }

  private alive(epoch: number): boolean {
    return epoch === this.epoch && this.up;
  }

  /** Runs `fn` every `intervalMs` (plus up to `jitter` of it, as wait.JitterUntil) while this kubelet lives. */
  private every(epoch: number, intervalMs: number, jitter: number, fn: () => void): void {
    const next = () =>
      intervalMs + (jitter ? Math.floor((this.sim.rng.int(0, 1000) / 1000) * jitter * intervalMs) : 0);
    const tick = () => {
      if (!this.alive(epoch)) return;
      fn();
      this.sim.after(next(), tick);
    };
    this.sim.after(next(), tick);
  }

  /**
   * The status loop, every 10 s: node status (posted when something changed or 5 minutes have
   * passed), then the status manager's check of each pod. A tick that would find exactly what the
   * last one found is skipped, not moved: a quiet node's loop sleeps until its 5-minute report is
   * due, and any change to what the two read (its Node, its pods, their statuses, the runtime's
   * images and pod range) wakes it at its next 10-s tick. A thousand idle nodes then run a few
   * ticks every 5 minutes each, not thirty.
   */
  private statusLoop: { readonly epoch: number; readonly origin: number; token: number; at: number } | null =
    null;

  private startStatusLoop(epoch: number): void {
    this.statusLoop = { epoch, origin: this.sim.now, token: 0, at: Infinity };
    this.armStatusTick(this.sim.now + NODE_STATUS_UPDATE_MS);
  }

  /** The loop's next tick at `at` (a tick on its grid); an earlier arming of it is void. */
  private armStatusTick(at: number): void {
    const loop = this.statusLoop!;
    const token = ++loop.token;
    loop.at = at;
    this.sim.at(at, () => {
      if (loop.token !== token || this.statusLoop !== loop || !this.alive(loop.epoch)) return;
      loop.at = Infinity;
      this.nodeStatus.update(loop.epoch);
      this.statuses.syncBatch(loop.epoch);
      const next = this.statusQuiet(loop.epoch) ? this.reportDue(loop) : at + NODE_STATUS_UPDATE_MS;
      // A change seen meanwhile may have armed the next tick already.
      if (next < loop.at) this.armStatusTick(next);
    });
  }

  /** Whether the next tick would find what this one found: nothing to post, every pod settled. */
  private statusQuiet(epoch: number): boolean {
    return this.nodeStatus.still(epoch) && this.statuses.settled();
  }

  /** The first tick of the loop's grid at which the 5-minute report is due. */
  private reportDue(loop: { readonly origin: number }): number {
    const due = this.nodeStatus.lastReportAt + NODE_STATUS_REPORT_MS;
    const ticks = Math.max(1, Math.ceil((due - loop.origin) / NODE_STATUS_UPDATE_MS));
    return Math.max(loop.origin + ticks * NODE_STATUS_UPDATE_MS, this.nextStatusTick(loop));
  }

  /** The loop's first tick after now. */
  private nextStatusTick(loop: { readonly origin: number }): number {
    const done = Math.floor((this.sim.now - loop.origin) / NODE_STATUS_UPDATE_MS);
    return loop.origin + (done + 1) * NODE_STATUS_UPDATE_MS;
  }

  /** Something the status loop reads changed: a sleeping loop ticks again at its next tick. */
  private statusInputChanged(): void {
    const loop = this.statusLoop;
    if (!loop || !this.alive(loop.epoch)) return;
    const next = this.nextStatusTick(loop);
    if (next < loop.at) this.armStatusTick(next);
  }

  // --- Registration and Lease --------------------------------------------------------------

  /**
   * registerWithAPIServer: creates the Node (or finds it there), tried again until it works with
   * waits from 100 ms doubling to 7 s. A kube-apiserver that is down refuses the connection.
   */
  private register(epoch: number, wait = REGISTER_FIRST_WAIT_MS): void {
    const now = timestamp(this.sim.now);
    const fresh = newNodeObject(this.shape, now);
    this.api.request(
      this.id,
      { verb: 'create', kind: 'Node', object: fresh },
      (result) => {
        if (!this.alive(epoch)) return;
        if (!result.ok && result.error.reason !== 'AlreadyExists') {
          const next = Math.min(wait * 2, REGISTER_MAX_WAIT_MS);
          this.sim.after(wait, () => this.alive(epoch) && this.register(epoch, next));
          return;
        }
        if (result.ok && result.object.kind === 'Node') this.node = result.object;
        if (!result.ok) this.node = this.api.peek('Node', undefined, this.shape.name) as Node | undefined;
        this.recorder.record(this.nodeStatus.nodeRef, 'Normal', 'Starting', 'Starting kubelet.');
        this.recorder.record(
          this.nodeStatus.nodeRef,
          'Normal',
          'NodeAllocatableEnforced',
          'Updated Node Allocatable limit across pods',
        );
        // A new Node's pressure conditions are set False for the first time: each setter says so.
        if (result.ok)
          for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID'])
            this.recorder.record(
              this.nodeStatus.nodeRef,
              'Normal',
              reason,
              `Node ${this.shape.name} status is now: ${reason}`,
            );
        this.lease.sync(epoch);
        this.every(epoch, LEASE_RENEW_MS, 0.04, () => this.lease.sync(epoch));
        this.sim.after(NETWORK_READY_AFTER_MS, () => this.alive(epoch) && this.nodeStatus.update(epoch));
        // The status manager's syncBatch runs on the same 10-s beat as the node status.
        this.startStatusLoop(epoch);
        this.pods.start();
        this.ownNode.start();
        this.createMirrorPods(epoch);
      },
      { refused: true },
    );
  }

  /** kindnet wrote the node's CNI config: as fastStatusUpdateOnce, a node not yet Ready reports at once. */
  cniConfigWritten(): void {
    this.statusInputChanged();
    this.nodeStatus.reportIfNowReady(this.epoch);
  }

  /** Posts a mirror pod for each static pod, so the API shows what this node runs from its manifests. */
  private createMirrorPods(epoch: number): void {
    const now = timestamp(this.sim.now);
    const boot = timestamp(0 as never);
    for (const pod of this.staticPods.running()) {
      if (!this.alive(epoch) || this.api.peek('Pod', pod.metadata.namespace, pod.metadata.name)) continue;
      // A static pod being started again gets its mirror when its container runs (StaticPods).
      if (!this.runtime.containersOf(pod.metadata.name).some((c) => c.state === 'running')) continue;
      const containerId = (name: string) =>
        this.runtime.qualified(
          this.runtime.containersOf(pod.metadata.name).find((x) => x.name === name)?.id ?? '',
        );
      const mirror: Pod = {
        ...pod,
        metadata: mirrorMetadata(pod, this.node),
        status: mirrorStatus(pod, now, boot, containerId, (image) => this.runtime.imageRefs(image)),
      };
      this.api.request(this.id, { verb: 'create', kind: 'Pod', object: mirror });
    }
  }

  // --- Pods -------------------------------------------------------------------------------

  private syncPod(pod: Pod): void {
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return;
    const uid = pod.metadata.uid;
    const worker = this.workers.get(uid);
    if (pod.metadata.deletionTimestamp) {
      if (worker) worker.pod = pod;
      this.terminate(worker ?? this.newWorker(pod));
      return;
    }
    if (worker) {
      worker.pod = pod;
      this.statuses.correct(worker, pod);
      return;
    }
    if (isTerminal(pod)) return;
    const w = this.newWorker(pod);
    if (this.adopt(w)) return;
    const refusal = this.admit(pod);
    if (refusal) return this.reject(w, refusal);
    if (hasProbes(pod)) this.prober.add(this.probed(w), this.epoch);
    this.startPod(w);
  }

  private newWorker(pod: Pod): PodWorker {
    const w: PodWorker = { pod, state: 'starting', containerIds: new Map(), restarts: new Map() };
    this.workers.set(pod.metadata.uid, w);
    return w;
  }

  /** After a kubelet restart: a pod whose containers all still run is simply taken back; a half-started one starts over. */
  private adopt(w: PodWorker): boolean {
    const existing = this.runtime.containersOf(w.pod.metadata.uid);
    if (existing.length === 0) return false;
    const running = w.pod.spec.containers.every((c) =>
      existing.some((x) => x.name === c.name && x.state === 'running'),
    );
    if (!running) {
      this.runtime.removePodSandbox(w.pod.metadata.uid, () => {});
      return false;
    }
    for (const c of existing) w.containerIds.set(c.name, c.id);
    w.state = 'running';
    const ready = new Set((w.pod.status.containerStatuses ?? []).filter((s) => s.ready).map((s) => s.name));
    if (hasProbes(w.pod)) this.prober.add(this.probed(w), this.epoch, ready);
    // Back after a silence, its pods may have been marked not ready: report them as they are.
    if (w.pod.status.phase !== 'Running' || !isPodReady(w.pod)) this.podRunning(w);
    // Otherwise the status manager starts from what runs, which the API shows now: should the
    // API's change later (node-lifecycle-controller marking the pod not ready), its check puts it back.
    else this.statuses.setMine(w, w.pod.status);
    return true;
  }

  /** Node-side admission: the pod's requests must fit what the running pods leave of allocatable. */
  private admit(pod: Pod): Refusal | null {
    const running = [...this.staticPods.running()];
    for (const w of this.workers.values())
      if (w.state !== 'terminated' && w.pod.metadata.uid !== pod.metadata.uid) running.push(w.pod);
    return admitPod(pod, running, this.capacity);
  }

  /**
   * A static pod is about to start (its manifest came back): if it does not fit beside the pods
   * running here, ordinary pods are preempted to make room (CriticalPodAdmissionHandler), and it
   * starts once they are killed. Where no choice of pods would do, it starts anyway.
   */
  private makeRoomFor(pod: Pod, then: () => void): void {
    const running = [...this.staticPods.running()].filter((p) => p.metadata.name !== pod.metadata.name);
    const candidates: PodWorker[] = [];
    for (const w of this.workers.values()) {
      if (w.state === 'terminating' || w.state === 'terminated') continue;
      running.push(w.pod);
      if (!isCriticalPod(w.pod, false)) candidates.push(w);
    }
    const need = shortfall(pod, running, this.capacity);
    const victims = need.length
      ? podsToPreempt(
          candidates.map((w) => w.pod),
          need,
        )
      : null;
    if (!victims?.length) return then();
    let left = victims.length;
    for (const victim of victims)
      this.preempt(
        candidates.find((w) => w.pod === victim)!,
        () => --left === 0 && then(),
      );
  }

  /**
   * Kills a pod to make room for a critical one and fails it (reason Preempting, the condition
   * DisruptionTarget); its controller, if any, makes another.
   */
  private preempt(w: PodWorker, done: () => void): void {
    this.recorder.record(w.pod, 'Warning', PREEMPT_REASON, PREEMPT_MESSAGE);
    this.kill(w, (ends) => {
      w.state = 'terminated';
      const now = timestamp(this.sim.now);
      this.statuses.post(w, preemptedStatus(w.pod.status, this.endedStatus(w, ends, now), now));
      done();
    });
  }

  /** The pod's status with each container that ran terminated as its process ended. */
  private endedStatus(w: PodWorker, ends: ReadonlyMap<string, ContainerEnd>, now: string): PodStatus {
    let status = w.pod.status;
    for (const [name, id] of w.containerIds) {
      // How the process ended when it was stopped: 0 for a server, 137 for a shell killed when
      // the grace period ran out.
      const end = ends.get(id);
      const exit = end?.exit;
      const exitCode = exit?.exitCode ?? 0;
      const terminated: ContainerState = {
        terminated: {
          exitCode,
          reason: exitCode === 0 ? 'Completed' : 'Error',
          startedAt: timestamp((end?.startedAt ?? this.sim.now) as never),
          finishedAt: exit ? timestamp(exit.finishedAt as never) : now,
          containerID: this.runtime.qualified(id),
        },
      };
      status = withContainerState(
        { ...w.pod, status },
        name,
        terminated,
        undefined,
        w.restarts.get(name) ?? 0,
        now,
      );
    }
    return status;
  }

  private reject(w: PodWorker, why: Refusal): void {
    w.state = 'terminated';
    this.recorder.record(w.pod, 'Warning', why.reason, why.message);
    this.statuses.post(w, { ...w.pod.status, phase: 'Failed', reason: why.reason, message: why.message });
  }

  private cri(summary: string, w: PodWorker, call: () => void): void {
    this.sim.sendOn(
      this.toRuntime,
      {
        kind: 'cri',
        summary,
        object: this.podRef(w),
      },
      call,
    );
  }

  /** The pod as its messages name it (made once). */
  private podRef(w: PodWorker): ObjectRef {
    return (w.ref ??= {
      kind: 'Pod',
      namespace: w.pod.metadata.namespace ?? 'default',
      name: w.pod.metadata.name,
    });
  }

  private startPod(w: PodWorker): void {
    const epoch = this.epoch;
    const { pod } = w;
    if (!pod.spec.hostNetwork && (this.runtime.podCidr === undefined || !this.runtime.cniConfigured)) {
      // syncPod refuses a pod-network pod while the network is not ready; its worker tries again later.
      this.recorder.record(pod, 'Warning', 'NetworkNotReady', NETWORK_NOT_READY);
      this.sim.after(SYNC_BACKOFF_MS, () => {
        if (this.alive(epoch) && w.state === 'starting' && this.workers.get(pod.metadata.uid) === w)
          this.startPod(w);
      });
      return;
    }
    const now = timestamp(this.sim.now);
    w.startedAt = this.sim.now;
    this.statuses.post(w, pendingStatus(pod, now, nodeIP(this.shape.index)));
    const missing = missingVolumes(pod);
    if (missing.length) return this.waitForVolumes(w, missing, epoch, this.sim.now, MOUNT_RETRY_FIRST_MS);
    this.runSandbox(w, epoch);
  }

  /**
   * The volume manager retries each volume it cannot set up (FailedMount each time, backing off to
   * 2m2s) while syncPod waits up to 2m3s and then gives up this round with its own FailedMount. The
   * pod stays in ContainerCreating, with no sandbox and no IP, until the object exists.
   */
  private waitForVolumes(
    w: PodWorker,
    missing: readonly MissingVolume[],
    epoch: number,
    roundStart: number,
    retry: number,
  ): void {
    const waiting = () =>
      this.alive(epoch) && w.state === 'starting' && this.workers.get(w.pod.metadata.uid) === w;
    for (const m of missing)
      this.recorder.record(
        w.pod,
        'Warning',
        'FailedMount',
        `MountVolume.SetUp failed for volume "${m.volume}" : ${m.reason}`,
      );
    let start = roundStart;
    if (this.sim.now - roundStart >= MOUNT_WAIT_TIMEOUT_MS) {
      const names = missing.map((m) => m.volume).join(' ');
      this.recorder.record(
        w.pod,
        'Warning',
        'FailedMount',
        `Unable to attach or mount volumes: unmounted volumes=[${names}], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition`,
      );
      start = this.sim.now;
    }
    this.sim.after(retry, () => {
      if (waiting()) this.waitForVolumes(w, missing, epoch, start, Math.min(retry * 2, MOUNT_RETRY_MAX_MS));
    });
  }

  private runSandbox(w: PodWorker, epoch: number): void {
    const { pod } = w;
    const name = pod.metadata.name;
    const namespace = pod.metadata.namespace ?? 'default';
    this.cri(`RunPodSandbox ${namespace}/${name}`, w, () =>
      this.runtime.runPodSandbox(
        pod.metadata.uid,
        name,
        namespace,
        pod.spec.hostNetwork === true,
        (sandbox) => {
          if (!this.alive(epoch) || w.state !== 'starting') return;
          w.sandbox = sandbox;
          this.startContainers(w, 0, epoch);
        },
      ),
    );
  }

  private startContainers(w: PodWorker, index: number, epoch: number): void {
    const container = w.pod.spec.containers[index];
    if (!container) return this.podRunning(w);
    this.runContainer(w, container, epoch, 'starting', () => this.startContainers(w, index + 1, epoch));
  }

  /**
   * One container's start, first or again: the image (pulled unless present), CreateContainer
   * (Created), StartContainer (Started), then `started` with its id; while this kubelet run lasts
   * and the pod worker is still `state`.
   */
  private runContainer(
    w: PodWorker,
    container: Container,
    epoch: number,
    state: WorkerState,
    started: (id: string) => void,
  ): void {
    const still = () => this.alive(epoch) && w.state === state;
    const fieldPath = `spec.containers{${container.name}}`;
    this.ensureImage(w, container, epoch, () =>
      this.cri(`CreateContainer ${container.name}`, w, () =>
        this.runtime.createContainer(
          w.pod.metadata.uid,
          w.pod.metadata.name,
          w.pod.metadata.namespace ?? 'default',
          container.name,
          container.image,
          (id) => {
            if (!still()) return;
            w.containerIds.set(container.name, id);
            this.recorder.record(w.pod, 'Normal', 'Created', `Created container: ${container.name}`, {
              fieldPath,
            });
            this.cri(`StartContainer ${container.name}`, w, () =>
              this.runtime.startContainer(id, () => {
                if (!still()) return;
                this.recorder.record(w.pod, 'Normal', 'Started', `Started container ${container.name}`, {
                  fieldPath,
                });
                started(id);
              }),
            );
          },
          // Args alone replace the image's default command (a shell image's `sh`).
          processWords(container),
        ),
      ),
    );
  }

  private ensureImage(w: PodWorker, c: Container, epoch: number, then: () => void): void {
    const fieldPath = `spec.containers{${c.name}}`;
    const present = this.runtime.hasImage(c.image);
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (present && policy !== 'Always') {
      this.recorder.record(
        w.pod,
        'Normal',
        'Pulled',
        `Container image "${c.image}" already present on machine`,
        { fieldPath },
      );
      return then();
    }
    if (!present && policy === 'Never') {
      const message = `Container image "${c.image}" is not present with pull policy of Never`;
      this.recorder.record(w.pod, 'Warning', 'ErrImageNeverPull', message, { fieldPath });
      return;
    }
    this.recorder.record(w.pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, { fieldPath });
    this.cri(`PullImage ${c.image}`, w, () =>
      this.runtime.pullImage(
        c.image,
        (pullMs, waitedMs) => {
          if (!this.alive(epoch)) return;
          this.pullBackoff.delete(`${w.pod.metadata.uid}/${c.image}`);
          this.recorder.record(
            w.pod,
            'Normal',
            'Pulled',
            `Successfully pulled image "${c.image}" in ${goDuration(pullMs)} (${goDuration(waitedMs)} including waiting). Image size: ${imageSize(c.image)} bytes.`,
            { fieldPath },
          );
          then();
        },
        (error) => this.pullFailed(w, c, error, epoch, then),
      ),
    );
  }

  /** Per pod and image: how long to wait before the next pull (10 s doubling to 300 s, flowcontrol.Backoff). */
  private readonly pullBackoff = new Map<string, number>();

  /** ErrImagePull, then ImagePullBackOff while kubelet waits, then another try. */
  private pullFailed(w: PodWorker, c: Container, error: string, epoch: number, then: () => void): void {
    if (!this.alive(epoch) || w.state !== 'starting') return;
    const fieldPath = `spec.containers{${c.name}}`;
    const key = `${w.pod.metadata.uid}/${c.image}`;
    const wait = this.pullBackoff.get(key) ?? IMAGE_BACKOFF_MS;
    this.pullBackoff.set(key, Math.min(wait * 2, MAX_BACKOFF_MS));
    this.recorder.record(w.pod, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`, {
      fieldPath,
    });
    this.recorder.record(w.pod, 'Warning', 'Failed', 'Error: ErrImagePull', { fieldPath });
    this.statuses.post(w, waitingStatus(w.pod, c.name, 'ErrImagePull', error, this.sandboxStatus(w)));
    this.sim.after(1_000, () => {
      if (!this.alive(epoch) || w.state !== 'starting') return;
      this.recorder.record(w.pod, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, { fieldPath });
      this.recorder.record(w.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', { fieldPath });
      this.statuses.post(
        w,
        waitingStatus(
          w.pod,
          c.name,
          'ImagePullBackOff',
          `Back-off pulling image "${c.image}": ErrImagePull: ${error}`,
          this.sandboxStatus(w),
        ),
      );
    });
    this.sim.after(wait, () => {
      if (this.alive(epoch) && w.state === 'starting') this.ensureImage(w, c, epoch, then);
    });
  }

  /** The sandbox's address for a status posted before the containers run (none before it exists). */
  private sandboxStatus(w: PodWorker): { now: string; podIP: string } | undefined {
    return w.sandbox ? { now: timestamp(this.sim.now), podIP: w.sandbox.ip } : undefined;
  }

  private podRunning(w: PodWorker): void {
    w.state = 'running';
    const where = {
      hostIP: nodeIP(this.shape.index),
      podIP: w.sandbox?.ip,
      startTime: timestamp((w.startedAt ?? this.sim.now) as never),
    };
    this.statuses.post(
      w,
      runningStatus(
        w.pod,
        timestamp(this.sim.now),
        where,
        (name) => this.runtime.qualified(w.containerIds.get(name) ?? ''),
        (image) => this.runtime.imageRefs(image),
      ),
    );
    for (const c of w.pod.spec.containers) this.prober.trigger(w.pod.metadata.uid, c.name, this.epoch);
  }

  /** The worker as the prober sees it: the pod as kubelet has it now, its address, its reference. */
  private probed(w: PodWorker): ProbedWorker {
    const ref = () => this.podRef(w);
    return (w.probed ??= {
      worker: w,
      get pod() {
        return w.pod;
      },
      get state() {
        return w.state;
      },
      containerIds: w.containerIds,
      get ip() {
        return w.sandbox?.ip ?? w.pod.status.podIP;
      },
      get ref() {
        return ref();
      },
    });
  }

  /** A readiness or startup result changed: the status goes out again with it. */
  private probeChanged(w: PodWorker): void {
    if ((w.state === 'running' || w.state === 'terminating') && this.workers.get(w.pod.metadata.uid) === w)
      this.statuses.post(w, w.mine ?? w.pod.status);
  }

  /** A liveness or startup probe failed for good: the container is killed, then started again as after a crash. */
  private probeFailed(w: PodWorker, name: string, type: ProbeType): void {
    const id = w.containerIds.get(name);
    if (id === undefined || w.state !== 'running') return;
    const epoch = this.epoch;
    this.recorder.record(
      w.pod,
      'Normal',
      'Killing',
      `Container ${name} failed ${type} probe, will be restarted`,
      {
        fieldPath: `spec.containers{${name}}`,
      },
    );
    const probe = w.pod.spec.containers.find((c) => c.name === name)?.[`${type}Probe`];
    this.cri(`StopContainer ${name}`, w, () =>
      this.runtime.stopContainer(
        id,
        () => {
          const c = this.runtime.containers.get(id);
          if (c && this.alive(epoch) && w.state === 'running' && w.containerIds.get(name) === id)
            this.containerEnded(w, c);
        },
        // A probe may set its own grace period; otherwise the pod's.
        probe?.terminationGracePeriodSeconds !== undefined
          ? probe.terminationGracePeriodSeconds * 1000
          : graceMs(w.pod),
      ),
    );
  }

  /** Graceful termination: stop each container (Killing), remove the sandbox, then delete the pod for good. */
  private terminate(w: PodWorker): void {
    if (w.state === 'terminating' || w.state === 'terminated') return;
    const wasRunning = w.state === 'running';
    this.kill(w, (ends) => {
      w.state = 'terminated';
      const remove = () =>
        this.api.request(this.id, {
          verb: 'delete',
          kind: 'Pod',
          namespace: w.pod.metadata.namespace ?? 'default',
          name: w.pod.metadata.name,
          gracePeriodSeconds: 0,
        });
      // A pod that never ran has no containers to report on: it goes at once.
      if (!wasRunning) return remove();
      // The status manager writes the terminal status first (containers ended, phase Succeeded
      // or Failed), and deletes the pod once that is stored (canBeDeleted).
      const now = timestamp(this.sim.now);
      const ended = this.endedStatus(w, ends, now);
      const phase = terminalPhase(ended, w.pod.spec.containers.length);
      this.statuses.post(w, terminalStatus(w.pod.status, ended, now, phase), remove);
    });
  }

  /**
   * Stops each of the pod's containers (Killing) if they run, removes its sandbox, then `killed`,
   * while this kubelet run lasts.
   */
  private kill(w: PodWorker, killed: (ends: ReadonlyMap<string, ContainerEnd>) => void): void {
    const wasRunning = w.state === 'running';
    w.state = 'terminating';
    this.prober.stopLivenessAndStartup(w.pod.metadata.uid);
    const epoch = this.epoch;
    const containers = [...w.containerIds.entries()];
    let left = containers.length;
    /** Each stopped container's exit, as StopContainer answered. */
    const exits = new Map<string, NonNullable<ContainerEnd['exit']>>();
    const removeSandbox = () => {
      // The containers have stopped: readiness is no longer probed either.
      this.prober.remove(w.pod.metadata.uid);
      if (!this.alive(epoch)) return;
      this.cri(`RemovePodSandbox ${w.pod.metadata.name}`, w, () => {
        // Read now: the runtime forgets the containers with their sandbox.
        const ends = new Map<string, ContainerEnd>();
        for (const c of this.runtime.containersOf(w.pod.metadata.uid)) {
          const exit = exits.get(c.id);
          ends.set(c.id, exit ? { startedAt: c.startedAt, exit } : { startedAt: c.startedAt });
        }
        this.runtime.removePodSandbox(w.pod.metadata.uid, () => killed(ends));
      });
    };
    if (left === 0 || !wasRunning) return removeSandbox();
    for (const [name, id] of containers) {
      this.recorder.record(w.pod, 'Normal', 'Killing', `Stopping container ${name}`, {
        fieldPath: `spec.containers{${name}}`,
      });
      this.cri(`StopContainer ${name}`, w, () =>
        this.runtime.stopContainer(
          id,
          () => {
            const c = this.runtime.containers.get(id);
            if (c?.exitCode !== undefined && c.finishedAt !== undefined)
              exits.set(id, { exitCode: c.exitCode, finishedAt: c.finishedAt });
            if (--left === 0) removeSandbox();
          },
          graceMs(w.pod),
        ),
      );
    }
  }

  /** The pod object is gone (force-deleted, or our own final delete): make sure nothing of it still runs. */
  private podGone(pod: Pod): void {
    const w = this.workers.get(pod.metadata.uid);
    if (!w) return;
    if (w.state !== 'terminated' && w.state !== 'terminating') {
      for (const id of w.containerIds.values()) this.runtime.stopContainer(id, () => {});
      this.runtime.removePodSandbox(pod.metadata.uid, () => {});
    }
    this.workers.delete(pod.metadata.uid);
    this.prober.remove(pod.metadata.uid);
  }
}
