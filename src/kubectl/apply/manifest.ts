/**
 * A manifest's text → API objects, with kubectl's errors and this page's limits: size, document
 * count, YAML aliases (an alias bomb fails at once), the kinds this cluster serves, field types
 * the API server would refuse to decode, and replicas.
 */
import type { KubeObject } from '../../engine/api/types';
import {
  MAX_DOCUMENTS,
  MAX_MANIFEST_BYTES,
  MAX_MANIFEST_LINES,
  MAX_REPLICAS,
  MAX_YAML_ALIASES,
} from '../limits';
import { yamlModule } from './yamlModule';
import { checkShape } from './shape';
import { invalid } from '../../engine/apiserver/request';
import { validate } from '../../engine/apiserver/validation';
import { serverError } from '../output';

export const APPLICABLE: Record<string, string> = {
  Pod: 'v1',
  Service: 'v1',
  Namespace: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  DaemonSet: 'apps/v1',
};

/** Each parsed object's document as written (what `kubectl apply` keeps in its annotation). */
const written = new WeakMap<KubeObject, Record<string, unknown>>();

/** The document an object was parsed from, before defaults were filled in. */
export const writtenManifest = (o: KubeObject) => written.get(o);

export type ManifestResult = { ok: true; objects: KubeObject[] } | { ok: false; error: string };

const utf8Length = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
};

/** `source` is how kubectl names the input: `STDIN` or the file name. */
export function parseManifest(text: string, source: string): ManifestResult {
  const size = utf8Length(text);
  if (size >= MAX_MANIFEST_BYTES)
    return {
      ok: false,
      error: `error: ${source} is ${size} bytes; this simulated cluster takes manifests smaller than ${MAX_MANIFEST_BYTES} bytes (256 KiB, so the page parses it without freezing)`,
    };
  const lines = text.match(/\n/g)?.length ?? 0;
  if (lines > MAX_MANIFEST_LINES)
    return {
      ok: false,
      error: `error: ${source} has ${lines} lines; this simulated cluster takes manifests of at most ${MAX_MANIFEST_LINES} lines`,
    };
  const separators = text.match(/^---/gm)?.length ?? 0;
  if (separators + 1 > MAX_DOCUMENTS + 1)
    return {
      ok: false,
      error: `error: ${source} holds more than ${MAX_DOCUMENTS} documents; this simulated cluster takes at most ${MAX_DOCUMENTS} per apply`,
    };
  const yaml = yamlModule();
  if (!yaml) return { ok: false, error: 'error: the YAML parser is still loading; run the command again' };
  const docs = yaml.parseAllDocuments(text, { uniqueKeys: false, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: KubeObject[] = [];
  for (const doc of list) {
    const bad = doc.errors[0];
    if (bad) {
      const line = bad.linePos?.[0]?.line ?? 1;
      const why = bad.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return {
        ok: false,
        error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${why}`,
      };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      return {
        ok: false,
        error: `error: error parsing ${source}: ${(e as Error).message} (this simulated cluster allows at most ${MAX_YAML_ALIASES} aliases per document)`,
      };
    }
    if (value === null || value === undefined) continue;
    const checked = toObject(value, source);
    if (typeof checked === 'string') return { ok: false, error: checked };
    objects.push(...checked);
  }
  if (!objects.length) return { ok: false, error: 'error: no objects passed to apply' };
  return { ok: true, objects };
}

function toObject(value: unknown, source: string): KubeObject[] | string {
  if (typeof value !== 'object' || Array.isArray(value))
    return `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`;
  const o = value as Record<string, unknown>;
  if (o.kind === 'List' && Array.isArray(o.items)) {
    const out: KubeObject[] = [];
    for (const item of o.items) {
      const r = toObject(item, source);
      if (typeof r === 'string') return r;
      out.push(...r);
    }
    return out;
  }
  const json = () => JSON.stringify(value).slice(0, 200);
  if (typeof o.kind !== 'string' || !o.kind)
    return `error: unable to decode "${source}": Object 'Kind' is missing in '${json()}'`;
  if (typeof o.apiVersion !== 'string' || !o.apiVersion)
    return `error: unable to decode "${source}": Object 'apiVersion' is missing in '${json()}'`;
  const meta = (o.metadata ?? {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (APPLICABLE[o.kind] !== o.apiVersion)
    return `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`;
  const shape = checkShape(o, source);
  if (shape) return shape;
  const spec = o.spec as Record<string, unknown> | undefined;
  if (
    (o.kind === 'Deployment' || o.kind === 'ReplicaSet') &&
    typeof spec?.replicas === 'number' &&
    spec.replicas > MAX_REPLICAS
  )
    return `error: ${o.kind} "${name}": this simulated cluster allows at most ${MAX_REPLICAS} replicas (asked for ${spec.replicas})`;
  const object = {
    ...o,
    metadata: {
      ...meta,
      name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    ...(o.kind === 'Namespace' ? { spec: {}, status: { phase: 'Active' } } : { status: {} }),
    ...((o.kind === 'Deployment' || o.kind === 'ReplicaSet') && spec?.replicas === undefined
      ? { spec: { ...spec, replicas: 1 } }
      : {}),
  } as unknown as KubeObject;
  // What kube-apiserver's validation would refuse is refused here with its words: the engine's
  // defaulting expects the structure validation guarantees.
  const problems = validate(object);
  if (problems.length) return serverError(invalid(object.kind, name, problems));
  written.set(object, o);
  return [object];
}
