/**
 * The scheduler's view of one node: its object plus what the pods on it (bound or assumed) already
 * use. The numbers a scheduling cycle reads for every node live in one shared table (NODE_TABLE),
 * a row per NodeInfo, so that filtering and scoring thousands of nodes reads contiguous typed
 * arrays rather than thousands of scattered objects.
 */
import { hasPodAffinity, hasRequiredAntiAffinity } from './plugins/interPodAffinity';

/** Pods with pod affinity or anti-affinity terms, by uid: the scheduler keeps one for its whole cache. */
export type AffinityPods = Map<string, Pod>;

/** Pods with pod affinity terms on any NodeInfo of this process: none, and no cycle need look for them. */
let affinityPodsAnywhere = 0;
export const anyAffinityPods = () => affinityPodsAnywhere > 0;
import { requestsAndNonZero, type PodRequests } from '../api/pods';
import type { Node, Pod, Taint } from '../api/types';
import { bytes, milliCpu } from '../core/quantity';
import { normalizedImageName } from './plugins/imageLocality';

/** Columns of NODE_TABLE.num (ROW numbers a row). */
export const ALLOC_CPU = 0;
export const ALLOC_MEM = 1;
/** Allocatable less requested, computed as NodeResourcesFit's Filter computes it. */
export const FREE_CPU = 2;
export const FREE_MEM = 3;
export const NON_ZERO_CPU = 4;
export const NON_ZERO_MEM = 5;
export const REQ_CPU = 6;
export const REQ_MEM = 7;
export const ROW = 8;

/** Columns of NODE_TABLE.meta (META numbers a row). */
/** What makes the node more than a question of free cpu and memory: UNSCHEDULABLE, HAS_USED_PORTS, FULL, TAINTED. */
export const FLAGS = 0;
/** The node's taints as an id into TAINT_SETS (0: none). */
export const TAINT_SET = 1;
/** The node's images as an id into IMAGE_SETS (0: none; STALE: changed since last interned). */
export const IMAGE_SET = 2;
export const META = 4;

export const UNSCHEDULABLE = 1;
export const HAS_USED_PORTS = 2;
/** One more pod would exceed its allocatable pods. */
export const FULL = 4;
export const TAINTED = 8;
export const STALE = -1;

/** Taints as filtering and scoring see them (key, value, effect); equal lists share an id. */
export const TAINT_SETS: (readonly Taint[])[] = [[]];
const taintSetIds = new Map<string, number>();
/** Image name → size maps; equal maps share an id. */
export const IMAGE_SETS: ReadonlyMap<string, number>[] = [new Map()];
const imageSetIds = new Map<string, number>();
/** The image set of a Node's status image list, by the list (objects are never mutated). */
const imageSetOfList = new WeakMap<NonNullable<Node['status']['images']>, number>();

function taintSetId(taints: readonly Taint[] | undefined): number {
  if (!taints?.length) return 0;
  let key = '';
  for (const t of taints) key += `${t.key}\u0000${t.value ?? ''}\u0000${t.effect}\u0001`;
  let id = taintSetIds.get(key);
  if (id === undefined) {
    id = TAINT_SETS.length;
    TAINT_SETS.push(taints.map(({ key, value, effect }) => ({ key, value: value ?? '', effect })));
    taintSetIds.set(key, id);
  }
  return id;
}

function imageSetId(images: ReadonlyMap<string, number>): number {
  if (images.size === 0) return 0;
  const entries = [...images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let key = '';
  for (const [name, size] of entries) key += `${name}\u0000${size}\u0001`;
  let id = imageSetIds.get(key);
  if (id === undefined) {
    id = IMAGE_SETS.length;
    IMAGE_SETS.push(new Map(entries));
    imageSetIds.set(key, id);
  }
  return id;
}

/** What a pod asks of the node it goes to: its requests, and its host ports as "protocol/port". */
export interface PodDemand {
  readonly requests: PodRequests;
  readonly hostPorts: readonly string[];
}

/** A shared empty list for pods with no host port (never written to). */
const NO_PORTS: never[] = [];

/**
 * The demand of the pod asked about last. A scheduling cycle works it out for its pod and the
 * winner's NodeInfo accounts that same object right after; objects are never mutated, so the same
 * object has the same demand. One entry, not a memo per pod: nothing outlives the next pod.
 */
let lastPod: Pod | null = null;
let lastDemand: PodDemand | null = null;

export function podDemand(pod: Pod): PodDemand {
  if (pod === lastPod) return lastDemand!;
  let hostPorts: string[] = NO_PORTS;
  const containers = pod.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const ports = containers[i]!.ports;
    if (ports)
      for (const p of ports)
        if (p.hostPort)
          (hostPorts === NO_PORTS ? (hostPorts = []) : hostPorts).push(
            `${p.protocol ?? 'TCP'}/${p.hostPort}`,
          );
  }
  lastDemand = { requests: requestsAndNonZero(pod), hostPorts };
  lastPod = pod;
  return lastDemand;
}

/** The shared table: `num` and `meta` rows by slot; slots of collected NodeInfos are reused. */
export const NODE_TABLE = {
  num: new Float64Array(ROW * 256),
  meta: new Int32Array(META * 256),
  free: [] as number[],
  used: 0,
};

function allocateSlot(): number {
  const t = NODE_TABLE;
  const reused = t.free.pop();
  const slot = reused ?? t.used++;
  if (slot * ROW >= t.num.length) {
    const num = new Float64Array(t.num.length * 2);
    num.set(t.num);
    const meta = new Int32Array(t.meta.length * 2);
    meta.set(t.meta);
    t.num = num;
    t.meta = meta;
  }
  t.num.fill(0, slot * ROW, slot * ROW + ROW);
  t.meta.fill(0, slot * META, slot * META + META);
  return slot;
}

/**
 * The slots whose rows (or images) changed, in order: entry `i` is at `slots[i & CHANGE_LOG_MASK]`
 * while `seq - i` is at most the log's size. Readers that keep something per node catch up from here.
 */
export const CHANGE_LOG_MASK = (1 << 14) - 1;
export const CHANGE_LOG = { slots: new Int32Array(CHANGE_LOG_MASK + 1), seq: 0 };

function logChange(slot: number): void {
  CHANGE_LOG.slots[CHANGE_LOG.seq & CHANGE_LOG_MASK] = slot;
  CHANGE_LOG.seq++;
}

const slots = new FinalizationRegistry<number>((slot) => NODE_TABLE.free.push(slot));

/** A Map that tells its owner when it changes (so the table's image-set id can be recomputed). */
class ImageMap extends Map<string, number> {
  onChange: (() => void) | null = null;

  override set(key: string, value: number): this {
    super.set(key, value);
    this.onChange?.();
    return this;
  }

  override delete(key: string): boolean {
    const deleted = super.delete(key);
    if (deleted) this.onChange?.();
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.onChange?.();
  }
}

export class NodeInfo {
  node: Node;
  /** The node's name (kept here: a cycle reads it for the winner without reaching into the object). */
  name: string;
  /** This node's row in NODE_TABLE. */
  readonly slot: number;
  /** The node's taints, null when it has none. */
  taints: readonly Taint[] | null = null;
  unschedulable = false;
  allocPods = 0;
  readonly pods = new Map<string, Pod>();
  /** Of those, how many have pod affinity or anti-affinity terms, and how many required anti-affinity. */
  affinityPods = 0;
  requiredAntiAffinityPods = 0;
  /** Host ports in use, as "protocol/port". */
  readonly usedPorts = new Map<string, number>();
  /** Images on the node and their sizes. */
  readonly images: Map<string, number>;
  /** The status image list `images` was made from (null once the map is changed by other means). */
  private imageList: Node['status']['images'] | null = null;

  constructor(
    node: Node,
    /** The cache's pods with pod affinity terms, over all its nodes, by uid (the scheduler's). */
    private readonly cache: AffinityPods = new Map(),
  ) {
    this.node = node;
    this.name = node.metadata.name;
    this.slot = allocateSlot();
    slots.register(this, this.slot);
    const images = new ImageMap();
    images.onChange = () => {
      NODE_TABLE.meta[this.slot * META + IMAGE_SET] = STALE;
      this.imageList = null;
      logChange(this.slot);
    };
    this.images = images;
    this.setNode(node);
  }

  private num(column: number): number {
    return NODE_TABLE.num[this.slot * ROW + column]!;
  }

  get allocCpu(): number {
    return this.num(ALLOC_CPU);
  }
  get allocMem(): number {
    return this.num(ALLOC_MEM);
  }
  get reqCpu(): number {
    return this.num(REQ_CPU);
  }
  get reqMem(): number {
    return this.num(REQ_MEM);
  }
  get nonZeroCpu(): number {
    return this.num(NON_ZERO_CPU);
  }
  get nonZeroMem(): number {
    return this.num(NON_ZERO_MEM);
  }
  get podCount(): number {
    return this.pods.size;
  }

  /** The id of this node's images in IMAGE_SETS, interning them again if they changed. */
  imageSet(): number {
    const at = this.slot * META + IMAGE_SET;
    let id = NODE_TABLE.meta[at]!;
    if (id === STALE) NODE_TABLE.meta[at] = id = imageSetId(this.images);
    return id;
  }

  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata.name;
    this.unschedulable = node.spec.unschedulable === true;
    this.taints = node.spec.taints?.length ? node.spec.taints : null;
    NODE_TABLE.meta[this.slot * META + TAINT_SET] = taintSetId(node.spec.taints);
    const a = node.status.allocatable;
    const row = this.slot * ROW;
    NODE_TABLE.num[row + ALLOC_CPU] = a.cpu ? milliCpu(a.cpu) : 0;
    NODE_TABLE.num[row + ALLOC_MEM] = a.memory ? bytes(a.memory) : 0;
    this.allocPods = a.pods ? Number(a.pods) : 110;
    // Objects are never mutated: the image list the map was made from (a status report that changed
    // no image passes it on) gives the same map, unless the map was changed since.
    const images = node.status.images;
    if (images === undefined || images !== this.imageList) {
      this.images.clear();
      for (const image of images ?? [])
        for (const name of image.names) this.images.set(normalizedImageName(name), image.sizeBytes);
      this.imageList = images ?? null;
      // Nodes that pulled the same images share their status list: its set is worked out once.
      const known = images && imageSetOfList.get(images);
      if (known !== undefined) NODE_TABLE.meta[this.slot * META + IMAGE_SET] = known;
      else if (images) imageSetOfList.set(images, this.imageSet());
      else this.imageSet();
    }
    this.changed();
  }

  addPod(pod: Pod): void {
    if (this.pods.has(pod.metadata.uid)) return;
    this.pods.set(pod.metadata.uid, pod);
    this.account(pod, 1);
  }

  removePod(pod: Pod): void {
    const known = this.pods.get(pod.metadata.uid);
    if (!known) return;
    this.pods.delete(pod.metadata.uid);
    this.account(known, -1);
  }

  private account(pod: Pod, sign: 1 | -1): void {
    const { requests: r, hostPorts } = podDemand(pod);
    const nz = r.nonZero;
    const num = NODE_TABLE.num;
    const row = this.slot * ROW;
    num[row + REQ_CPU]! += sign * r.milliCpu;
    num[row + REQ_MEM]! += sign * r.memory;
    num[row + NON_ZERO_CPU]! += sign * nz.milliCpu;
    num[row + NON_ZERO_MEM]! += sign * nz.memory;
    if (pod.spec.affinity && hasPodAffinity(pod)) {
      this.affinityPods += sign;
      affinityPodsAnywhere += sign;
      if (sign > 0) this.cache.set(pod.metadata.uid, pod);
      else this.cache.delete(pod.metadata.uid);
      if (hasRequiredAntiAffinity(pod)) this.requiredAntiAffinityPods += sign;
    }
    for (let i = 0; i < hostPorts.length; i++) {
      const key = hostPorts[i]!;
      const n = (this.usedPorts.get(key) ?? 0) + sign;
      if (n > 0) this.usedPorts.set(key, n);
      else this.usedPorts.delete(key);
    }
    this.changed();
  }

  /** Recomputes the row's derived columns and logs the change. */
  private changed(): void {
    const { num, meta } = NODE_TABLE;
    const row = this.slot * ROW;
    const m = this.slot * META;
    num[row + FREE_CPU] = num[row + ALLOC_CPU]! - num[row + REQ_CPU]!;
    num[row + FREE_MEM] = num[row + ALLOC_MEM]! - num[row + REQ_MEM]!;
    meta[m + FLAGS] =
      (this.unschedulable ? UNSCHEDULABLE : 0) |
      (this.usedPorts.size > 0 ? HAS_USED_PORTS : 0) |
      (this.pods.size + 1 > this.allocPods ? FULL : 0) |
      (meta[m + TAINT_SET] !== 0 ? TAINTED : 0);
    logChange(this.slot);
  }
}
