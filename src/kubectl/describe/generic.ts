/**
 * kubectl's generic describer, for kinds without a describer of their own (Lease, Event,
 * ControllerRevision): name, namespace, labels and annotations, then every other field of the
 * object's JSON, keys sorted and named as smartLabelFor names them, then the Events.
 */
import type { KubeObject } from '../../engine/api/types';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels } from './common';

/** Printed above the content already, or never (printUnstructuredContent's skip list). */
const SKIPPED = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

export function describeGeneric(o: KubeObject, reader: ClusterReader): string {
  const lines = [
    `Name:\t${o.metadata.name}`,
    `Namespace:\t${o.metadata.namespace ?? ''}`,
    ...labels('Labels', o.metadata.labels),
    ...annotations('Annotations', o.metadata.annotations),
  ];
  unstructured(lines, 0, JSON.parse(JSON.stringify(o)) as Record<string, unknown>, '');
  lines.push(...events(reader, o));
  return flush(lines);
}

function unstructured(out: string[], level: number, content: Record<string, unknown>, prefix: string): void {
  const indent = '  '.repeat(level);
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    const value = content[field];
    if (Array.isArray(value)) {
      out.push(`${indent}${smartLabelFor(field)}:`);
      for (const child of value)
        if (isMap(child)) unstructured(out, level + 1, child, path);
        else out.push(`${indent}  ${goValue(child)}`);
    } else if (isMap(value)) {
      out.push(`${indent}${smartLabelFor(field)}:`);
      unstructured(out, level + 1, value, path);
    } else out.push(`${indent}${smartLabelFor(field)}:\t${goValue(value)}`);
  }
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's %v of a JSON value: null is <nil>. */
const goValue = (v: unknown): string => (v === null || v === undefined ? '<nil>' : String(v));

/** `holderIdentity` → `Holder Identity`, `uid` → `UID`; a name with other than letters and '-' stays as it is. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  // camelcase.Split: a new word at each lower-to-upper change, and before the last of a run of capitals followed by lower case.
  const parts = field.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|-+/gu) ?? [field];
  return parts
    .map((part) =>
      ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}
