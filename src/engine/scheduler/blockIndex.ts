/**
 * Summaries of a long node list in blocks of 32 consecutive nodes, so that a cycle of the default
 * profile can take most of its window a block at a time instead of a node at a time.
 *
 * Per list (ListIndex): which nodes are "plain" (no FLAGS: no taint, not cordoned, no host port in
 * use, room for one more pod), and the least free cpu and memory among them. A pod whose requests
 * fit that least free room passes every filter on every plain node of the block.
 *
 * Per pod shape (ShapeIndex: the pod's non-zero requests, images and their spread): every node's
 * NodeResourcesFit + BalancedAllocation + ImageLocality score, and per block the best score among
 * its plain nodes and how many have it. The remaining score plugins (TaintToleration, NodeAffinity)
 * give every node the same normalised score unless some node has a raw score, which the caller
 * checks for.
 *
 * The list catches up with CHANGE_LOG on every cycle (typically one node changed: the one the last
 * pod went to) and scores each changed node again for every shape at once, while its row is fresh
 * in the cache; the shapes' scores of a block sit side by side, so that costs a few cache lines,
 * not one per shape. A shape works a block out in full only the first time a cycle needs it, and
 * counts its best score again only when the best score lost its last node.
 */
import type { CycleState } from './framework';
import { MAX_NODE_SCORE } from './framework';
import {
  ALLOC_CPU,
  ALLOC_MEM,
  CHANGE_LOG,
  CHANGE_LOG_MASK,
  FLAGS,
  FREE_CPU,
  FREE_MEM,
  IMAGE_SET,
  IMAGE_SETS,
  META,
  NODE_TABLE,
  NON_ZERO_CPU,
  NON_ZERO_MEM,
  ROW,
  STALE,
  TAINT_SET,
  TAINTED,
  type NodeInfo,
} from './nodeInfo';
import { balancedCappedScore, balancedScore } from './plugins/balancedAllocation';
import { imageLocalityScore } from './plugins/imageLocality';

export const BLOCK_BITS = 5;
export const BLOCK = 1 << BLOCK_BITS;

/** leastRequestedScore (NodeResourcesFit's LeastAllocated) for one resource, 0–100. */
const leastRequested = (requested: number, allocatable: number): number =>
  allocatable === 0 || requested > allocatable
    ? 0
    : Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);

/** NodeResourcesFit (LeastAllocated) + BalancedAllocation for a node row and a pod's non-zero requests. */
export function resourceScore(num: Float64Array, row: number, podCpu: number, podMem: number): number {
  const allocCpu = num[row + ALLOC_CPU]!;
  const allocMem = num[row + ALLOC_MEM]!;
  const cpu = num[row + NON_ZERO_CPU]! + podCpu;
  const mem = num[row + NON_ZERO_MEM]! + podMem;
  // leastRequestedScore for cpu and memory, averaged (both are whole numbers 0–100).
  const fit = Math.floor((leastRequested(cpu, allocCpu) + leastRequested(mem, allocMem)) / 2);
  return allocCpu === 0 || allocMem === 0 ? fit : fit + balancedScore(cpu / allocCpu, mem / allocMem);
}

/**
 * The distinct values of one of the shapes' requests (non-zero cpu, or memory), each with an id,
 * so that a node scored again for every shape works out each value's share of the node once.
 */
class RequestValues {
  /** By id: the value (NaN for a free id). */
  readonly values: number[] = [];
  private readonly users: number[] = [];
  private readonly ids = new Map<number, number>();
  private readonly free: number[] = [];

  acquire(value: number): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.free.pop() ?? this.values.length;
      this.ids.set(value, id);
      this.values[id] = value;
      this.users[id] = 0;
    }
    this.users[id]!++;
    return id;
  }

  release(id: number): void {
    if (--this.users[id]! > 0) return;
    this.ids.delete(this.values[id]!);
    this.values[id] = NaN;
    this.free.push(id);
  }
}

/**
 * Per request value id, for the node being scored again: leastRequestedScore, and the requested
 * share capped at 1 (what BalancedAllocation compares), each worked out once per value rather than
 * once per shape.
 */
let cpuLeast = new Float64Array(16);
let cpuShare = new Float64Array(16);
let memLeast = new Float64Array(16);
let memShare = new Float64Array(16);

/** Fills `least` and `share` for each value: requested = node's non-zero request + value. */
function shares(
  values: readonly number[],
  nodeRequested: number,
  allocatable: number,
  least: Float64Array,
  share: Float64Array,
): void {
  for (let id = 0; id < values.length; id++) {
    const requested = nodeRequested + values[id]!;
    least[id] = leastRequested(requested, allocatable);
    share[id] = Math.min(requested / allocatable, 1);
  }
}

/** ImageLocality for a node with the images of IMAGE_SETS[set]; `spreads` as in ShapeIndex. */
export function imageSetScore(set: number, images: readonly string[], spreads: readonly number[]): number {
  const sizes = IMAGE_SETS[set]!;
  let sum = 0;
  for (let j = 0; j < images.length; j++) {
    const size = sizes.get(images[j]!);
    if (size !== undefined) sum += Math.floor(size * spreads[j]!);
  }
  return imageLocalityScore(sum, images.length);
}

/** The spread factor ImageLocality gives each of the pod's images. */
export const imageSpreads = (state: CycleState): number[] =>
  state.images.map((name) => (state.imageNodeCounts.get(name) ?? 1) / Math.max(state.totalNodes, 1));

/** At most this many pod shapes are indexed per list (the oldest is dropped first). */
const MAX_SHAPES = 128;

/**
 * A shape's summary of one block, packed in one number so that a cycle reads one entry per block:
 * 0 while never worked out; else SCORED (its nodes' scores are up to date), COUNTED (so are the
 * best score among its plain nodes, plus one, in the low 16 bits, and how many have it, in bits
 * 16–23).
 */
const SCORED = 1 << 29;
export const COUNTED = 1 << 30;
export const headTop = (head: number): number => (head & 0xffff) - 1;
export const headTies = (head: number): number => (head >>> 16) & 0xff;
const counted = (top: number, ties: number): number => SCORED | COUNTED | (ties << 16) | (top + 1);

export class ShapeIndex {
  /** Per image set id: ImageLocality's score for this shape, -1 until worked out. */
  private imageScores = new Int16Array(0);

  constructor(
    private readonly list: ListIndex,
    /** This shape's column in the list's per-block tables. */
    readonly id: number,
    readonly podCpu: number,
    readonly podMem: number,
    /** The ids of podCpu and podMem among the list's RequestValues. */
    readonly cpuId: number,
    readonly memId: number,
    private readonly images: readonly string[],
    private spreads: readonly number[],
    /** How many nodes had each image, and how many nodes there were, that `spreads` come from. */
    private imageCounts: readonly number[],
    private totalNodes: number,
  ) {}

  /** Whether this is the shape of the cycle's pod (its non-zero requests are checked by the caller). */
  fits(state: CycleState): boolean {
    const images = state.images;
    if (images.length !== this.images.length) return false;
    let sameSpread = state.totalNodes === this.totalNodes;
    for (let j = 0; j < images.length; j++) {
      const name = images[j]!;
      if (name !== this.images[j]) return false;
      if ((state.imageNodeCounts.get(name) ?? 1) !== this.imageCounts[j]) sameSpread = false;
    }
    return sameSpread || this.respread(state);
  }

  /**
   * The pod's images are on a different share of the nodes than this shape's scores assume: the
   * shape still serves if ImageLocality gives every image set it has scored the same score with
   * the new spread (it changes in steps, so a node pulling an image rarely changes any); then it
   * takes the new spread.
   */
  private respread(state: CycleState): boolean {
    const spreads = imageSpreads(state);
    const scores = this.imageScores;
    for (let set = 1; set < scores.length; set++)
      if (scores[set]! >= 0 && imageSetScore(set, this.images, spreads) !== scores[set]) return false;
    this.spreads = spreads;
    this.imageCounts = state.images.map((name) => state.imageNodeCounts.get(name) ?? 1);
    this.totalNodes = state.totalNodes;
    return true;
  }

  /** NodeResourcesFit + BalancedAllocation + ImageLocality of the node at `pos`. */
  scoreNode(pos: number): number {
    const slot = this.list.slots[pos]!;
    const total = resourceScore(NODE_TABLE.num, slot * ROW, this.podCpu, this.podMem);
    let set = NODE_TABLE.meta[slot * META + IMAGE_SET]!;
    if (set === STALE) set = this.list.nodes[pos]!.imageSet();
    return set === 0 ? total : total + this.imageScore(set);
  }

  /** ImageLocality's score for a node with the images of IMAGE_SETS[set] (not 0). */
  imageScore(set: number): number {
    if (set >= this.imageScores.length) {
      const scores = new Int16Array(Math.max(set + 1, this.imageScores.length * 2)).fill(-1);
      scores.set(this.imageScores);
      this.imageScores = scores;
    }
    let image = this.imageScores[set]!;
    if (image < 0) this.imageScores[set] = image = imageSetScore(set, this.images, this.spreads);
    return image;
  }

  /** The score of the node at `pos` (valid once its block is ensured). */
  score(pos: number): number {
    const list = this.list;
    return list.scores[
      (((pos >> BLOCK_BITS) * list.capacity + this.id) << BLOCK_BITS) | (pos & (BLOCK - 1))
    ]!;
  }

  /** The best score among block `b`'s plain nodes (-1 when it has none), once ensured. */
  max(b: number): number {
    return headTop(this.list.heads[b * this.list.capacity + this.id]!);
  }

  /** How many of block `b`'s plain nodes have its best score, once ensured. */
  ties(b: number): number {
    return headTies(this.list.heads[b * this.list.capacity + this.id]!);
  }

  /** Brings block `b` up to date: scores every node the first time, counts the best score again when needed. */
  ensure(b: number): void {
    const list = this.list;
    const k = b * list.capacity + this.id;
    const head = list.heads[k]!;
    if ((head & COUNTED) !== 0) return;
    const base = b << BLOCK_BITS;
    const scores = list.scores;
    const at = k << BLOCK_BITS;
    if ((head & SCORED) === 0) {
      const end = Math.min(base + BLOCK, list.n);
      for (let pos = base; pos < end; pos++) scores[at + pos - base] = this.scoreNode(pos);
    }
    let max = -1;
    let ties = 0;
    for (let bits = list.plain[b]!; bits !== 0; bits &= bits - 1) {
      const s = scores[at + 31 - Math.clz32(bits & -bits)]!;
      if (s > max) {
        max = s;
        ties = 1;
      } else if (s === max) ties++;
    }
    list.heads[k] = counted(max, ties);
  }
}

export class ListIndex {
  readonly n: number;
  readonly blocks: number;
  /** Per position: the node's slot in NODE_TABLE. */
  readonly slots: Int32Array;
  /** Per slot (up to the table's size when built): the node's position, -1 when not in this list. */
  private readonly positions: Int32Array;
  /** Per block: bit i set when the node at position 32·block + i has no FLAGS. */
  readonly plain: Int32Array;
  /** Per block: the least free cpu and memory among its plain nodes (Infinity when none). */
  readonly minFreeCpu: Float64Array;
  readonly minFreeMem: Float64Array;
  /**
   * Per block: the nodes whose only flag is TAINTED, and their taint set when they all share one
   * (-1 otherwise): a pod that set refuses is refused by all of them at once.
   */
  readonly tainted: Int32Array;
  readonly taintSet: Int32Array;
  /**
   * Per block and shape (entry block·capacity + shape id): the shape's summary of the block (see
   * COUNTED), and the scores of the block's nodes, 32 entries from (entry << 5).
   */
  capacity = 8;
  heads: Int32Array;
  scores: Int16Array;
  /** Shapes by id (null: a free id). */
  private readonly byId: (ShapeIndex | null)[] = [];
  /**
   * By shape id: the ids of its non-zero cpu and memory among the RequestValues (what rescore
   * reads for every shape, kept side by side rather than in the scattered shape objects).
   */
  private shapeCpuIds = new Int32Array(this.capacity);
  private shapeMemIds = new Int32Array(this.capacity);
  /**
   * ImageLocality's score per image set and shape (entry set·capacity + shape id; -1 until read
   * from the shape): what rescore adds for a node with images, read from one row rather than
   * through every shape object. A shape's image scores never change (see ShapeIndex.respread).
   */
  private imageTable = new Int16Array(0);
  private imageRows = 0;
  private readonly freeIds: number[] = [];
  private readonly cpuValues = new RequestValues();
  private readonly memValues = new RequestValues();
  /**
   * Per position: the free room its block's summary last saw. Every change to a node is logged
   * and summarised (or shrunk) in sync, so once synced these equal the table's FREE_CPU and
   * FREE_MEM, side by side in list order rather than a table row apart.
   */
  readonly freeCpu: Float64Array;
  readonly freeMem: Float64Array;
  /** Per block: the sync (stamp) that last touched it, and that last summarised it in full. */
  private readonly marks: Int32Array;
  private readonly summarized: Int32Array;
  private readonly posMarks: Int32Array;
  /** Per block: its plain nodes before the sync in progress summarised it again. */
  private readonly plainBefore: Int32Array;
  private stamp = 0;
  private synced: number;
  /** Shapes by non-zero cpu, then non-zero memory; and all of them, oldest first. */
  private readonly shapes = new Map<number, Map<number, ShapeIndex[]>>();
  private readonly made: ShapeIndex[] = [];

  constructor(readonly nodes: readonly NodeInfo[]) {
    this.n = nodes.length;
    this.blocks = (this.n + BLOCK - 1) >> BLOCK_BITS;
    this.slots = new Int32Array(this.n);
    this.positions = new Int32Array(NODE_TABLE.meta.length / META).fill(-1);
    for (let pos = 0; pos < this.n; pos++) {
      const slot = nodes[pos]!.slot;
      this.slots[pos] = slot;
      this.positions[slot] = pos;
    }
    this.plain = new Int32Array(this.blocks);
    this.minFreeCpu = new Float64Array(this.blocks);
    this.minFreeMem = new Float64Array(this.blocks);
    this.tainted = new Int32Array(this.blocks);
    this.taintSet = new Int32Array(this.blocks);
    this.heads = new Int32Array(this.blocks * this.capacity);
    this.scores = new Int16Array((this.blocks * this.capacity) << BLOCK_BITS);
    this.marks = new Int32Array(this.blocks);
    this.summarized = new Int32Array(this.blocks);
    this.freeCpu = new Float64Array(this.n);
    this.freeMem = new Float64Array(this.n);
    this.posMarks = new Int32Array(this.n);
    this.plainBefore = new Int32Array(this.blocks);
    for (let b = 0; b < this.blocks; b++) this.summarize(b);
    this.synced = CHANGE_LOG.seq;
  }

  /** Whether every node is in the list once (a node listed twice cannot be tracked by slot). */
  get distinct(): boolean {
    for (let pos = 0; pos < this.n; pos++) if (this.positions[this.slots[pos]!] !== pos) return false;
    return true;
  }

  private summarize(b: number): void {
    const { num, meta } = NODE_TABLE;
    const base = b << BLOCK_BITS;
    const end = Math.min(base + BLOCK, this.n);
    let plain = 0;
    let cpu = Infinity;
    let mem = Infinity;
    let tainted = 0;
    let taintSet = 0;
    for (let pos = base; pos < end; pos++) {
      const slot = this.slots[pos]!;
      const flags = meta[slot * META + FLAGS]!;
      if (flags === TAINTED) {
        tainted |= 1 << (pos - base);
        const set = meta[slot * META + TAINT_SET]!;
        taintSet = taintSet === 0 || taintSet === set ? set : -1;
      }
      // NaN free room (never refused) is left out of the minimum.
      const c = num[slot * ROW + FREE_CPU]!;
      const m = num[slot * ROW + FREE_MEM]!;
      this.freeCpu[pos] = c;
      this.freeMem[pos] = m;
      if (flags !== 0) continue;
      plain |= 1 << (pos - base);
      if (c < cpu) cpu = c;
      if (m < mem) mem = m;
    }
    this.plain[b] = plain;
    this.minFreeCpu[b] = cpu;
    this.minFreeMem[b] = mem;
    this.tainted[b] = tainted;
    this.taintSet[b] = tainted === 0 ? -1 : taintSet;
  }

  /**
   * Moves block `b`'s summary along for the node at `pos` when it was and is plain and its free
   * room shrank or stayed (a pod landed on it); false when the block must be summarised again.
   */
  private shrink(pos: number, b: number): boolean {
    const slot = this.slots[pos]!;
    if (NODE_TABLE.meta[slot * META + FLAGS] !== 0 || (this.plain[b]! & (1 << (pos & (BLOCK - 1)))) === 0)
      return false;
    const row = slot * ROW;
    const c = NODE_TABLE.num[row + FREE_CPU]!;
    const m = NODE_TABLE.num[row + FREE_MEM]!;
    if (!(c <= this.freeCpu[pos]!) || !(m <= this.freeMem[pos]!)) return false;
    this.freeCpu[pos] = c;
    this.freeMem[pos] = m;
    if (c < this.minFreeCpu[b]!) this.minFreeCpu[b] = c;
    if (m < this.minFreeMem[b]!) this.minFreeMem[b] = m;
    return true;
  }

  /** Catches up with CHANGE_LOG: each changed node's block summarised again and the node scored again for every shape. */
  sync(): void {
    const seq = CHANGE_LOG.seq;
    if (this.synced === seq) return;
    if (seq - this.synced > CHANGE_LOG_MASK + 1) {
      // Too far behind to tell which nodes changed: all of them may have.
      for (let b = 0; b < this.blocks; b++) this.summarize(b);
      this.heads.fill(0);
    } else {
      const stamp = ++this.stamp;
      const log = CHANGE_LOG.slots;
      for (let i = this.synced; i < seq; i++) {
        const slot = log[i & CHANGE_LOG_MASK]!;
        const pos = slot < this.positions.length ? this.positions[slot]! : -1;
        if (pos < 0 || this.posMarks[pos] === stamp) continue;
        this.posMarks[pos] = stamp;
        const b = pos >> BLOCK_BITS;
        if (this.marks[b] !== stamp) {
          this.marks[b] = stamp;
          this.plainBefore[b] = this.plain[b]!;
        }
        if (this.summarized[b] !== stamp && !this.shrink(pos, b)) {
          this.summarized[b] = stamp;
          this.summarize(b);
        }
        this.rescore(pos, b);
      }
    }
    this.synced = seq;
  }

  /**
   * Scores the node at `pos` again for every shape that has its block worked out, and moves the
   * block's best score and ties along (or marks them to be counted again when the best score lost
   * its last node).
   */
  private rescore(pos: number, b: number): void {
    const bit = 1 << (pos & (BLOCK - 1));
    const wasPlain = (this.plainBefore[b]! & bit) !== 0;
    const isPlain = (this.plain[b]! & bit) !== 0;
    const { heads, scores, byId } = this;
    // What resourceScore works out, a request value at a time rather than a shape at a time.
    const num = NODE_TABLE.num;
    const slot = this.slots[pos]!;
    const row = slot * ROW;
    const allocCpu = num[row + ALLOC_CPU]!;
    const allocMem = num[row + ALLOC_MEM]!;
    const balanced = allocCpu !== 0 && allocMem !== 0;
    const cpuValues = this.cpuValues.values;
    const memValues = this.memValues.values;
    if (cpuLeast.length < cpuValues.length || memLeast.length < memValues.length) {
      const size = 2 * Math.max(cpuValues.length, memValues.length);
      cpuLeast = new Float64Array(size);
      cpuShare = new Float64Array(size);
      memLeast = new Float64Array(size);
      memShare = new Float64Array(size);
    }
    shares(cpuValues, num[row + NON_ZERO_CPU]!, allocCpu, cpuLeast, cpuShare);
    shares(memValues, num[row + NON_ZERO_MEM]!, allocMem, memLeast, memShare);
    let set = NODE_TABLE.meta[slot * META + IMAGE_SET]!;
    if (set === STALE) set = this.nodes[pos]!.imageSet();
    const imageRow = set === 0 ? -1 : this.imageRow(set);
    // Locals for the loop below, which runs once per shape (up to MAX_SHAPES) for every change.
    const { shapeCpuIds, shapeMemIds, imageTable } = this;
    const cpuL = cpuLeast;
    const memL = memLeast;
    const cpuS = cpuShare;
    const memS = memShare;
    const first = b * this.capacity;
    const end = first + byId.length;
    for (let k = first, id = 0; k < end; k++, id++) {
      const head = heads[k]!;
      if (head === 0) continue;
      const c = shapeCpuIds[id]!;
      const m = shapeMemIds[id]!;
      let now = Math.floor((cpuL[c]! + memL[m]!) / 2);
      if (balanced) now += balancedCappedScore(cpuS[c]!, memS[m]!);
      if (imageRow >= 0) {
        let image = imageTable[imageRow + id]!;
        if (image < 0) imageTable[imageRow + id] = image = byId[id]!.imageScore(set);
        now += image;
      }
      const at = (k << BLOCK_BITS) | (pos & (BLOCK - 1));
      const old = scores[at]!;
      scores[at] = now;
      if ((head & COUNTED) === 0) continue;
      let top = headTop(head);
      let ties = headTies(head);
      if (wasPlain && old === top && --ties === 0) {
        // The best score lost its last node: counted again when a cycle needs it.
        heads[k] = SCORED;
        continue;
      }
      if (isPlain) {
        if (now > top) {
          top = now;
          ties = 1;
        } else if (now === top) ties++;
      }
      heads[k] = counted(top, ties);
    }
  }

  /** The start of image set `set`'s row in imageTable (the table grown to hold it). */
  private imageRow(set: number): number {
    if (set >= this.imageRows) {
      const rows = Math.max(set + 1, this.imageRows * 2);
      const table = new Int16Array(rows * this.capacity).fill(-1);
      table.set(this.imageTable);
      this.imageTable = table;
      this.imageRows = rows;
    }
    return set * this.capacity;
  }

  /** Room for shape ids up to `capacity` (a table twice as wide, each block's entries copied over). */
  private widen(capacity: number): void {
    const old = this.capacity;
    const heads = new Int32Array(this.blocks * capacity);
    const scores = new Int16Array((this.blocks * capacity) << BLOCK_BITS);
    for (let b = 0; b < this.blocks; b++) {
      heads.set(this.heads.subarray(b * old, (b + 1) * old), b * capacity);
      scores.set(
        this.scores.subarray((b * old) << BLOCK_BITS, ((b + 1) * old) << BLOCK_BITS),
        (b * capacity) << BLOCK_BITS,
      );
    }
    this.capacity = capacity;
    this.heads = heads;
    this.scores = scores;
    const cpuIds = new Int32Array(capacity);
    cpuIds.set(this.shapeCpuIds);
    this.shapeCpuIds = cpuIds;
    const memIds = new Int32Array(capacity);
    memIds.set(this.shapeMemIds);
    this.shapeMemIds = memIds;
    // Read from the shapes again as needed.
    this.imageTable = new Int16Array(this.imageRows * capacity).fill(-1);
  }

  /**
   * The shape index for this cycle's pod (its blocks are brought up to date with `ensure`). Only
   * the look-up runs on every cycle; making a shape (and dropping the oldest) is in addShape, so
   * that this stays short: V8 optimises a function run once per pod after fewer runs the less of
   * its bytecode a run skips.
   */
  shape(state: CycleState): ShapeIndex {
    // What the scores depend on: non-zero requests, images, and how many nodes have each image.
    const same = this.shapes.get(state.podNonZeroCpu)?.get(state.podNonZeroMem);
    if (same) for (let i = 0; i < same.length; i++) if (same[i]!.fits(state)) return same[i]!;
    return this.addShape(state);
  }

  /** A new shape for this cycle's pod (the oldest dropped when there are MAX_SHAPES). */
  private addShape(state: CycleState): ShapeIndex {
    let byMem = this.shapes.get(state.podNonZeroCpu);
    if (!byMem) this.shapes.set(state.podNonZeroCpu, (byMem = new Map()));
    let same = byMem.get(state.podNonZeroMem);
    if (!same) byMem.set(state.podNonZeroMem, (same = []));
    if (this.made.length >= MAX_SHAPES) this.dropOldest();
    const id = this.freeIds.pop() ?? this.byId.length;
    if (id >= this.capacity) this.widen(this.capacity * 2);
    const counts = state.images.map((name) => state.imageNodeCounts.get(name) ?? 1);
    const spreads = imageSpreads(state);
    const shape = new ShapeIndex(
      this,
      id,
      state.podNonZeroCpu,
      state.podNonZeroMem,
      this.cpuValues.acquire(state.podNonZeroCpu),
      this.memValues.acquire(state.podNonZeroMem),
      state.images,
      spreads,
      counts,
      state.totalNodes,
    );
    this.byId[id] = shape;
    this.shapeCpuIds[id] = shape.cpuId;
    this.shapeMemIds[id] = shape.memId;
    same.push(shape);
    this.made.push(shape);
    return shape;
  }

  private dropOldest(): void {
    const oldest = this.made.shift()!;
    const list = this.shapes.get(oldest.podCpu)!.get(oldest.podMem)!;
    list.splice(list.indexOf(oldest), 1);
    this.byId[oldest.id] = null;
    this.cpuValues.release(oldest.cpuId);
    this.memValues.release(oldest.memId);
    this.freeIds.push(oldest.id);
    for (let b = 0; b < this.blocks; b++) this.heads[b * this.capacity + oldest.id] = 0;
    for (let set = 0; set < this.imageRows; set++) this.imageTable[set * this.capacity + oldest.id] = -1;
  }
}

const lists = new WeakMap<readonly NodeInfo[], ListIndex | null>();
/** The list the last cycle used (the scheduler hands in the same one cycle after cycle). */
let lastNodes: readonly NodeInfo[] | null = null;
let lastList: ListIndex | null | undefined;

/**
 * The index of a node list, up to date; null when the list cannot be indexed. A list is indexed
 * by identity: callers hand in a new array when nodes join or leave, never the same array changed.
 */
export function listIndex(nodes: readonly NodeInfo[]): ListIndex | null {
  let list = nodes === lastNodes ? lastList : lists.get(nodes);
  if (list === undefined || (list !== null && list.n !== nodes.length)) {
    list = new ListIndex(nodes);
    if (!list.distinct) list = null;
    lists.set(nodes, list);
  }
  lastNodes = nodes;
  lastList = list;
  list?.sync();
  return list;
}
