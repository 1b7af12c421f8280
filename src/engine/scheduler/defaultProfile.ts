/**
 * The default profile's Filter and Score, fused into one pass per node with the cheap checks first.
 * It computes exactly what running FILTER_PLUGINS and SCORE_PLUGINS one by one computes (property
 * tests hold it to that); it exists because a cycle on 5,000 nodes calls them 5,000 times. The
 * per-node loops read NODE_TABLE and allocate nothing: a refused node's status is only built again
 * when no node fits and the FitError message needs them. On long lists, pods that only bring
 * requests, tolerations and images go through indexedCycle, a block of 32 nodes at a time.
 */
import { tolerates, toleratesAll } from '../api/pods';
import type { Taint, Toleration } from '../api/types';
import { UNSCHEDULABLE_TAINT } from '../apiserver/admission';
import type { Prng } from '../core/prng';
import {
  BLOCK,
  BLOCK_BITS,
  imageSetScore,
  imageSpreads,
  listIndex,
  resourceScore,
  type ListIndex,
  type ShapeIndex,
  COUNTED,
  headTies,
  headTop,
} from './blockIndex';
import { MAX_NODE_SCORE, type CycleState, type FilterStatus } from './framework';
import {
  FLAGS,
  FREE_CPU,
  FREE_MEM,
  FULL,
  HAS_USED_PORTS,
  IMAGE_SET,
  META,
  NODE_TABLE,
  ROW,
  STALE,
  TAINT_SET,
  TAINT_SETS,
  TAINTED,
  UNSCHEDULABLE,
  type NodeInfo,
} from './nodeInfo';
import { NodeAffinityFilter, NodeAffinityScore, podMatchesNode } from './plugins/nodeAffinity';
import { NodeName } from './plugins/nodeName';
import { NodePorts } from './plugins/nodePorts';
import { NodeResourcesFitFilter } from './plugins/nodeResourcesFit';
import { NodeUnschedulable } from './plugins/nodeUnschedulable';
import { TaintTolerationFilter, TaintTolerationScore } from './plugins/taintToleration';

/** FILTER_PLUGINS in order, skipping the ones that cannot fail for this pod and node. */
export function defaultFilter(state: CycleState, node: NodeInfo): FilterStatus | null {
  let status: FilterStatus | null;
  if (node.unschedulable && (status = NodeUnschedulable.filter(state, node))) return status;
  if (state.pod.spec.nodeName && (status = NodeName.filter(state, node))) return status;
  if (node.taints !== null && (status = TaintTolerationFilter.filter(state, node))) return status;
  if (state.constrained && (status = NodeAffinityFilter.filter(state, node))) return status;
  if (state.hostPorts.length > 0 && (status = NodePorts.filter(state, node))) return status;
  if (
    node.podCount + 1 > node.allocPods ||
    (state.podCpu > 0 && state.podCpu > node.allocCpu - node.reqCpu) ||
    (state.podMem > 0 && state.podMem > node.allocMem - node.reqMem)
  ) {
    return NodeResourcesFitFilter.filter(state, node);
  }
  return null;
}

/** Whether some NoSchedule or NoExecute taint is not tolerated (TaintToleration's Filter, as a yes/no). */
function taintRefuses(taints: readonly Taint[], tolerations: readonly Toleration[]): boolean {
  outer: for (let i = 0; i < taints.length; i++) {
    const t = taints[i]!;
    if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
    for (let j = 0; j < tolerations.length; j++) if (tolerates(tolerations[j]!, t)) continue outer;
    return true;
  }
  return false;
}

/** TaintToleration's raw score: PreferNoSchedule taints that no PreferNoSchedule-or-any toleration tolerates. */
function untoleratedPreferred(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let count = 0;
  outer: for (let i = 0; i < taints.length; i++) {
    const t = taints[i]!;
    if (t.effect !== 'PreferNoSchedule') continue;
    for (let j = 0; j < tolerations.length; j++) if (tolerates(tolerations[j]!, t)) continue outer;
    count++;
  }
  return count;
}

/** Per taint set and per image set: what this cycle's pod makes of it, valid when its stamp is the cycle's. */
let cycle = 0;
let taintStamp = new Int32Array(64);
/** -1: the Filter refuses; otherwise TaintToleration's raw score. */
let taintVerdict = new Int32Array(64);
let imageStamp = new Int32Array(64);
let imageScore = new Int32Array(64);

function taintVerdictOf(set: number, state: CycleState): number {
  if (set >= taintStamp.length) {
    const size = Math.max(set + 1, taintStamp.length * 2);
    taintStamp = grow(taintStamp, size);
    taintVerdict = grow(taintVerdict, size);
  }
  if (taintStamp[set] === cycle) return taintVerdict[set]!;
  const taints = TAINT_SETS[set]!;
  const verdict = taintRefuses(taints, state.tolerations)
    ? -1
    : untoleratedPreferred(taints, state.preferTolerations);
  taintStamp[set] = cycle;
  taintVerdict[set] = verdict;
  return verdict;
}

function imageScoreOf(set: number, state: CycleState, spreads: readonly number[]): number {
  if (set >= imageStamp.length) {
    const size = Math.max(set + 1, imageStamp.length * 2);
    imageStamp = grow(imageStamp, size);
    imageScore = grow(imageScore, size);
  }
  if (imageStamp[set] === cycle) return imageScore[set]!;
  const score = imageSetScore(set, state.images, spreads);
  imageStamp[set] = cycle;
  imageScore[set] = score;
  return score;
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** The checks that need the node object itself: ones the table does not hold. */
function fitsObject(state: CycleState, node: NodeInfo): boolean {
  const spec = state.pod.spec;
  if (spec.nodeName && spec.nodeName !== node.name) return false;
  if (state.constrained && !podMatchesNode(state.pod, node.node.metadata.labels ?? {}, node.name))
    return false;
  return true;
}

function portsClash(state: CycleState, node: NodeInfo): boolean {
  const ports = state.hostPorts;
  for (let i = 0; i < ports.length; i++) if (node.usedPorts.has(ports[i]!)) return true;
  return false;
}

/** Whether this cycle's pod tolerates the unschedulable taint (worked out once per cycle, when needed). */
let toleratesUnschedulable: boolean | null = null;

/** The filters a node's FLAGS say may refuse it: NodeResourcesFit's pod count, TaintToleration, NodeUnschedulable, NodePorts. */
function passesFlagged(flags: number, at: number, state: CycleState, node: NodeInfo): boolean {
  if ((flags & FULL) !== 0) return false;
  if ((flags & TAINTED) !== 0 && taintVerdictOf(NODE_TABLE.meta[at + TAINT_SET]!, state) < 0) return false;
  if (
    (flags & UNSCHEDULABLE) !== 0 &&
    !(toleratesUnschedulable ??= toleratesAll(state.pod.spec.tolerations, {
      key: UNSCHEDULABLE_TAINT,
      effect: 'NoSchedule',
    }))
  )
    return false;
  return (flags & HAS_USED_PORTS) === 0 || !portsClash(state, node);
}

/** Scratch space reused by every cycle (a cycle runs to its end before the next one starts). */
let feasibleAt = new Int32Array(1024);
let totals = new Float64Array(1024);
let taintRaw = new Float64Array(1024);
let affinityRaw = new Float64Array(1024);

function ensureCapacity(n: number): void {
  if (feasibleAt.length >= n) return;
  const size = Math.max(n, feasibleAt.length * 2);
  feasibleAt = new Int32Array(size);
  totals = new Float64Array(size);
  taintRaw = new Float64Array(size);
  affinityRaw = new Float64Array(size);
}

/** framework.DefaultNormalizeScore over raw[0..count), weighted and added to the totals. */
function addNormalized(raw: Float64Array, count: number, reverse: boolean, weight: number): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (raw[i]! > max) max = raw[i]!;
  for (let i = 0; i < count; i++) {
    let s = max === 0 ? 0 : Math.floor((MAX_NODE_SCORE * raw[i]!) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    totals[i]! += s * weight;
  }
}

export interface DefaultCycle {
  /** How many nodes were filtered. */
  readonly processed: number;
  readonly feasible: number;
  /** The selected node, null when none fits. */
  readonly winner: NodeInfo | null;
  /** When none fits: each filtered node's status, in filtering order. */
  readonly failures?: FilterStatus[];
}

/**
 * One cycle of the default profile: Filter `nodes` round-robin from `start` until `want` fit,
 * Score those, and select the best (ties broken with one draw from `rng`, as selectHost does).
 * A node is scored as soon as it passes the filters.
 */
export function defaultCycle(
  state: CycleState,
  nodes: readonly NodeInfo[],
  start: number,
  want: number,
  rng: Prng,
): DefaultCycle {
  const m = nodes.length;
  ensureCapacity(Math.min(want, m));
  cycle++;
  const spec = state.pod.spec;
  const byObject = !!spec.nodeName || state.constrained;
  toleratesUnschedulable = null;
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  // NaN when the pod requests none: NodeResourcesFit then never refuses for that resource.
  const needCpu = state.podCpu > 0 ? state.podCpu : NaN;
  const needMem = state.podMem > 0 ? state.podMem : NaN;
  if (!byObject && !preferred && state.hostPorts.length === 0 && m >= INDEXED_NODES) {
    const list = listIndex(nodes);
    const indexed = list && indexedCycle(state, list, start, want, rng, needCpu, needMem);
    if (indexed) return indexed;
  }
  return nodeByNodeCycle(state, nodes, start, want, rng, needCpu, needMem, byObject, !!preferred);
}

/**
 * defaultCycle a node at a time (short lists, and pods the block index does not serve). A
 * function of its own so that defaultCycle, which runs once per pod, stays short: V8 optimises a
 * function after a number of runs that grows with its bytecode.
 */
function nodeByNodeCycle(
  state: CycleState,
  nodes: readonly NodeInfo[],
  start: number,
  want: number,
  rng: Prng,
  needCpu: number,
  needMem: number,
  byObject: boolean,
  /** Whether the pod has preferred node affinity terms (NodeAffinity then scores). */
  preferred: boolean,
): DefaultCycle {
  const m = nodes.length;
  const { num, meta } = NODE_TABLE;
  // Score inputs. NodeResourcesFit (LeastAllocated), BalancedAllocation and ImageLocality need no
  // normalising; TaintToleration and NodeAffinity do, over all feasible nodes.
  const podNonZeroCpu = state.podNonZeroCpu;
  const podNonZeroMem = state.podNonZeroMem;
  const spreads = imageSpreads(state);
  let anyTaintRaw = false;
  let anyAffinityRaw = false;
  let top = -Infinity;
  let ties = 0;

  let count = 0;
  let processed = 0;
  for (let index = start; processed < m && count < want; processed++) {
    const node = nodes[index]!;
    const slot = node.slot;
    const row = slot * ROW;
    const at = slot * META;
    // Filter, yes or no only (statuses are built when no node fits): free cpu and memory for every
    // node; the rest only where the node's flags or the pod's spec say it can refuse.
    const flags = meta[at + FLAGS]!;
    if (
      needCpu > num[row + FREE_CPU]! ||
      needMem > num[row + FREE_MEM]! ||
      (flags !== 0 && !passesFlagged(flags, at, state, node)) ||
      (byObject && !fitsObject(state, node))
    ) {
      index = index + 1 === m ? 0 : index + 1;
      continue;
    }

    // Score.
    let total = resourceScore(num, row, podNonZeroCpu, podNonZeroMem);
    let images = meta[at + IMAGE_SET]!;
    if (images === STALE) images = node.imageSet();
    if (images !== 0) total += imageScoreOf(images, state, spreads);
    totals[count] = total;
    if (total > top) {
      top = total;
      ties = 1;
    } else if (total === top) ties++;
    const taints = meta[at + TAINT_SET]!;
    const taint = taints === 0 ? 0 : taintVerdictOf(taints, state);
    taintRaw[count] = taint;
    if (taint !== 0) anyTaintRaw = true;
    if (preferred) {
      const affinity = NodeAffinityScore.score(state, node);
      affinityRaw[count] = affinity;
      if (affinity !== 0) anyAffinityRaw = true;
    }
    feasibleAt[count++] = index;
    index = index + 1 === m ? 0 : index + 1;
  }

  if (count === 0) {
    const failures: FilterStatus[] = [];
    for (let i = 0, index = start; i < processed; i++, index = index + 1 === m ? 0 : index + 1)
      failures.push(defaultFilter(state, nodes[index]!)!);
    return { processed, feasible: 0, winner: null, failures };
  }
  if (count === 1) return { processed, feasible: 1, winner: nodes[feasibleAt[0]!]! };

  // All-zero raw scores normalise to 100 each (TaintToleration, reversed) and 0 each (NodeAffinity):
  // the same for every node, so they change no ranking and the top and ties stand.
  if (anyTaintRaw || anyAffinityRaw) {
    if (anyTaintRaw) addNormalized(taintRaw, count, true, TaintTolerationScore.weight);
    if (anyAffinityRaw) addNormalized(affinityRaw, count, false, NodeAffinityScore.weight);
    top = -Infinity;
    ties = 0;
    for (let k = 0; k < count; k++) {
      const t = totals[k]!;
      if (t > top) {
        top = t;
        ties = 1;
      } else if (t === top) ties++;
    }
  }
  return { processed, feasible: count, winner: nodes[feasibleAt[pickTop(totals, count, top, ties, rng)]!]! };
}

/** Lists at least this long are filtered and scored a block at a time (see blockIndex.ts). */
const INDEXED_NODES = 128;

/**
 * The window's feasible nodes as (block, bit mask of positions in it), in window order, and per
 * segment the best shape score among them and how many have it.
 */
let segmentBlock = new Int32Array(256);
let segmentMask = new Int32Array(256);
let segmentMax = new Int32Array(256);
let segmentTies = new Int32Array(256);

const lowestBit = (bits: number) => 31 - Math.clz32(bits & -bits);

function popcount(bits: number): number {
  bits -= (bits >>> 1) & 0x55555555;
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** TaintToleration's normalised score, weighted, for plain nodes (no taints: raw 0, normalised 100). */
const UNTAINTED = MAX_NODE_SCORE * TaintTolerationScore.weight;

/**
 * A feasible node's total in indexedCycle: its shape score plus TaintToleration's normalised score
 * (weighted) against the window's highest raw score `maxRaw`; NodeAffinity gives every node 0.
 */
function totalAt(list: ListIndex, shape: ShapeIndex, pos: number, maxRaw: number, state: CycleState): number {
  const meta = NODE_TABLE.meta;
  const at = list.slots[pos]! * META;
  if ((meta[at + FLAGS]! & TAINTED) === 0) return shape.score(pos) + UNTAINTED;
  const raw = taintVerdictOf(meta[at + TAINT_SET]!, state);
  const normalised = MAX_NODE_SCORE - (maxRaw === 0 ? 0 : Math.floor((MAX_NODE_SCORE * raw) / maxRaw));
  return shape.score(pos) + normalised * TaintTolerationScore.weight;
}

/**
 * defaultCycle for a pod with nothing but requests, tolerations and images to match (no node name,
 * selector, affinity or host ports), a block of the list at a time: plain nodes come from the
 * block's summaries when the pod fits the block's least free room; nodes with FLAGS are filtered
 * and scored one by one. Null when no node fits (the caller then builds every node's status).
 *
 * While no feasible node has a raw TaintToleration score (an untolerated PreferNoSchedule taint),
 * every feasible node's total is its shape score plus UNTAINTED, so segments are ranked by shape
 * score as they are filtered; otherwise totals are worked out once the window's highest raw score
 * is known.
 */
function indexedCycle(
  state: CycleState,
  list: ListIndex,
  start: number,
  want: number,
  rng: Prng,
  needCpu: number,
  needMem: number,
): DefaultCycle | null {
  const shape = list.shape(state);
  const meta = NODE_TABLE.meta;
  const { n, slots, plain, minFreeCpu, minFreeMem, freeCpu, freeMem, nodes, tainted } = list;
  const blockTaintSet = list.taintSet;
  if (segmentBlock.length < list.blocks + 1) {
    const size = list.blocks + 1;
    segmentBlock = new Int32Array(size);
    segmentMask = new Int32Array(size);
    segmentMax = new Int32Array(size);
    segmentTies = new Int32Array(size);
  }
  // The shape's per-block tables (no shape is made or dropped until this cycle ends).
  const { heads, scores, capacity } = list;
  const id = shape.id;
  // Filter: the window's feasible nodes, as segments.
  let segments = 0;
  let count = 0;
  let processed = 0;
  let maxRaw = 0;
  for (let pos = start; processed < n && count < want;) {
    const b = pos >> BLOCK_BITS;
    const base = b << BLOCK_BITS;
    const off = pos - base;
    const avail = Math.min(Math.min(BLOCK, n - base) - off, n - processed);
    const range = avail === BLOCK ? -1 : ((1 << avail) - 1) << off;
    const plainBits = plain[b]!;
    // Plain nodes: all of them when the pod fits the block's least free room.
    let mask = plainBits & range;
    if (mask !== 0 && (needCpu > minFreeCpu[b]! || needMem > minFreeMem[b]!)) {
      for (let bits = mask; bits !== 0; bits &= bits - 1) {
        const i = lowestBit(bits);
        if (needCpu > freeCpu[base + i]! || needMem > freeMem[base + i]!) mask &= ~(1 << i);
      }
    }
    // Nodes with FLAGS, one by one, but for tainted ones whose shared taints the pod does not tolerate.
    let flagged = range & ~plainBits;
    const taintSet = blockTaintSet[b]!;
    if (taintSet >= 0 && (flagged & tainted[b]!) !== 0 && taintVerdictOf(taintSet, state) < 0)
      flagged &= ~tainted[b]!;
    for (let bits = flagged; bits !== 0; bits &= bits - 1) {
      const i = lowestBit(bits);
      const at = slots[base + i]! * META;
      const flags = meta[at + FLAGS]!;
      if (
        needCpu > freeCpu[base + i]! ||
        needMem > freeMem[base + i]! ||
        !passesFlagged(flags, at, state, nodes[base + i]!)
      )
        continue;
      mask |= 1 << i;
    }
    const found = popcount(mask);
    if (count + found >= want && found > 0) {
      // The window ends at the want-th feasible node.
      let rest = mask;
      let last = 0;
      for (let k = count; k < want; k++) {
        last = lowestBit(rest);
        rest &= rest - 1;
      }
      mask &= ~rest;
      processed += last - off + 1;
      count = want;
    } else {
      processed += avail;
      count += found;
    }
    if (mask !== 0) {
      const k = b * capacity + id;
      let head = heads[k]!;
      if ((head & COUNTED) === 0) {
        shape.ensure(b);
        head = heads[k]!;
      }
      // Score: the best shape score in the segment and how many have it; a segment holding all
      // its block's plain nodes takes them from the block's summary.
      let max = -1;
      let ties = 0;
      let each = mask;
      if ((mask & plainBits) === plainBits && plainBits !== 0) {
        max = headTop(head);
        ties = headTies(head);
        each = mask & ~plainBits;
      }
      const at = k << BLOCK_BITS;
      // Plain nodes (a segment cut by the window's start or end) have no FLAGS, hence no taint:
      // their shape score is all there is to read. The best score and its count do not depend on
      // the order the nodes are read in.
      for (let bits = each & plainBits; bits !== 0; bits &= bits - 1) {
        const score = scores[at + lowestBit(bits)]!;
        if (score > max) {
          max = score;
          ties = 1;
        } else if (score === max) ties++;
      }
      for (let bits = each & ~plainBits; bits !== 0; bits &= bits - 1) {
        const i = lowestBit(bits);
        const m = slots[base + i]! * META;
        // TaintToleration's raw scores, for normalising: only tainted nodes have any.
        if ((meta[m + FLAGS]! & TAINTED) !== 0) {
          const raw = taintVerdictOf(meta[m + TAINT_SET]!, state);
          if (raw > maxRaw) maxRaw = raw;
        }
        const score = scores[at + i]!;
        if (score > max) {
          max = score;
          ties = 1;
        } else if (score === max) ties++;
      }
      segmentBlock[segments] = b;
      segmentMask[segments] = mask;
      segmentMax[segments] = max;
      segmentTies[segments++] = ties;
    }
    pos = base + off + avail;
    if (pos >= n) pos = 0;
  }
  if (count === 0) return null;

  if (maxRaw === 0) {
    // Every total is the shape score plus UNTAINTED: the top, its ties, and the pick-th of them.
    let top = -1;
    let ties = 0;
    for (let k = 0; k < segments; k++) {
      const max = segmentMax[k]!;
      if (max > top) {
        top = max;
        ties = segmentTies[k]!;
      } else if (max === top) ties += segmentTies[k]!;
    }
    let pick = ties > 1 ? rng.int(0, ties - 1) : 0;
    for (let k = 0; k < segments; k++) {
      if (segmentMax[k] !== top) continue;
      if (pick >= segmentTies[k]!) {
        pick -= segmentTies[k]!;
        continue;
      }
      const b = segmentBlock[k]!;
      const base = b << BLOCK_BITS;
      const at = (b * capacity + id) << BLOCK_BITS;
      for (let bits = segmentMask[k]!; ; bits &= bits - 1) {
        const i = lowestBit(bits);
        if (scores[at + i] === top && pick-- === 0)
          return { processed, feasible: count, winner: nodes[base + i]! };
      }
    }
    throw new Error('selectHost: the top score has fewer nodes than counted');
  }

  // Totals (totalAt): the top total and how many have it; a segment holding all its block's plain
  // nodes takes them from the block's summary.
  let top = -1;
  let ties = 0;
  for (let k = 0; k < segments; k++) {
    const b = segmentBlock[k]!;
    const base = b << BLOCK_BITS;
    const mask = segmentMask[k]!;
    const plainBits = plain[b]!;
    let each = mask;
    if ((mask & plainBits) === plainBits && plainBits !== 0) {
      const max = shape.max(b) + UNTAINTED;
      if (max > top) {
        top = max;
        ties = shape.ties(b);
      } else if (max === top) ties += shape.ties(b);
      each = mask & ~plainBits;
    }
    for (; each !== 0; each &= each - 1) {
      const t = totalAt(list, shape, base + lowestBit(each), maxRaw, state);
      if (t > top) {
        top = t;
        ties = 1;
      } else if (t === top) ties++;
    }
  }

  // selectHost over the window's feasible nodes in order: the pick-th of those with the top total.
  let pick = ties > 1 ? rng.int(0, ties - 1) : 0;
  for (let k = 0; k < segments; k++) {
    const b = segmentBlock[k]!;
    const base = b << BLOCK_BITS;
    const mask = segmentMask[k]!;
    const plainBits = plain[b]!;
    let here = 0;
    let each = mask;
    if ((mask & plainBits) === plainBits && plainBits !== 0) {
      if (shape.max(b) + UNTAINTED === top) here = shape.ties(b);
      each = mask & ~plainBits;
    }
    for (; each !== 0; each &= each - 1)
      if (totalAt(list, shape, base + lowestBit(each), maxRaw, state) === top) here++;
    if (pick >= here) {
      pick -= here;
      continue;
    }
    for (let bits = mask; ; bits &= bits - 1) {
      const pos = base + lowestBit(bits);
      if (totalAt(list, shape, pos, maxRaw, state) === top && pick-- === 0)
        return { processed, feasible: count, winner: nodes[pos]! };
    }
  }
  throw new Error('selectHost: the top total has fewer nodes than counted');
}

/**
 * selectHost: a uniformly random index among the `ties` with the `top` total (what reservoir
 * sampling gives), drawn with one call to the seeded generator, and only when there is a tie.
 */
function pickTop(totals: Float64Array, count: number, top: number, ties: number, rng: Prng): number {
  let pick = ties > 1 ? rng.int(0, ties - 1) : 0;
  for (let i = 0; i < count; i++) if (totals[i] === top && pick-- === 0) return i;
  return 0;
}

/** selectHost over `totals[0..count)`. */
export function selectHost(totals: Float64Array, count: number, rng: Prng): number {
  let top = -Infinity;
  let ties = 0;
  for (let i = 0; i < count; i++) {
    const t = totals[i]!;
    if (t > top) {
      top = t;
      ties = 1;
    } else if (t === top) ties++;
  }
  return pickTop(totals, count, top, ties, rng);
}
