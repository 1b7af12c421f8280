/**
 * What kubectl's polymorphichelpers share between `logs TYPE/NAME` and `exec TYPE/NAME`: the pods a
 * workload or a Service selects (SelectorsForObject), and the pod facts their orderings compare
 * (podutils.ByLogging for logs, sort.Reverse(podutils.ActivePods) for exec).
 */
import type { Pod } from '../engine/api/types';
import type { ResourceType } from './resourceTypes';
import type { ClusterReader } from './types';

export const isReady = (p: Pod) =>
  p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
export const readyTime = (p: Pod) =>
  p.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '';
export const maxRestarts = (p: Pod) =>
  Math.max(0, ...(p.status.containerStatuses ?? []).map((s) => s.restartCount));
/** afterOrZero(t1, t2): t1 is after t2, a zero (empty) time counting as after any other. RFC 3339 UTC compares as text. */
export const afterOrZero = (t1: string, t2: string) => (!t1 || !t2 ? !t1 : t1 > t2);

/**
 * The pods `type`/`name` selects, unsorted; or why there are none to pick from: the object is not
 * there, it is a Service without a selector, or its kind has no selector kubectl knows.
 */
export function podsSelectedBy(
  reader: Pick<ClusterReader, 'get' | 'list'>,
  type: ResourceType,
  namespace: string,
  name: string,
): { readonly pods: Pod[] } | { readonly missing: 'object' | 'serviceSelector' | 'selectorKind' } {
  let wanted: Readonly<Record<string, string>>;
  if (type.kind === 'Deployment' || type.kind === 'ReplicaSet' || type.kind === 'DaemonSet') {
    const owner = reader.get(type.kind, namespace, name);
    if (!owner) return { missing: 'object' };
    wanted = owner.spec.selector.matchLabels ?? {};
  } else if (type.kind === 'Service') {
    const svc = reader.get('Service', namespace, name);
    if (!svc) return { missing: 'object' };
    wanted = svc.spec.selector ?? {};
    if (!Object.keys(wanted).length) return { missing: 'serviceSelector' };
  } else return { missing: 'selectorKind' };
  return {
    pods: reader
      .list('Pod', namespace)
      .filter((p) => Object.entries(wanted).every(([k, v]) => p.metadata.labels?.[k] === v)),
  };
}

/** kubectl's error for an object it can pick no pod from: `doing` is "attach to" or "get the logs from". */
export function noSelectorError(
  missing: 'serviceSelector' | 'selectorKind',
  type: ResourceType,
  name: string,
  doing: string,
): string {
  return missing === 'serviceSelector'
    ? `error: cannot ${doing} *v1.Service: invalid service '${name}': Service is defined without a selector`
    : `error: cannot ${doing} *v1.${type.kind}: selector for *v1.${type.kind} not implemented`;
}
