/**
 * kubelet's static pods: the manifests in /etc/kubernetes/manifests (the file source). kubelet runs
 * what the directory holds, whether or not kube-apiserver is there, and posts a mirror pod for
 * each so the API shows it. A manifest moved out stops the pod and its mirror is deleted; moved
 * back, the pod starts again. This is how the control plane's components run, and how an operator
 * stops one (`mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/`).
 */
import type { Node, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import type { EventRecorder } from '../client/eventRecorder';
import { timestamp } from '../core/time';
import type { ContainerRuntime, RuntimeContainer } from '../runtime/containerRuntime';
import type { Route, Sim } from '../sim';
import { objectRef } from '../trace';
import type { ComponentId } from '../topology';
import { mirrorStatus, observedStatus } from './podStatus';

/** kubelet's file source notices a change in the directory at once (inotify), then syncs the pod. */
const FILE_SOURCE_DELAY_MS = 100;
/** Housekeeping (HandlePodCleanups) runs every 2 s: it deletes mirror pods whose static pod is gone. */
const HOUSEKEEPING_MS = 2_000;

/** A mirror pod's metadata: owned by its Node once kubelet has registered it. */
export function mirrorMetadata(pod: Pod, node: Node | undefined): Pod['metadata'] {
  if (!node) return pod.metadata;
  const owner = {
    apiVersion: 'v1',
    kind: 'Node',
    name: node.metadata.name,
    uid: node.metadata.uid,
    controller: true,
  };
  return { ...pod.metadata, ownerReferences: [owner] };
}

/** What the static-pod manager uses of its kubelet. */
export interface StaticPodHost {
  readonly sim: Sim;
  readonly api: ApiServer;
  readonly runtime: ContainerRuntime;
  readonly id: ComponentId;
  readonly recorder: EventRecorder;
  readonly toRuntime: Route;
  /** The kubelet's current life (bumped by each stop and start). */
  epoch(): number;
  alive(epoch: number): boolean;
  /** The kubelet's Node, once registered (the mirror pods' owner). */
  node(): Node | undefined;
  /** Makes room for a static pod that is about to start (preempting ordinary pods), then `then`. */
  makeRoomFor(pod: Pod, then: () => void): void;
}

export class StaticPods {
  /** The manifests in the directory now, by pod name. */
  private readonly manifests = new Map<string, Pod>();
  /** Every static pod this node has had a manifest for: what to look for in the runtime. */
  private readonly known = new Map<string, Pod>();
  /** Pods with a start or stop under way; the sync after it finishes looks again. */
  private busy = new Set<string>();
  /** Mirror pods being posted, and being deleted, by housekeeping's 2-s loop. */
  private mirroring = new Set<string>();
  private deleting = new Set<string>();

  constructor(
    private readonly host: StaticPodHost,
    manifests: readonly Pod[],
  ) {
    for (const pod of manifests) this.set(pod);
  }

  private set(pod: Pod): void {
    this.manifests.set(pod.metadata.name, pod);
    this.known.set(pod.metadata.name, pod);
  }

  /** The static pods the directory holds now (node-side admission counts them). */
  running(): IterableIterator<Pod> {
    return this.manifests.values();
  }

  names(): string[] {
    return [...this.manifests.keys()];
  }

  has(name: string): boolean {
    return this.manifests.has(name);
  }

  /** The manifest for `name`, in the directory or not. */
  manifest(name: string): Pod | undefined {
    return this.known.get(name);
  }

  /** A manifest leaves the directory. False if it was not there. */
  remove(name: string): boolean {
    if (!this.manifests.delete(name)) return false;
    this.changed();
    return true;
  }

  /** A manifest arrives in the directory. False if it was there already. */
  add(pod: Pod): boolean {
    if (this.manifests.has(pod.metadata.name)) return false;
    this.set(pod);
    this.changed();
    return true;
  }

  private changed(): void {
    const epoch = this.host.epoch();
    if (this.host.alive(epoch)) this.host.sim.after(FILE_SOURCE_DELAY_MS, () => this.sync(epoch));
  }

  /**
   * kubelet starts again and remembers nothing of its work under way: what the last life left half
   * done is done again. (Its callbacks still hold the old sets, so they cannot clear the new ones.)
   */
  restart(epoch: number): void {
    this.busy = new Set();
    this.mirroring = new Set();
    this.deleting = new Set();
    this.sync(epoch);
  }

  /** Makes the runtime match the directory: starts what is missing, stops what has no manifest. */
  sync(epoch: number): void {
    if (!this.host.alive(epoch)) return;
    for (const [name, pod] of this.known) {
      if (this.busy.has(name)) continue;
      const running = this.host.runtime.containersOf(name).filter((c) => c.state === 'running');
      if (this.manifests.has(name) && running.length === 0) this.start(pod, epoch);
      else if (!this.manifests.has(name) && running.length > 0) this.stop(pod, running, epoch);
      else if (!this.manifests.has(name)) this.deleteMirror(name, epoch);
    }
  }

  /** Whether kube-apiserver has a mirror pod for `name` (what kubelet's pod manager holds). */
  private hasMirror(name: string): boolean {
    return this.host.api.peek('Pod', 'kube-system', name) !== undefined;
  }

  private cri(pod: Pod, summary: string, call: () => void): void {
    const ref = objectRef('Pod', pod.metadata.namespace, pod.metadata.name);
    this.host.sim.sendOn(this.host.toRuntime, { kind: 'cri', summary, object: ref }, call);
  }

  /** Admission first: a static pod is critical, so kubelet preempts ordinary pods it does not fit beside. */
  private start(pod: Pod, epoch: number): void {
    const name = pod.metadata.name;
    const busy = this.busy;
    busy.add(name);
    this.host.makeRoomFor(pod, () => {
      if (this.host.alive(epoch)) this.run(pod, epoch, busy);
      else busy.delete(name);
    });
  }

  /** Runs an admitted static pod: its sandbox, its container (Pulled, Created, Started), its mirror. */
  private run(pod: Pod, epoch: number, busy: Set<string>): void {
    const { runtime, recorder } = this.host;
    const name = pod.metadata.name;
    const namespace = pod.metadata.namespace ?? 'kube-system';
    const container = pod.spec.containers[0]!;
    const done = () => {
      busy.delete(name);
      this.sync(epoch);
    };
    this.cri(pod, `RunPodSandbox ${namespace}/${name}`, () =>
      runtime.runPodSandbox(name, name, namespace, true, () => {
        if (!this.host.alive(epoch)) return busy.delete(name);
        // Events name the static pod itself (its uid is a hash of the manifest), not its mirror.
        const at = { fieldPath: `spec.containers{${container.name}}` };
        recorder.record(
          pod,
          'Normal',
          'Pulled',
          `Container image "${container.image}" already present on machine`,
          at,
        );
        this.cri(pod, `CreateContainer ${container.name}`, () =>
          runtime.createContainer(name, name, namespace, container.name, container.image, (id) => {
            if (!this.host.alive(epoch)) return busy.delete(name);
            recorder.record(pod, 'Normal', 'Created', `Created container: ${container.name}`, at);
            this.cri(pod, `StartContainer ${container.name}`, () =>
              runtime.startContainer(id, () => {
                if (!this.host.alive(epoch)) return busy.delete(name);
                recorder.record(pod, 'Normal', 'Started', `Started container ${container.name}`, at);
                this.ensureMirror(pod, epoch);
                done();
              }),
            );
          }),
        );
      }),
    );
  }

  private stop(pod: Pod, running: readonly RuntimeContainer[], epoch: number): void {
    const name = pod.metadata.name;
    let left = running.length;
    const busy = this.busy;
    busy.add(name);
    for (const c of running) {
      this.host.recorder.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, {
        fieldPath: `spec.containers{${c.name}}`,
      });
      this.cri(pod, `StopContainer ${c.name}`, () =>
        this.host.runtime.stopContainer(c.id, () => {
          if (--left > 0) return;
          this.cri(pod, `RemovePodSandbox ${name}`, () =>
            this.host.runtime.removePodSandbox(name, () => {
              busy.delete(name);
              this.sync(epoch);
            }),
          );
        }),
      );
    }
  }

  /**
   * The mirror of a running static pod: created, or (if it outlived the pod, kube-apiserver having
   * been down) given the new container's status. Housekeeping looks again every 2 s until the API
   * shows the container that runs: a request to a kube-apiserver that is down goes unanswered.
   */
  private ensureMirror(pod: Pod, epoch: number): void {
    const name = pod.metadata.name;
    const mirroring = this.mirroring;
    if (mirroring.has(name)) return;
    const { api, id, runtime } = this.host;
    const check = () => {
      const container = runtime.containersOf(name).find((c) => c.state === 'running');
      if (!this.host.alive(epoch) || !this.manifests.has(name) || !container) return mirroring.delete(name);
      const qualified = runtime.qualified(container.id);
      const existing = api.peek('Pod', pod.metadata.namespace, name) as Pod | undefined;
      if (existing?.status.containerStatuses?.[0]?.containerID === qualified) return mirroring.delete(name);
      const started = timestamp((container.startedAt ?? this.host.sim.now) as never);
      const status = observedStatus(
        pod,
        mirrorStatus(
          pod,
          timestamp(this.host.sim.now),
          started,
          () => qualified,
          (image) => runtime.imageRefs(image),
        ),
      );
      if (existing) {
        api.request(id, {
          verb: 'updateStatus',
          kind: 'Pod',
          object: { ...existing, status },
          asPatch: true,
        });
      } else {
        const metadata = mirrorMetadata(pod, this.host.node());
        api.request(id, { verb: 'create', kind: 'Pod', object: { ...pod, metadata, status } });
      }
      this.host.sim.after(HOUSEKEEPING_MS, check);
    };
    mirroring.add(name);
    check();
  }

  /**
   * Housekeeping deletes a mirror pod whose static pod is gone, every 2 s until it is: while
   * kube-apiserver or etcd is down (maybe the very pod that stopped) the delete cannot succeed.
   */
  private deleteMirror(name: string, epoch: number): void {
    const deleting = this.deleting;
    if (deleting.has(name)) return;
    deleting.add(name);
    this.retryDelete(name, epoch, deleting);
  }

  private retryDelete(name: string, epoch: number, deleting: Set<string>): void {
    if (!this.host.alive(epoch) || this.manifests.has(name) || !this.hasMirror(name)) {
      deleting.delete(name);
      return;
    }
    this.host.api.request(this.host.id, {
      verb: 'delete',
      kind: 'Pod',
      namespace: 'kube-system',
      name,
      gracePeriodSeconds: 0,
    });
    this.host.sim.after(HOUSEKEEPING_MS, () => this.retryDelete(name, epoch, deleting));
  }
}
