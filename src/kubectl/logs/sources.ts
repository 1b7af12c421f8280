/**
 * Which containers' logs `kubectl logs` asks for (polymorphichelpers.logsForObject): a pod's
 * container, every pod a label selector matches, or one pod of a workload picked as kubectl picks
 * it (podutils.ByLogging), with the notes kubectl writes to stderr on the way.
 */
import type { Pod } from '../../engine/api/types';
import { qualified } from '../get/get';
import { matches, type Selector } from '../parse/selector';
import { resourceType } from '../resourceTypes';
import {
  afterOrZero,
  isReady,
  maxRestarts,
  noSelectorError,
  podsSelectedBy,
  readyTime,
} from '../podsForObject';
import type { ClusterReader } from '../types';

/** One log request: a container of a pod. */
export interface LogSource {
  readonly pod: string;
  readonly container: string;
}

export interface SourceOptions {
  readonly namespace: string;
  /** `POD`, `pod/POD` or `TYPE/NAME`; absent with `-l`. */
  readonly target?: string;
  readonly selector?: Selector;
  /** `-c` or the inline `[CONTAINER]`. */
  readonly container?: string;
  readonly allContainers: boolean;
  /** `--all-pods`: every pod of a workload, not only the one kubectl would pick. */
  readonly allPods: boolean;
}

export type Sources =
  { readonly error: string } | { readonly notes: readonly string[]; readonly sources: readonly LogSource[] };

/** kubectl's annotation naming the container `kubectl logs` and `exec` default to. */
const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

/** PodRunning < PodUnknown < PodPending; other phases count as Running (Go's zero value from the map). */
const PHASE_RANK: Partial<Record<string, number>> = { Running: 0, Unknown: 1, Pending: 2 };

/**
 * podutils.ByLogging.Less: the pod whose logs are most worth reading first. Assigned before
 * unassigned, Running before Unknown before Pending, ready before not, ready longer before ready
 * for less, more restarts before fewer, older before newer. Ties fall back to the name (Go's
 * sort.Sort is not stable; a simulation has to be deterministic).
 */
export function byLogging(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    if (i.spec.nodeName !== j.spec.nodeName && (!i.spec.nodeName || !j.spec.nodeName))
      return !!i.spec.nodeName;
    const ri = PHASE_RANK[i.status.phase] ?? 0;
    const rj = PHASE_RANK[j.status.phase] ?? 0;
    if (ri !== rj) return ri < rj;
    if (isReady(i) !== isReady(j)) return isReady(i);
    if (isReady(i) && isReady(j) && readyTime(i) !== readyTime(j))
      return afterOrZero(readyTime(j), readyTime(i));
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
    const ci = i.metadata.creationTimestamp;
    const cj = j.metadata.creationTimestamp;
    if (ci !== cj) return afterOrZero(cj, ci);
    return i.metadata.name < j.metadata.name;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** podcmd.AllContainerNames: `a, b`. */
const allContainerNames = (pod: Pod) => pod.spec.containers.map((c) => c.name).join(', ');

/** The containers of one pod to read, or kubectl's error; `quiet` leaves out the "Defaulted container" note. */
function podSources(pod: Pod, o: SourceOptions, quiet: boolean, notes: string[]): LogSource[] | string {
  const name = pod.metadata.name;
  if (o.allContainers) return pod.spec.containers.map((c) => ({ pod: name, container: c.name }));
  let container = o.container;
  if (!container) {
    const preset = pod.metadata.annotations?.[DEFAULT_CONTAINER];
    if (preset && pod.spec.containers.some((c) => c.name === preset)) container = preset;
    else {
      if (preset) notes.push(`Default container name "${preset}" not found in pod ${name}`);
      container = pod.spec.containers[0]!.name;
      if (pod.spec.containers.length > 1 && !quiet)
        notes.push(`Defaulted container "${container}" out of: ${allContainerNames(pod)}`);
    }
  }
  if (!pod.spec.containers.some((c) => c.name === container))
    return `error: container ${container} is not valid for pod ${name} out of: ${allContainerNames(pod)}`;
  return [{ pod: name, container }];
}

const byName = (a: Pod, b: Pod) =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

/** The log requests `kubectl logs` makes at this moment, and its stderr notes; or its error. */
export function logSources(reader: ClusterReader, o: SourceOptions): Sources {
  const notes: string[] = [];
  const fromPods = (pods: readonly Pod[], quiet: boolean): Sources => {
    const sources: LogSource[] = [];
    for (const pod of pods) {
      const found = podSources(pod, o, quiet, notes);
      if (typeof found === 'string') return { error: found };
      sources.push(...found);
    }
    return { notes, sources };
  };
  if (o.selector) {
    const pods = reader
      .list('Pod', o.namespace)
      .filter((p) => matches(o.selector!, p.metadata.labels))
      .sort(byName);
    if (!pods.length) return { notes: [`No resources found in ${o.namespace} namespace.`], sources: [] };
    return fromPods(pods, o.allPods);
  }
  const target = o.target!;
  const slash = target.indexOf('/');
  const type = slash < 0 ? resourceType('pods')! : resourceType(target.slice(0, slash));
  const name = slash < 0 ? target : target.slice(slash + 1);
  if (!type) return { error: `error: the server doesn't have a resource type "${target.slice(0, slash)}"` };
  // The builder's NotFound, with the namespace kubectl logs adds since 1.29 (kubernetes PR #120111).
  const notFound = () => ({
    error: `error: error from server (NotFound): ${qualified(type)} "${name}" not found in namespace "${o.namespace}"`,
  });
  if (type.kind === 'Pod') {
    const pod = reader.get('Pod', o.namespace, name);
    return pod ? fromPods([pod], o.allPods) : notFound();
  }
  const selected = podsSelectedBy(reader, type, o.namespace, name);
  if ('missing' in selected) {
    if (selected.missing === 'object') return notFound();
    return { error: noSelectorError(selected.missing, type, name, 'get the logs from') };
  }
  const pods = selected.pods.sort(byLogging);
  // kubectl waits up to --pod-running-timeout (20s) for a pod to appear, then gives up.
  if (!pods.length) return { error: 'error: timed out waiting for the condition' };
  if (o.allPods) return fromPods(pods, true);
  if (pods.length > 1) notes.push(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}`);
  return fromPods([pods[0]!], false);
}
