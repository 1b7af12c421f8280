/** Pieces every describer writes (staging/src/k8s.io/kubectl/pkg/describe/describe.go). */
import { eventCount, eventFirstSeen, eventFrom, eventLastSeen } from '../../engine/api/eventTimes';
import type { KubeEvent, KubeObject, ObjectMeta, Toleration } from '../../engine/api/types';
import { wallClock, age } from '../format/age';
import { tabwrite } from '../format/tabwriter';
import type { ClusterReader } from '../types';
import { LAST_APPLIED } from '../apply/apply';

/** describe's writer: tabwriter(minwidth 0, tabwidth 8, padding 2). Lines use `\t` between cells. */
export const flush = (lines: readonly string[]) => tabwrite(lines.join('\n'), 0, 2);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in UTC: `Thu, 15 Jan 2026 09:00:10 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return '<unset>';
  const d = new Date(timestamp);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

export const sortedEntries = (m: Record<string, string> | undefined) =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** printLabelsMultiline: `Labels:\tk=v`, then `\tk=v` per further label, or `<none>`. */
export function labels(title: string, m: Record<string, string> | undefined, indent = ''): string[] {
  const entries = sortedEntries(m);
  if (!entries.length) return [`${indent}${title}:\t<none>`];
  return entries.map(([k, v], i) => (i === 0 ? `${indent}${title}:\t${k}=${v}` : `${indent}\t${k}=${v}`));
}

/** printAnnotationsMultiline: `key: value`; kubectl apply's own annotation is left out (skipAnnotations). */
export function annotations(title: string, m: Record<string, string> | undefined, indent = ''): string[] {
  const entries = sortedEntries(m).filter(([k]) => k !== LAST_APPLIED);
  if (!entries.length) return [`${indent}${title}:\t<none>`];
  return entries.map(([k, v], i) => (i === 0 ? `${indent}${title}:\t${k}: ${v}` : `${indent}\t${k}: ${v}`));
}

export function tolerations(list: readonly Toleration[] | undefined, indent = ''): string[] {
  if (!list?.length) return [`${indent}Tolerations:\t<none>`];
  // printTolerationsMultilineWithIndent sorts them by key (no key first).
  const sorted = [...list].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  return sorted.map((t, i) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    return i === 0 ? `${indent}Tolerations:\t${s}` : `${indent}\t${s}`;
  });
}

/** The Events table for an object, oldest first, or `Events:\t<none>`. */
export function events(
  reader: ClusterReader,
  object: { readonly kind: string; readonly metadata: ObjectMeta },
): string[] {
  if (reader.hideEvents) return [];
  const list = reader
    .list('Event', object.metadata.namespace ?? undefined)
    .filter(
      (e) =>
        e.involvedObject.kind === object.kind &&
        e.involvedObject.name === object.metadata.name &&
        (e.involvedObject.namespace ?? '') ===
          (object.metadata.namespace ?? e.involvedObject.namespace ?? ''),
    )
    // kubectl's SortableEvents: by lastTimestamp, which events.k8s.io Events leave null, so the
    // scheduler's come first; ties keep the list's order (by name: each object's in creation order).
    .sort((a, b) => lastTimestampMillis(a) - lastTimestampMillis(b));
  if (!list.length) return ['Events:\t<none>'];
  return [
    'Events:',
    '  Type\tReason\tAge\tFrom\tMessage',
    '  ----\t------\t----\t----\t-------',
    ...list.map((e) => {
      const first = age(reader.now, eventFirstSeen(e));
      const count = eventCount(e);
      const when = count > 1 ? `${age(reader.now, eventLastSeen(e))} (x${count} over ${first})` : first;
      return `  ${e.type}\t${e.reason}\t${when}\t${eventFrom(e)}\t${e.message.trim()}`;
    }),
  ];
}

/** lastTimestamp as a number to sort by; null is the zero time, before every other. */
const lastTimestampMillis = (e: KubeEvent) =>
  e.lastTimestamp ? Date.parse(e.lastTimestamp) : Number.MIN_SAFE_INTEGER;

/** Whole seconds since a timestamp at the reader's moment. */
export const secondsSince = (now: number, ts: string) => Math.floor((wallClock(now) - Date.parse(ts)) / 1000);

/** `Kind/name` of the controlling owner, if any. */
export function controlledBy(object: KubeObject): string | undefined {
  const owner = object.metadata.ownerReferences?.find((r) => r.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}
