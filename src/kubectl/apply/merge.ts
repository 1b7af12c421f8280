/**
 * What `kubectl apply` sends for an object that exists, approximated: the live object with the
 * manifest's fields laid over it (lists of the same length merged item by item, else replaced),
 * so fields the API server filled in (clusterIP, defaults) stay. Unchanged when the manifest adds nothing.
 */
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function overlay(live: unknown, manifest: unknown): unknown {
  if (isObject(live) && isObject(manifest)) {
    const out: Record<string, unknown> = { ...live };
    for (const [k, v] of Object.entries(manifest)) out[k] = overlay(live[k], v);
    return out;
  }
  if (Array.isArray(live) && Array.isArray(manifest) && live.length === manifest.length)
    return manifest.map((m, i) => overlay(live[i], m));
  return manifest;
}

/** Every field of `manifest` has the same value in `live`. */
export function isSubset(manifest: unknown, live: unknown): boolean {
  if (isObject(manifest))
    return isObject(live) && Object.entries(manifest).every(([k, v]) => isSubset(v, live[k]));
  if (Array.isArray(manifest))
    return (
      Array.isArray(live) && live.length === manifest.length && manifest.every((m, i) => isSubset(m, live[i]))
    );
  return (
    manifest === live ||
    (typeof live === 'string' && typeof manifest === 'number' && live === String(manifest))
  );
}
