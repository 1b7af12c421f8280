/**
 * The pod `kubectl exec TYPE/NAME` runs in (polymorphichelpers.attachablePodForObject): a pod as
 * named; for a workload or a Service, the first of the pods its selector matches, sorted as
 * GetFirstPod sorts them, `sort.Reverse(podutils.ActivePods)`: the most active pod first.
 */
import type { Pod } from '../../engine/api/types';
import { qualified } from '../get/get';
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

/** ActivePods' ranks: Pending < Unknown < Running; other phases are Go's zero value, Pending's. */
const PHASE_RANK: Partial<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * podutils.ActivePods.Less: `i` is less active than `j`. Unassigned before assigned, Pending
 * before Unknown before Running, not ready before ready, ready for less time before more, more
 * restarts before fewer, newer before older.
 */
function lessActive(i: Pod, j: Pod): boolean {
  if (i.spec.nodeName !== j.spec.nodeName && (!i.spec.nodeName || !j.spec.nodeName)) return !i.spec.nodeName;
  const ri = PHASE_RANK[i.status.phase] ?? 0;
  const rj = PHASE_RANK[j.status.phase] ?? 0;
  if (ri !== rj) return ri < rj;
  if (isReady(i) !== isReady(j)) return !isReady(i);
  if (isReady(i) && isReady(j) && readyTime(i) !== readyTime(j))
    return afterOrZero(readyTime(i), readyTime(j));
  if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
  const ci = i.metadata.creationTimestamp;
  const cj = j.metadata.creationTimestamp;
  if (ci !== cj) return afterOrZero(ci, cj);
  return false;
}

/**
 * The most active first (the reverse of ActivePods). Ties fall back to the name: Go's sort.Sort
 * is not stable, and a simulation has to be deterministic.
 */
export function mostActiveFirst(a: Pod, b: Pod): number {
  if (lessActive(b, a)) return -1;
  if (lessActive(a, b)) return 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The pod to run in, or kubectl's error. */
export function attachablePod(
  reader: Pick<ClusterReader, 'get' | 'list'>,
  namespace: string,
  target: string,
): { readonly pod: string } | { readonly error: string } {
  const slash = target.indexOf('/');
  if (slash < 0) return { pod: target };
  const word = target.slice(0, slash);
  const name = target.slice(slash + 1);
  const type = resourceType(word);
  if (!type) return { error: `error: the server doesn't have a resource type "${word}"` };
  if (type.kind === 'Pod') return { pod: name };
  if (!name) return { error: `error: arguments in resource/name form must have a single resource and name` };
  const selected = podsSelectedBy(reader, type, namespace, name);
  if ('missing' in selected) {
    if (selected.missing === 'object')
      return { error: `Error from server (NotFound): ${qualified(type)} "${name}" not found` };
    return { error: noSelectorError(selected.missing, type, name, 'attach to') };
  }
  const pods = selected.pods.sort(mostActiveFirst);
  // GetFirstPod waits up to --pod-running-timeout (1m) for a pod to appear, then gives up.
  if (!pods.length) return { error: 'error: timed out waiting for the condition' };
  return { pod: pods[0]!.metadata.name };
}
