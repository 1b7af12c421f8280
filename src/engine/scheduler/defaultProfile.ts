/**
 * The default profile's Filter and Score, fused into one pass per node with the cheap checks first.
 * It computes exactly what running FILTER_PLUGINS and SCORE_PLUGINS one by one computes (a property
 * test holds it to that); it exists because a cycle on 5,000 nodes calls them 5,000 times. The
 * per-node loops allocate nothing: a refused node's status is only built again when no node fits
 * and the FitError message needs them.
 */
import { tolerates, toleratesAll } from '../api/pods';
import type { Taint, Toleration } from '../api/types';
import { UNSCHEDULABLE_TAINT } from '../apiserver/admission';
import type { Prng } from '../core/prng';
import { MAX_NODE_SCORE, type CycleState, type FilterStatus } from './framework';
import {
  ALLOC_CPU,
  ALLOC_MEM,
  FLAGS,
  FREE_CPU,
  FREE_MEM,
  FULL,
  HAS_USED_PORTS,
  IMAGE_SET,
  IMAGE_SETS,
  META,
  NODE_TABLE,
  NON_ZERO_CPU,
  NON_ZERO_MEM,
  ROW,
  STALE,
  TAINT_SET,
  TAINT_SETS,
  TAINTED,
  UNSCHEDULABLE,
  VERSION,
  type NodeInfo,
} from './nodeInfo';
import { balancedScore } from './plugins/balancedAllocation';
import { imageLocalityScore } from './plugins/imageLocality';
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
  // ImageLocality's score for a node with exactly these images.
  const images = IMAGE_SETS[set]!;
  let sum = 0;
  for (let j = 0; j < state.images.length; j++) {
    const size = images.get(state.images[j]!);
    if (size !== undefined) sum += Math.floor(size * spreads[j]!);
  }
  const score = imageLocalityScore(sum, state.images.length);
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

/**
 * NodeResourcesFit's and BalancedAllocation's scores for one pod shape (its non-zero cpu and memory
 * requests) on every node row, each valid while the row's VERSION is the one it was computed at.
 * Pods of one shape are common (a Deployment's replicas), and a node's row changes only when a pod
 * lands on or leaves it, so most nodes' scores are reused from an earlier cycle.
 */
interface ShapeScores {
  version: Int32Array<ArrayBuffer>;
  score: Int32Array<ArrayBuffer>;
}
const shapes = new Map<string, ShapeScores>();
/** At most this many rows' worth of scores are kept, over all shapes (oldest shape dropped first). */
const MAX_CACHED_ROWS = 1 << 22;

function shapeScores(cpu: number, mem: number, rows: number): ShapeScores {
  const key = `${cpu}/${mem}`;
  let entry = shapes.get(key);
  if (!entry) {
    const max = Math.max(1, Math.floor(MAX_CACHED_ROWS / rows));
    while (shapes.size >= max) shapes.delete(shapes.keys().next().value!);
    entry = { version: new Int32Array(rows), score: new Int32Array(rows) };
    shapes.set(key, entry);
  } else if (entry.version.length < rows) {
    entry.version = grow(entry.version, rows);
    entry.score = grow(entry.score, rows);
  }
  return entry;
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
  const { num, meta } = NODE_TABLE;
  const spec = state.pod.spec;
  const podCpu = state.podCpu;
  const podMem = state.podMem;
  const byObject = !!spec.nodeName || state.constrained;
  toleratesUnschedulable = null;
  // Score inputs. NodeResourcesFit (LeastAllocated), BalancedAllocation and ImageLocality need no
  // normalising; TaintToleration and NodeAffinity do, over all feasible nodes.
  const podNonZeroCpu = state.podNonZeroCpu;
  const podNonZeroMem = state.podNonZeroMem;
  const cache = shapeScores(podNonZeroCpu, podNonZeroMem, meta.length / META);
  const cachedVersion = cache.version;
  const cachedScore = cache.score;
  const spreads = state.images.map(
    (name) => (state.imageNodeCounts.get(name) ?? 1) / Math.max(state.totalNodes, 1),
  );
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  let anyTaintRaw = false;
  let anyAffinityRaw = false;
  let top = -Infinity;
  let ties = 0;

  // NaN when the pod requests none: NodeResourcesFit then never refuses for that resource.
  const needCpu = podCpu > 0 ? podCpu : NaN;
  const needMem = podMem > 0 ? podMem : NaN;

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
    const version = meta[at + VERSION]!;
    let total: number;
    if (cachedVersion[slot] === version) total = cachedScore[slot]!;
    else {
      const allocCpu = num[row + ALLOC_CPU]!;
      const allocMem = num[row + ALLOC_MEM]!;
      const cpu = num[row + NON_ZERO_CPU]! + podNonZeroCpu;
      const mem = num[row + NON_ZERO_MEM]! + podNonZeroMem;
      // leastRequestedScore for cpu and memory, averaged (both are whole numbers 0–100).
      const cpuScore =
        allocCpu === 0 || cpu > allocCpu ? 0 : Math.floor(((allocCpu - cpu) * MAX_NODE_SCORE) / allocCpu);
      const memScore =
        allocMem === 0 || mem > allocMem ? 0 : Math.floor(((allocMem - mem) * MAX_NODE_SCORE) / allocMem);
      total = Math.floor((cpuScore + memScore) / 2);
      if (allocCpu !== 0 && allocMem !== 0) total += balancedScore(cpu / allocCpu, mem / allocMem);
      cachedVersion[slot] = version;
      cachedScore[slot] = total;
    }
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
