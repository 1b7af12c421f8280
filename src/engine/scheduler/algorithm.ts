/**
 * One scheduling cycle for one pod (schedulePod in schedule_one.go): Filter from a rotating start
 * until enough feasible nodes are found, Score them with every plugin, normalise, weight, and pick
 * the best, ties broken by reservoir sampling with the run's seeded PRNG.
 */
import { hasPodAffinity, termsSelect } from './plugins/interPodAffinity';
import type { Pod, Toleration } from '../api/types';
import type { Prng } from '../core/prng';
import type { CycleState, FilterPlugin, FilterStatus, ScorePlugin } from './framework';
import { anyAffinityPods, podDemand, type NodeInfo } from './nodeInfo';
import { normalizedImageName } from './plugins/imageLocality';
import { preFilterNodeNames } from './plugins/nodeAffinity';
import { defaultCycle, selectHost } from './defaultProfile';

/** What nodes left out by NodeAffinity's PreFilter report (schedule_one.go). */
const PINNED_ELSEWHERE: FilterStatus = {
  code: 'UnschedulableAndUnresolvable',
  plugin: 'NodeAffinity',
  reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
};
import { fitErrorMessage } from './fitError';
import type { SpreadSelector } from './plugins/podTopologySpread';
import { FILTER_PLUGINS, numFeasibleNodesToFind, SCORE_PLUGINS } from './profile';

/** What happened on one node, for the UI's decision table. */
export interface NodeVerdict {
  readonly node: string;
  /** The filter that refused the node, or null when it passed every filter. */
  readonly failed: FilterStatus | null;
  /** Per score plugin: the normalised 0–100 score (before weighting). */
  readonly scores?: Readonly<Record<string, number>>;
  readonly total?: number;
}

export interface Decision {
  readonly pod: string;
  readonly evaluated: number;
  readonly feasible: number;
  readonly winner: string | null;
  /** The FitError message when no node fits. */
  readonly message?: string;
  /** One entry per evaluated node (kept for small clusters, where the UI shows it). */
  readonly verdicts?: readonly NodeVerdict[];
}

export interface ScheduleOptions {
  readonly filters?: readonly FilterPlugin[];
  readonly scores?: readonly ScorePlugin[];
  /** Keep per-node verdicts (costly on thousands of nodes). */
  readonly record?: boolean;
  /** false: run the plugins one by one even for the default profile (tests compare both ways). */
  readonly fused?: boolean;
  /** Each node's position in `nodes` by name, if the caller keeps it (the scheduler's cache does). */
  readonly nodePositions?: ReadonlyMap<string, number>;
  /** On how many nodes each image is, if the caller keeps it up to date (the scheduler's cache does). */
  readonly imageNodeCounts?: ReadonlyMap<string, number>;
  /** PodTopologySpread's default selector for the pod (see CycleState); none: not spread. */
  readonly spreadSelector?: SpreadSelector;
  /**
   * The pods on these nodes with pod affinity or anti-affinity terms, if the caller keeps them
   * (the scheduler's cache does); otherwise the nodes are asked.
   */
  readonly affinityPods?: ReadonlyMap<string, Pod>;
}

export interface ScheduleResult {
  readonly decision: Decision;
  /** Where the next cycle starts filtering (nextStartNodeIndex). */
  readonly nextStart: number;
}

/**
 * numFeasibleNodesToFind for the last list length asked about: the same list cycle after cycle,
 * and a short check leaves schedulePod's compile room to inline more of its callees.
 */
let feasibleFor = -1;
let feasibleWant = 0;
const feasibleToFind = (n: number): number =>
  n === feasibleFor ? feasibleWant : (feasibleWant = numFeasibleNodesToFind((feasibleFor = n)));

/** A shared empty list for the fields most pods leave empty (never written to). */
const NONE: never[] = [];

/** One-image lists by image, shared by every pod with one container of that image (never written to). */
const imageLists = new Map<string, readonly string[]>();

function imageList(image: string): readonly string[] {
  let list = imageLists.get(image);
  if (!list) {
    if (imageLists.size >= 10_000) imageLists.clear();
    imageLists.set(image, (list = [normalizedImageName(image)]));
  }
  return list;
}

function hasKeys(record: Readonly<Record<string, string>> | undefined): boolean {
  for (const _ in record) return true;
  return false;
}

/** The tolerations TaintToleration's Score counts with: PreferNoSchedule ones and those of any effect. */
const preferTolerations = (tolerations: readonly Toleration[]): readonly Toleration[] =>
  tolerations.length ? tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule') : NONE;

/** Whether NodeAffinity's Filter can refuse a node: a node selector or required node affinity terms. */
const constrained = (spec: Pod['spec']): boolean =>
  hasKeys(spec.nodeSelector) ||
  (spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.length ??
    0) > 0;

/** The pod's images as ImageLocality names them. */
const podImages = (containers: Pod['spec']['containers']): readonly string[] =>
  containers.length === 1
    ? imageList(containers[0]!.image)
    : containers.map((c) => normalizedImageName(c.image));

/** What the plugins read of the pod in a cycle (schedulePod builds the same state inline). */
export function cycleState(
  pod: Pod,
  nodes: readonly NodeInfo[],
  imageNodeCounts: ReadonlyMap<string, number>,
): CycleState {
  const { requests: r, hostPorts } = podDemand(pod);
  const nz = r.nonZero;
  const tolerations = pod.spec.tolerations ?? NONE;
  return {
    pod,
    tolerations,
    preferTolerations: preferTolerations(tolerations),
    constrained: constrained(pod.spec),
    images: podImages(pod.spec.containers),
    podCpu: r.milliCpu,
    podMem: r.memory,
    podNonZeroCpu: nz.milliCpu,
    podNonZeroMem: nz.memory,
    hostPorts,
    totalNodes: nodes.length,
    imageNodeCounts,
  };
}

/** Counts, for every image, how many nodes have it. */
export function countImages(nodes: readonly NodeInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of nodes)
    for (const name of node.images.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/**
 * The nodes named in `pinned`, in list order: what filtering the list by name gives, found by
 * name when the caller keeps the nodes' positions (a DaemonSet pod names one node of thousands).
 * A name not found where the list has it sends it back to filtering the list.
 */
function pinnedNodes(
  nodes: readonly NodeInfo[],
  pinned: ReadonlySet<string>,
  byName: ReadonlyMap<string, number> | undefined,
): NodeInfo[] {
  if (byName && pinned.size <= 16) {
    const at: number[] = [];
    for (const name of pinned) {
      const i = byName.get(name);
      if (i === undefined || nodes[i]?.name !== name) {
        at.length = 0;
        break;
      }
      at.push(i);
    }
    if (at.length === pinned.size) return at.sort((a, b) => a - b).map((i) => nodes[i]!);
  }
  return nodes.filter((node) => pinned.has(node.name));
}

/**
 * Schedules one pod onto one of `nodes`. On long lists the default profile keeps summaries of the
 * list by its identity (blockIndex.ts): hand in a new array when nodes join or leave rather than
 * changing one in place. Nodes themselves change through NodeInfo, which the summaries follow.
 *
 * The cycle's set-up (its state, PreFilter) and the fused default profile's hand-over and decision
 * are in this one function on purpose. Node 20's V8 optimises a function once the bytecode run in
 * it adds up to (3 + its length / 150) × 66 KB: a function run once per pod gets there after about
 * 450 + 200,000 / (bytes run per call) calls. Split into cycleState, fusedCycle and defaultCycle
 * (a few hundred bytes each), each waited 1,100–2,000 pods for its own compile; together they run
 * about 700 bytes a pod, are optimised within the first ~900 pods and take their callees inline.
 * What rarely runs (no nodes, the plugins one by one) stays in other functions.
 */
export function schedulePod(
  pod: Pod,
  nodes: readonly NodeInfo[],
  start: number,
  rng: Prng,
  options: ScheduleOptions = {},
): ScheduleResult {
  const scorers = options.scores ?? SCORE_PLUGINS;
  const record = options.record ?? nodes.length <= 50;
  // The fused default profile, unless other plugins were asked for, per-plugin scores are kept, or
  // PodTopologySpread has a pod to spread (the fused pass leaves it out: it never scores there).
  const spreadSelector = options.spreadSelector?.length ? options.spreadSelector : undefined;
  // Nor InterPodAffinity's, when the pod has such terms or a placed pod's terms select it.
  const affinity =
    (pod.spec.affinity !== undefined && hasPodAffinity(pod)) ||
    ((options.affinityPods
      ? options.affinityPods.size > 0
      : anyAffinityPods() && affinityPodsOn(nodes) > 0) &&
      affectedBy(pod, options.affinityPods));
  const fast =
    !options.filters && !options.scores && !record && options.fused !== false && !spreadSelector && !affinity;
  const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const n = nodes.length;
  if (n === 0)
    return {
      decision: { pod: podKey, evaluated: 0, feasible: 0, winner: null, message: fitErrorMessage(0, []) },
      nextStart: 0,
    };

  // cycleState, inline (see above).
  const { requests: r, hostPorts } = podDemand(pod);
  const nz = r.nonZero;
  const tolerations = pod.spec.tolerations ?? NONE;
  const state: CycleState = {
    pod,
    tolerations,
    preferTolerations: preferTolerations(tolerations),
    constrained: constrained(pod.spec),
    images: podImages(pod.spec.containers),
    podCpu: r.milliCpu,
    podMem: r.memory,
    podNonZeroCpu: nz.milliCpu,
    podNonZeroMem: nz.memory,
    hostPorts,
    totalNodes: nodes.length,
    imageNodeCounts: options.imageNodeCounts ?? (scorers.length ? countImages(nodes) : new Map()),
    ...(spreadSelector ? { spreadSelector } : {}),
  };
  const failures: FilterStatus[] = [];

  // PreFilter: a pod pinned to named nodes is filtered only there; the others fail at once.
  const pinned = preFilterNodeNames(pod);
  const candidates = pinned ? pinnedNodes(nodes, pinned, options.nodePositions) : nodes;
  if (pinned) for (let i = candidates.length; i < n; i++) failures.push(PINNED_ELSEWHERE);
  if (!fast)
    return pluginCycle(
      state,
      podKey,
      candidates,
      failures,
      start,
      pinned !== null,
      nodes,
      rng,
      options,
      record,
    );

  // The default profile's plugins fused into one pass (defaultCycle), the decision without verdicts.
  const m = candidates.length;
  const cycle = defaultCycle(state, candidates, start % Math.max(m, 1), feasibleToFind(n), rng);
  const nextStart = pinned ? start : (start + cycle.processed) % n;
  const decision: Decision = cycle.winner
    ? { pod: podKey, evaluated: cycle.processed, feasible: cycle.feasible, winner: cycle.winner.name }
    : {
        pod: podKey,
        evaluated: cycle.processed,
        feasible: 0,
        winner: null,
        message: fitErrorMessage(n, failures.concat(cycle.failures!)),
      };
  return { decision, nextStart };
}

/** Whether some placed pod's affinity terms select `pod` (unknown pods: assume so). */
function affectedBy(pod: Pod, placed: ReadonlyMap<string, Pod> | undefined): boolean {
  if (!placed) return true;
  for (const other of placed.values()) if (termsSelect(other, pod)) return true;
  return false;
}

/** How many pods on these nodes have pod affinity terms (for callers that keep no count). */
function affinityPodsOn(nodes: readonly NodeInfo[]): number {
  let n = 0;
  for (let i = 0; i < nodes.length; i++) n += nodes[i]!.affinityPods;
  return n;
}

/** The plugins one by one (other plugins, or per-node verdicts kept for the UI). */
function pluginCycle(
  state: CycleState,
  podKey: string,
  candidates: readonly NodeInfo[],
  failures: FilterStatus[],
  start: number,
  pinned: boolean,
  all: readonly NodeInfo[],
  rng: Prng,
  options: ScheduleOptions,
  record: boolean,
): ScheduleResult {
  const n = all.length;
  const filters = options.filters ?? FILTER_PLUGINS;
  const scorers = options.scores ?? SCORE_PLUGINS;
  const want = numFeasibleNodesToFind(n);
  const verdicts: NodeVerdict[] = [];
  const m = candidates.length;
  const first = start % Math.max(m, 1);
  const feasible: NodeInfo[] = [];
  // PreFilter: a plugin with nothing to check for this pod is left out of Filter.
  const active = filters.filter((f) => !f.preFilter || f.preFilter(state, all));
  let processed = 0;
  let index = first;
  for (; processed < m && feasible.length < want; processed++, index = index + 1 === m ? 0 : index + 1) {
    const node = candidates[index]!;
    let failed: FilterStatus | null = null;
    for (const f of active) {
      failed = f.filter(state, node);
      if (failed) break;
    }
    if (failed) {
      failures.push(failed);
      if (record) verdicts.push({ node: node.name, failed });
    } else {
      feasible.push(node);
    }
  }
  const nextStart = pinned ? start : (start + processed) % n;

  if (feasible.length === 0) {
    const message = fitErrorMessage(n, failures);
    return {
      decision: {
        pod: podKey,
        evaluated: processed,
        feasible: 0,
        winner: null,
        message,
        ...(record ? { verdicts } : {}),
      },
      nextStart,
    };
  }
  if (feasible.length === 1 && !record) {
    return {
      decision: { pod: podKey, evaluated: processed, feasible: 1, winner: feasible[0]!.name },
      nextStart,
    };
  }

  // Score: raw per plugin, normalise, weight and sum; a plugin whose PreScore skips adds nothing.
  const count = feasible.length;
  const totals = new Float64Array(count);
  const perPlugin: number[][] = [];
  const scored = scorers.filter((plugin) => !plugin.preScore || plugin.preScore(state, feasible, all));
  for (const plugin of scored) {
    const scores = new Array<number>(count);
    for (let i = 0; i < count; i++) scores[i] = plugin.score(state, feasible[i]!);
    plugin.normalize?.(scores);
    if (record) perPlugin.push(scores);
    const w = plugin.weight;
    for (let i = 0; i < count; i++) totals[i]! += scores[i]! * w;
  }

  const best = selectHost(totals, count, rng);
  const winner = feasible[best]!.name;
  if (record) {
    feasible.forEach((node, i) => {
      const scores: Record<string, number> = {};
      scored.forEach((p, j) => (scores[p.name] = perPlugin[j]![i]!));
      verdicts.push({ node: node.name, failed: null, scores, total: totals[i]! });
    });
  }
  return {
    decision: {
      pod: podKey,
      evaluated: processed,
      feasible: feasible.length,
      winner,
      ...(record ? { verdicts } : {}),
    },
    nextStart,
  };
}
