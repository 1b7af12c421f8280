/**
 * JSON merge patch (RFC 7386), as kube-apiserver applies `application/merge-patch+json`: objects
 * merge key by key, `null` removes a key, anything else (lists included) replaces what was there.
 */
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** The merge patch that turns `from` into `to` (undefined when they are the same). */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return JSON.stringify(from) === JSON.stringify(to) ? undefined : to;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    if (value === undefined) continue;
    const inner = createMergePatch(from[key], value);
    if (inner !== undefined) patch[key] = inner;
  }
  return Object.keys(patch).length ? patch : undefined;
}
