/**
 * Reading a run's recorded changes (etcd's change log) as a watch does: the moments at which
 * objects of a kind changed, and the objects at a moment, read as etcd ranges are.
 */
import { etcdKey, RESOURCES } from '../engine/api/resources';
import type { Kind, KubeObject, ObjectOfKind } from '../engine/api/types';
import { lastIndexAtOrBefore } from '../engine/core/timeSearch';
import type { ClusterReader } from './types';

interface TimedChange {
  readonly time: number;
  readonly key: string;
}

/** The distinct moments in (since, until] at which objects of `kind` changed, in order. */
export function changeMoments(
  changes: readonly TimedChange[],
  kind: Kind,
  since: number,
  until: number,
): number[] {
  const prefix = RESOURCES[kind].etcdPrefix;
  const moments: number[] = [];
  for (
    let i = lastIndexAtOrBefore(changes, since) + 1;
    i < changes.length && changes[i]!.time <= until;
    i++
  ) {
    const c = changes[i]!;
    if (c.key.startsWith(prefix) && moments[moments.length - 1] !== c.time) moments.push(c.time);
  }
  return moments;
}

/** At most this many moments of change are gone through at one look (a long jump reads the last only). */
const MAX_MOMENTS = 64;

/**
 * The cluster at each moment after `since` and before the reader's own at which objects of `kind`
 * changed, in order, for a watch to go through as kubectl hears each event (none where the reader
 * keeps no history, or too many changed). Each is read before the next is made (see ReaderHistory.at).
 */
export function* momentsSince(
  reader: ClusterReader,
  kind: Kind | null,
  since: number,
): Generator<ClusterReader> {
  const history = reader.history;
  if (!history || !kind || reader.now <= since) return;
  const moments = history.changedAt(kind, since).filter((t) => t < reader.now);
  if (moments.length > MAX_MOMENTS) return;
  for (const t of moments) yield history.at(t);
}

/** `list` and `get` over objects keyed by etcd key (a list in key order, as a range read gives it). */
export function objectAccess(objects: ReadonlyMap<string, KubeObject>): Pick<ClusterReader, 'list' | 'get'> {
  let sorted: [string, KubeObject][] | null = null;
  const entries = () => (sorted ??= [...objects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    list<K extends Kind>(kind: K, namespace?: string): ObjectOfKind<K>[] {
      const info = RESOURCES[kind];
      const prefix = info.etcdPrefix + (namespace && info.namespaced ? `${namespace}/` : '');
      return entries()
        .filter(([key]) => key.startsWith(prefix))
        .map(([, o]) => o as ObjectOfKind<K>);
    },
    get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ObjectOfKind<K> | undefined {
      const ns = RESOURCES[kind].namespaced ? (namespace ?? 'default') : undefined;
      return objects.get(etcdKey(kind, ns, name)) as ObjectOfKind<K> | undefined;
    },
  };
}
