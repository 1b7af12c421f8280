/**
 * What `kubectl apply` sends for an object that exists: client-side apply's three-way merge. The
 * manifest (modified) wins wherever it says something; a field the last applied manifest
 * (original) had and this one has not is removed; everything else on the live object (current)
 * stays, so fields the API server or another client filled in (clusterIP, defaults) survive.
 * Lists the API merges by a key (containers by name, ports by port, …) are merged item by item,
 * as strategic merge patch does; other lists are replaced whole.
 */
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patchMergeKey of each merged list, by its field name (the core/v1 and apps/v1 types). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};

/**
 * `ports` is merged by `containerPort` in a container and by `port` in a Service; the field's
 * parent decides (a container has a name and an image).
 */
function mergeKeyOf(field: string, parent: JsonObject | undefined): string | undefined {
  if (field === 'ports') return parent && 'image' in parent ? 'containerPort' : 'port';
  return Object.hasOwn(MERGE_KEYS, field) ? MERGE_KEYS[field] : undefined;
}

export function threeWayMerge(original: Json, modified: Json, current: Json): Json {
  return mergeValue(undefined, undefined, original, modified, current);
}

function mergeValue(
  field: string | undefined,
  parent: JsonObject | undefined,
  original: Json,
  modified: Json,
  current: Json,
): Json {
  if (isObject(modified) && isObject(current))
    return mergeObjects(isObject(original) ? original : {}, modified, current);
  const key = field === undefined ? undefined : mergeKeyOf(field, parent);
  if (key && Array.isArray(modified) && Array.isArray(current))
    return mergeLists(key, Array.isArray(original) ? original : [], modified, current);
  return modified;
}

function mergeObjects(original: JsonObject, modified: JsonObject, current: JsonObject): JsonObject {
  const out: JsonObject = { ...current };
  for (const [k, v] of Object.entries(modified)) out[k] = mergeValue(k, modified, original[k], v, current[k]);
  for (const k of Object.keys(original)) if (!(k in modified)) delete out[k];
  return out;
}

function mergeLists(key: string, original: Json[], modified: Json[], current: Json[]): Json[] {
  const keyOf = (item: Json) => (isObject(item) ? item[key] : undefined);
  const find = (list: Json[], k: Json) => list.find((item) => keyOf(item) === k);
  const merged = modified.map((item) => {
    const k = keyOf(item);
    return mergeValue(undefined, undefined, find(original, k), item, find(current, k));
  });
  // Items someone else added stay; those the last manifest had and this one dropped go.
  const kept = current.filter((item) => {
    const k = keyOf(item);
    return find(modified, k) === undefined && find(original, k) === undefined;
  });
  return [...merged, ...kept];
}

/** The same JSON value (objects compared key by key, in any order). */
export function sameJson(a: Json, b: Json): boolean {
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  return a === b;
}

export { sortedJson } from '../../engine/core/sortedJson';
