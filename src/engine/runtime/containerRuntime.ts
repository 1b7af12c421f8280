/**
 * A node's container runtime (docker through cri-dockerd, containerd or cri-o), as kubelet sees
 * it through the CRI: an image store, pod sandboxes and containers with states. Pulls are
 * serialized (kubelet's serializeImagePulls default) and take time by image size.
 */
import type { RuntimeName, NodeName } from '../clusterConfig';
import type { Route, Sim } from '../sim';
import { componentId, podsId, type ComponentId } from '../topology';
import { execDurationMs, execInContainer, type ExecResult } from './exec';
import { exitOnSigterm, processLifetime } from './processes';
import { imageDigest, lookUp, parseImage, pullErrorMessage } from './registry';
import { imageSize, PRELOADED_IMAGES, PULL_BYTES_PER_MS, PULL_OVERHEAD_MS } from './images';

export type ContainerRunState = 'created' | 'running' | 'exited';

export interface RuntimeContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly podUid: string;
  readonly podName: string;
  readonly podNamespace: string;
  readonly command?: readonly string[];
  state: ContainerRunState;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
}

export interface Sandbox {
  readonly id: string;
  readonly podUid: string;
  readonly ip: string;
}

export const RUNTIME_VERSIONS: Record<RuntimeName, string> = {
  docker: 'docker://28.4.0',
  containerd: 'containerd://1.7.27',
  'cri-o': 'cri-o://1.34.0',
};

/** A pod's terminationGracePeriodSeconds when nothing else says: 30 s. */
const DEFAULT_GRACE_MS = 30_000;
/** 128 + 9: the process was killed by SIGKILL. */
const EXIT_SIGKILL = 137;

/** How long each CRI call takes to do its work (virtual ms). */
const WORK = { sandbox: 250, create: 40, start: 60, stop: 120, remove: 20, exec: 15 } as const;

export class ContainerRuntime {
  readonly id: ComponentId;
  readonly kubelet: ComponentId;
  readonly images = new Map<string, number>();
  /** Bumped whenever an image is added, so kubelet recomputes its node status list only then. */
  imagesVersion = 0;
  /** Called when what kubelet's node status reads of the runtime changes: its images, its pod range. */
  onStatusChange: (() => void) | null = null;
  readonly containers = new Map<string, RuntimeContainer>();
  readonly sandboxes = new Map<string, Sandbox>();
  private pullQueueFreeAt = 0;
  /** When the queued pull that downloads each image's layers finishes. */
  private readonly layersPulledAt = new Map<string, number>();
  private nextIp = 2;
  /** The node's pod range, once kubelet passes it on (CRI UpdateRuntimeConfig); the CNI plugin allocates pod IPs from it. */
  podCidr: string | undefined;
  private podCidrPrefix = '';
  /**
   * Whether the node has a CNI config: minikube writes the bridge plugin's before kubelet starts;
   * kindnet's pod writes its own once it runs (a file on disk: it outlasts a node restart).
   */
  cniConfigured: boolean;
  /** Its two checked routes (replies to kubelet, and the pods' processes): checked once, used for every message. */
  private readonly toKubelet: Route;
  private readonly toPods: Route;

  constructor(
    private readonly sim: Sim,
    readonly node: NodeName,
    readonly runtime: RuntimeName,
    /** The node's own address: the IP of host-network pods. */
    private readonly hostIP: string,
    /** The CNI plugin minikube chose: kindnet's config exists only once its pod has written it. */
    cni: 'bridge' | 'kindnet' = 'bridge',
  ) {
    this.cniConfigured = cni === 'bridge';
    this.id = componentId('container-runtime', node);
    this.kubelet = componentId('kubelet', node);
    this.toKubelet = sim.route(this.id, this.kubelet);
    this.toPods = sim.route(this.id, podsId(node));
    for (const image of PRELOADED_IMAGES) this.images.set(image, imageSize(image));
  }

  get up(): boolean {
    return this.sim.isUp(this.id);
  }

  private newId(): string {
    return this.sim.rng.chars('0123456789abcdef', 64);
  }

  /** The id with the runtime's scheme, as container statuses show it (`docker://…`). */
  qualified(id: string): string {
    return `${this.runtime === 'cri-o' ? 'cri-o' : this.runtime}://${id}`;
  }

  /**
   * The image and image ID a container status shows, as this runtime reports them: docker (through
   * cri-dockerd) keeps the name as written and gives a `docker-pullable://` repo digest;
   * containerd and cri-o give the fully qualified name and its repo digest.
   */
  imageRefs(image: string): { image: string; imageID: string } {
    const ref = parseImage(image);
    const digest = ref.digest ?? `sha256:${imageDigest(ref)}`;
    const full = `${ref.registry}/${ref.repository}`;
    if (this.runtime === 'docker') {
      const written = image.split('@')[0]!;
      const colon = written.lastIndexOf(':');
      const repo = colon > written.lastIndexOf('/') ? written.slice(0, colon) : written;
      return { image, imageID: `docker-pullable://${repo}@${digest}` };
    }
    return {
      image: ref.digest ? `${full}@${ref.digest}` : `${full}:${ref.tag}`,
      imageID: `${full}@${digest}`,
    };
  }

  /** Replies to kubelet after `work` ms; the reply is a message too. */
  private reply(work: number, summary: string, then: () => void): void {
    this.sim.after(work, () => {
      if (!this.up) return;
      this.sim.sendOn(this.toKubelet, { kind: 'cri-reply', summary }, then);
    });
  }

  hasImage(image: string): boolean {
    return this.images.has(image);
  }

  /** UpdateRuntimeConfig: the node's pod range (`10.244.1.0/24`), from which pod IPs are given out from .2 on. */
  updateRuntimeConfig(podCidr: string, done: () => void): void {
    const prefix = podCidr.slice(0, podCidr.lastIndexOf('.'));
    this.podCidr = podCidr;
    this.onStatusChange?.();
    if (prefix !== this.podCidrPrefix) {
      this.podCidrPrefix = prefix;
      this.nextIp = 2;
    }
    this.reply(1, `runtime config updated: podCIDR ${podCidr}`, done);
  }

  /**
   * Starts a pod's sandbox (its pause container and network namespace); replies with its IP: the
   * node's own for a host-network pod, else the next one from the node's pod range.
   */
  runPodSandbox(
    podUid: string,
    podName: string,
    podNamespace: string,
    hostNetwork: boolean,
    done: (sandbox: Sandbox) => void,
  ): void {
    const existing = this.sandboxes.get(podUid);
    if (existing) return this.reply(1, `sandbox ${existing.id.slice(0, 12)} ready`, () => done(existing));
    const ip = hostNetwork ? this.hostIP : `${this.podCidrPrefix}.${this.nextIp++}`;
    const sandbox: Sandbox = { id: this.newId(), podUid, ip };
    this.sandboxes.set(podUid, sandbox);
    this.sim.sendOn(
      this.toPods,
      { kind: 'run', summary: `start pause container for ${podNamespace}/${podName}` },
      () => {},
    );
    this.reply(WORK.sandbox, `sandbox ${sandbox.id.slice(0, 12)} ready, IP ${sandbox.ip}`, () =>
      done(sandbox),
    );
  }

  /** Pulls an image; pulls wait for each other. Replies with the pull time and the time spent queued. */
  pullImage(
    image: string,
    done: (pullMs: number, waitedMs: number) => void,
    failed: (message: string) => void = () => {},
  ): void {
    const ref = parseImage(image);
    const missing = lookUp(ref);
    if (missing) {
      // The registry answers at once that there is nothing to download.
      this.reply(PULL_OVERHEAD_MS, `pull ${image} failed: ${missing}`, () =>
        failed(pullErrorMessage(ref, missing, this.runtime)),
      );
      return;
    }
    const start = Math.max(this.sim.now, this.pullQueueFreeAt);
    // An image already on the node (pulled again under imagePullPolicy Always), or pulled by an
    // earlier pull in the queue (pods started together, each asking for it), has every layer by
    // the time this pull starts: only the registry's round trips for the manifest remain.
    const layersAt = this.layersPulledAt.get(image);
    const present = this.images.has(image) || (layersAt !== undefined && layersAt <= start);
    const download = present ? 0 : Math.round(imageSize(image) / PULL_BYTES_PER_MS);
    const pullMs = PULL_OVERHEAD_MS + download;
    this.pullQueueFreeAt = start + pullMs;
    if (!present) this.layersPulledAt.set(image, start + pullMs);
    const finish = start + pullMs - this.sim.now;
    this.reply(finish, `pulled ${image}`, () => {
      this.images.set(image, imageSize(image));
      this.imagesVersion++;
      this.onStatusChange?.();
      done(pullMs, finish);
    });
  }

  createContainer(
    podUid: string,
    podName: string,
    podNamespace: string,
    name: string,
    image: string,
    done: (id: string) => void,
    command?: readonly string[],
  ): void {
    const c: RuntimeContainer = {
      id: this.newId(),
      name,
      image,
      podUid,
      podName,
      podNamespace,
      state: 'created',
      ...(command ? { command } : {}),
    };
    this.containers.set(c.id, c);
    this.reply(WORK.create, `created ${name} ${c.id.slice(0, 12)}`, () => done(c.id));
  }

  startContainer(id: string, done: () => void): void {
    const c = this.containers.get(id);
    if (!c) return;
    this.sim.sendOn(
      this.toPods,
      { kind: 'run', summary: `start ${c.name} (${c.image}) in ${c.podNamespace}/${c.podName}` },
      () => {},
    );
    this.reply(WORK.start, `started ${c.name}`, () => {
      c.state = 'running';
      c.startedAt = this.sim.now;
      this.onProcess?.(c, true);
      done();
    });
    const lifetime = processLifetime(c.image, c.command);
    if (lifetime !== null) this.sim.after(WORK.start + lifetime, () => this.exited(c, 0));
  }

  /** Told when a container's process ends by itself (kubelet's PLEG notices). */
  onExit: ((container: RuntimeContainer) => void) | null = null;
  /** Told when a container's process starts (`running`) or ends for any reason: what the process itself would do. */
  onProcess: ((container: RuntimeContainer, running: boolean) => void) | null = null;

  private exited(c: RuntimeContainer, exitCode: number): void {
    if (!this.up || c.state !== 'running' || this.containers.get(c.id) !== c) return;
    c.state = 'exited';
    c.exitCode = exitCode;
    c.finishedAt = this.sim.now;
    this.onProcess?.(c, false);
    this.sim.sendOn(
      this.toKubelet,
      { kind: 'cri-reply', summary: `container ${c.name} exited with code ${exitCode}` },
      () => this.onExit?.(c),
    );
  }

  /**
   * Stops a container (CRI StopContainer with the pod's grace period): SIGTERM, which a server
   * handles and exits 0 on at once (a Go program without a handler: 2); a shell or `sleep` running
   * as PID 1 has no handler and, as PID 1, is not killed by it either, so it runs on until the grace
   * period ends and SIGKILL ends it (137).
   */
  stopContainer(id: string, done: () => void, graceMs = DEFAULT_GRACE_MS): void {
    const c = this.containers.get(id);
    if (!c) return this.reply(1, 'no such container', done);
    this.sim.sendOn(
      this.toPods,
      { kind: 'run', summary: `stop ${c.name} in ${c.podNamespace}/${c.podName}` },
      () => {},
    );
    const onTerm = exitOnSigterm(c.image, c.command);
    const killed = c.state === 'running' && onTerm === null;
    this.reply(killed ? Math.max(graceMs, WORK.stop) : WORK.stop, `stopped ${c.name}`, () => {
      const wasRunning = c.state === 'running';
      c.state = 'exited';
      c.finishedAt = this.sim.now;
      c.exitCode = !wasRunning ? 0 : killed ? EXIT_SIGKILL : (onTerm ?? 0);
      if (wasRunning) this.onProcess?.(c, false);
      done();
    });
  }

  /**
   * ExecSync: runs a command in a running container (an exec probe) and answers with its exit code
   * and output once it has run, or, when it runs for `timeoutMs` or longer (0: no limit), answers
   * then that it timed out (gRPC DeadlineExceeded; the runtime kills the exec).
   */
  execSync(
    id: string,
    command: readonly string[],
    timeoutMs: number,
    done: (result: ExecResult | 'timeout') => void,
  ): void {
    const c = this.containers.get(id);
    const text = command.join(' ');
    if (c?.state !== 'running') {
      const result = { exitCode: -1, output: `container ${id.slice(0, 12)} is not running` };
      return this.reply(WORK.exec, `exec ${text}: exit code -1`, () => done(result));
    }
    const runs = execDurationMs(command);
    if (timeoutMs > 0 && runs >= timeoutMs)
      return this.reply(timeoutMs, `exec ${text}: timed out after ${timeoutMs / 1000}s`, () =>
        done('timeout'),
      );
    // The files the command sees are those of when it starts.
    const result = execInContainer(
      c.image,
      c.command ?? [],
      command,
      this.sim.now - (c.startedAt ?? this.sim.now),
    );
    this.reply(WORK.exec + runs, `exec ${text}: exit code ${result.exitCode}`, () => done(result));
  }

  /** Removes a pod's sandbox and its containers. */
  removePodSandbox(podUid: string, done: () => void): void {
    const sandbox = this.sandboxes.get(podUid);
    this.sandboxes.delete(podUid);
    for (const [id, c] of this.containers) if (c.podUid === podUid) this.containers.delete(id);
    // RemovePodSandbox is idempotent: removing one already gone succeeds too.
    this.reply(WORK.remove, sandbox ? `removed sandbox ${sandbox.id.slice(0, 12)}` : 'removed sandbox', done);
  }

  /** Pre-boot state: containers the node already runs when the simulation starts (static pods, started before kube-apiserver). */
  seedRunning(
    podUid: string,
    podName: string,
    podNamespace: string,
    name: string,
    image: string,
  ): RuntimeContainer {
    if (!this.sandboxes.has(podUid))
      this.sandboxes.set(podUid, { id: this.newId(), podUid, ip: this.hostIP });
    const c: RuntimeContainer = {
      id: this.newId(),
      name,
      image,
      podUid,
      podName,
      podNamespace,
      state: 'running',
      startedAt: 0,
    };
    this.containers.set(c.id, c);
    return c;
  }

  /** The node lost power: every container is gone; images stay on disk. */
  wipe(): void {
    if (this.onProcess)
      for (const c of this.containers.values()) if (c.state === 'running') this.onProcess(c, false);
    this.containers.clear();
    this.sandboxes.clear();
    this.pullQueueFreeAt = 0;
    // Pulls in the queue are lost with the machine.
    this.layersPulledAt.clear();
    // Its network config is pushed again by kubelet when it starts (the pod IPs handed out are remembered on disk).
    this.podCidr = undefined;
  }

  containersOf(podUid: string): RuntimeContainer[] {
    return [...this.containers.values()].filter((c) => c.podUid === podUid);
  }
}
