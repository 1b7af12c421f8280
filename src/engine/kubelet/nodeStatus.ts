/**
 * kubelet's node status (kubelet_node_status.go): every 10 s it works out the Node's status
 * (Ready once the runtime has been checked and the network is ready, the images on the node) and
 * posts it when something changed, or when 5 minutes have passed since the last report
 * (nodeStatusReportFrequency). It also records the node's Events: NodeReady, and NodeSchedulable
 * or NodeNotSchedulable when it sees a cordon change.
 */
import type { Node, ObjectReference } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import type { EventRecorder } from '../client/eventRecorder';
import type { Informer } from '../client/informer';
import { timestamp } from '../core/time';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { Sim } from '../sim';
import type { ComponentId } from '../topology';
import { CNI_NOT_INITIALIZED, nodeConditions, RUNTIME_NOT_CHECKED, type NodeShape } from './nodeObject';

export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** How long after kubelet starts its first check of the runtime (and so NetworkReady) comes. */
export const NETWORK_READY_AFTER_MS = 1_500;

/** What the node status needs of its kubelet. */
export interface NodeStatusHost {
  readonly sim: Sim;
  readonly api: ApiServer;
  readonly runtime: ContainerRuntime;
  readonly shape: NodeShape;
  readonly id: ComponentId;
  readonly recorder: EventRecorder;
  /** Its own Node as its watch has it (the node lister). */
  readonly ownNode: Informer<'Node'>;
  /** Whether kubelet run `epoch` still runs. */
  alive(epoch: number): boolean;
  /** The Node as kubelet last had it back from kube-apiserver. */
  node(): Node | undefined;
  setNode(node: Node): void;
  /** A report went out: the status loop's next tick looks again. */
  reported(): void;
}

interface NodeImages {
  readonly version: number;
  readonly list: { names: string[]; sizeBytes: number }[];
  /** The images' names in order: what tells whether the list changed since the last report. */
  readonly key: string;
}

type ImageList = Pick<NodeImages, 'list' | 'key'>;

/**
 * Image lists by runtime and the images pulled (in the order pulled): nodes that pulled the same
 * images share one list (a thousand nodes that pulled nginx make it once), and kube-scheduler,
 * seeing the same list again, works out what it holds once.
 */
const imageLists = new Map<string, ImageList>();

function imageList(runtime: ContainerRuntime): ImageList {
  let key = runtime.runtime as string;
  for (const name of runtime.images.keys()) key += `\n${name}`;
  let list = imageLists.get(key);
  if (!list) {
    if (imageLists.size >= 10_000) imageLists.clear();
    const images = [...runtime.images]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 50)
      // The image's repo digest, then its tag (RepoDigests before RepoTags, as kubelet lists them).
      .map(([name, sizeBytes]) => ({
        names: [runtime.imageRefs(name).imageID.replace('docker-pullable://', ''), name],
        sizeBytes,
      }));
    list = { list: images, key: images.map((i) => i.names[1]).join(',') };
    imageLists.set(key, list);
  }
  return list;
}

export class NodeStatus {
  /** kubelet's reference to its Node for events: no apiVersion, and the node's name as its uid. */
  readonly nodeRef: ObjectReference;
  /** When this kubelet run started (its first runtime check is NETWORK_READY_AFTER_MS later). */
  startedAt = 0;
  /** When the last report went out (-Infinity: none in this run). */
  lastReportAt = -Infinity;
  private lastReportedReady: boolean | undefined;
  private lastReportedImages = '';
  /** The Ready=False message last reported (it changes once the runtime has been checked). */
  private lastNotReadyMessage = '';
  /** The spec.unschedulable the last status computation saw (kubelet starts from false). */
  private lastUnschedulable = false;
  /**
   * What the last computation that found nothing to report read (null: it reported, or has not
   * run): while every input is the same, the 10-s tick would find the same and need only check the
   * 5-minute report (see `still`). Most ticks of a quiet node end there.
   */
  private quiet: {
    readonly epoch: number;
    readonly ownNode: number;
    readonly images: number;
    readonly runtimeUp: boolean;
    readonly cni: boolean;
    readonly podCidr: string | undefined;
  } | null = null;
  private imagesMemo: NodeImages | null = null;

  constructor(private readonly host: NodeStatusHost) {
    this.nodeRef = { kind: 'Node', name: host.shape.name, uid: host.shape.name };
  }

  /** A restarted kubelet remembers nothing it reported. */
  reset(): void {
    this.startedAt = this.host.sim.now;
    this.lastReportAt = -Infinity;
    this.lastReportedReady = undefined;
    this.lastReportedImages = '';
    this.lastNotReadyMessage = '';
    this.lastUnschedulable = false;
  }

  /**
   * The runtime is up, has a CNI config (kindnet's is written by its pod) and the node's pod range
   * (NetworkReady), some time after kubelet started.
   */
  networkReady(): boolean {
    const { runtime } = this.host;
    return this.runtimeChecked() && runtime.cniConfigured && runtime.podCidr !== undefined;
  }

  /**
   * fastStatusUpdateOnce: a node that reported not Ready reports as soon as its network is ready
   * (a pod range handed to the runtime, a CNI config written), without waiting for the next tick.
   */
  reportIfNowReady(epoch: number): void {
    if (this.host.alive(epoch) && this.lastReportedReady !== true && this.networkReady()) this.update(epoch);
  }

  /** As reportIfNowReady, once a node has reported not Ready (not before its first report). */
  reportIfReadyAfterNotReady(epoch: number): void {
    if (this.host.alive(epoch) && this.lastReportedReady === false && this.networkReady()) this.update(epoch);
  }

  /** Computes node status (every 10 s); posts it when something changed or 5 minutes have passed. */
  update(epoch: number, attempt = 0): void {
    const { host } = this;
    const { sim, runtime, shape } = host;
    const node = host.node();
    if (!node || !host.alive(epoch)) return;
    if (this.still(epoch) && sim.now - this.lastReportAt < NODE_STATUS_REPORT_MS) return;
    this.quiet = null;
    const ready = this.networkReady();
    const notReadyMessage = this.notReadyMessage();
    const { list: images, key: imagesKey } = this.images();
    const watched = host.ownNode.get(undefined, shape.name);
    if (watched) this.recordSchedulable(watched);
    // nodeStatusHasChanged compares with the Node as the API has it: a Ready condition someone else
    // changed (node-lifecycle-controller's Unknown while kubelet could not reach kube-apiserver)
    // is put right at once, not after the 5-minute report.
    const apiReady = watched?.status.conditions?.find((c) => c.type === 'Ready')?.status;
    const drifted = watched !== undefined && apiReady !== (ready ? 'True' : 'False');
    const changed =
      ready !== this.lastReportedReady ||
      imagesKey !== this.lastReportedImages ||
      drifted ||
      (!ready && notReadyMessage !== this.lastNotReadyMessage);
    if (!changed && sim.now - this.lastReportAt < NODE_STATUS_REPORT_MS) {
      // Past the runtime check nothing here depends on the clock but the 5-minute report.
      if (this.runtimeCheckTimePassed())
        this.quiet = {
          epoch,
          ownNode: host.ownNode.version,
          images: runtime.imagesVersion,
          runtimeUp: runtime.up,
          cni: runtime.cniConfigured,
          podCidr: runtime.podCidr,
        };
      return;
    }
    const now = timestamp(sim.now);
    const current = (host.api.peek('Node', undefined, shape.name) as Node | undefined) ?? node;
    const status = {
      ...current.status,
      conditions: nodeConditions(ready, now, current.status.conditions, notReadyMessage),
      images,
    };
    this.lastNotReadyMessage = notReadyMessage;
    const becameReady = ready && this.lastReportedReady !== true;
    const reported = { ready: this.lastReportedReady, images: this.lastReportedImages };
    this.lastReportAt = sim.now;
    this.lastReportedReady = ready;
    this.lastReportedImages = imagesKey;
    host.reported();
    host.api.request(
      host.id,
      { verb: 'updateStatus', kind: 'Node', object: { ...current, status }, asPatch: true },
      (r) => {
        // A conflict (the Node changed meanwhile) is tried again at once, up to nodeStatusUpdateRetry (5) times.
        if (!r.ok && r.error.reason === 'Conflict' && attempt < 4 && host.alive(epoch)) {
          this.lastReportedReady = reported.ready;
          this.lastReportedImages = reported.images;
          this.lastReportAt = -Infinity;
          return this.update(epoch, attempt + 1);
        }
        if (r.ok && r.object.kind === 'Node') host.setNode(r.object);
        if (r.ok && becameReady)
          host.recorder.record(
            this.nodeRef,
            'Normal',
            'NodeReady',
            `Node ${shape.name} status is now: NodeReady`,
          );
      },
      { routine: !changed },
    );
  }

  /** Whether a computation would read what the last one that found nothing to report read. */
  still(epoch: number): boolean {
    const q = this.quiet;
    const { runtime } = this.host;
    return (
      q !== null &&
      q.epoch === epoch &&
      q.ownNode === this.host.ownNode.version &&
      q.images === runtime.imagesVersion &&
      q.runtimeUp === runtime.up &&
      q.cni === runtime.cniConfigured &&
      q.podCidr === runtime.podCidr
    );
  }

  /** The runtime runs and kubelet has had time for its first status check of it. */
  private runtimeChecked(): boolean {
    return this.host.runtime.up && this.runtimeCheckTimePassed();
  }

  private runtimeCheckTimePassed(): boolean {
    return this.host.sim.now - this.startedAt >= NETWORK_READY_AFTER_MS;
  }

  /** Why the node is not Ready: the runtime not checked yet, or (once it is) no CNI config. */
  private notReadyMessage(): string {
    return this.runtimeChecked() && !this.host.runtime.cniConfigured
      ? CNI_NOT_INITIALIZED
      : RUNTIME_NOT_CHECKED;
  }

  /** The images on the node, largest first, as node status lists them (at most 50); recomputed only after a pull. */
  private images(): NodeImages {
    const { runtime } = this.host;
    if (this.imagesMemo?.version !== runtime.imagesVersion) {
      const list = imageList(runtime);
      this.imagesMemo = { version: runtime.imagesVersion, list: list.list, key: list.key };
    }
    return this.imagesMemo;
  }

  /** recordNodeSchedulableEvent: a cordon or uncordon seen at the next status computation. */
  private recordSchedulable(node: Node): void {
    const unschedulable = node.spec?.unschedulable === true;
    if (unschedulable === this.lastUnschedulable) return;
    this.lastUnschedulable = unschedulable;
    const reason = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
    this.host.recorder.record(
      this.nodeRef,
      'Normal',
      reason,
      `Node ${this.host.shape.name} status is now: ${reason}`,
    );
  }
}
