/**
 * `--sort-by=.metadata.creationTimestamp` (or `{.status.containerStatuses[0].restartCount}`): a
 * JSONPath field path, as kubectl's sorter takes it. Numbers sort as numbers, everything else as
 * text (RFC 3339 timestamps sort in time order so); objects without the field come first.
 */
export type FieldPath = readonly (string | number)[];

/** The path's steps, or kubectl's error. */
export function parseSortBy(text: string): FieldPath | string {
  let inner = text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
  if (!inner.startsWith('.')) inner = `.${inner}`;
  if (!/^(\.[A-Za-z0-9_-]+(\[\d+\])*)+$/.test(inner))
    return `error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`;
  const steps: (string | number)[] = [];
  for (const m of inner.matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g))
    steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return steps;
}

function valueAt(object: unknown, path: FieldPath): unknown {
  let v: unknown = object;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** `items` sorted by the value at `path` of each one's object (stable for equal values), or kubectl's error when none has it. */
export function sortByPath<T extends { readonly object: unknown }>(
  items: readonly T[],
  path: FieldPath,
  text: string,
): T[] | string {
  const keyed = items.map((item, i) => ({ item, i, v: valueAt(item.object, path) }));
  if (keyed.length && keyed.every((k) => k.v === undefined))
    return `error: couldn't find any field with path "{${text.replace(/^\{|\}$/g, '')}}" in the list of objects`;
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? -1 : 1;
    if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v || a.i - b.i;
    const x = String(a.v);
    const y = String(b.v);
    return x < y ? -1 : x > y ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.item);
}
