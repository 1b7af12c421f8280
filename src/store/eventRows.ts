/**
 * The cluster's Events at the cursor as `kubectl get events` lists them (oldest first, by last
 * seen), with the virtual time of each so a click can jump there.
 */
import { eventCount, eventLastSeen } from '../engine/api/eventTimes';
import type { KubeEvent, KubeObject } from '../engine/api/types';
import { RUN_EPOCH_MS } from '../engine/core/time';
import { humanDuration } from '../kubectl/humanDuration';

export interface EventRow {
  readonly key: string;
  readonly lastSeen: string;
  readonly type: string;
  readonly reason: string;
  /** `pod/web-5d8f-abcde`, as kubectl prints involvedObject. */
  readonly object: string;
  readonly message: string;
  readonly count: number;
  /** Virtual ms of the last occurrence (timestamps have whole seconds: its second's last ms, when it has surely happened). */
  readonly time: number;
  /** etcd's revision of the Event: the order writes happened in, within one second too. */
  readonly revision: number;
  readonly namespace: string;
  readonly involvedKind: string;
  readonly involvedName: string;
}

export const virtualTimeOf = (timestamp: string) => Date.parse(timestamp) - RUN_EPOCH_MS;

/**
 * The run's time by which an Event has surely last happened: the end of the second of its last
 * time (core/v1 Events keep whole seconds; events.k8s.io ones microseconds, read the same way).
 */
export const eventSeenBy = (e: KubeEvent) => Math.floor(virtualTimeOf(eventLastSeen(e)) / 1000) * 1000 + 999;

export function eventRows(objects: ReadonlyMap<string, KubeObject>, now: number): EventRow[] {
  const rows: EventRow[] = [];
  for (const [key, o] of objects) {
    if (o.kind !== 'Event') continue;
    const e = o as KubeEvent;
    const time = eventSeenBy(e);
    rows.push({
      key,
      lastSeen: humanDuration(now - (time - 999)),
      type: e.type,
      reason: e.reason,
      object: `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      message: e.message,
      count: eventCount(e),
      time,
      revision: Number(e.metadata.resourceVersion) || 0,
      namespace: e.metadata.namespace ?? 'default',
      involvedKind: e.involvedObject.kind,
      involvedName: e.involvedObject.name,
    });
  }
  return rows.sort((a, b) => a.time - b.time || a.revision - b.revision);
}

export { humanDuration };
