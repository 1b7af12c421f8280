/** `kubectl apply -f FILE|-` and `kubectl create -f`: each object created, configured or unchanged, as the API answers. */
import type { KubeObject } from '../../engine/api/types';
import type { Cluster } from '../../engine/cluster';
import type { Verb, VerbContext } from '../commands/context';
import { errorCommand, fail, ok, serverError } from '../output';
import { typeOfKind } from '../resourceTypes';
import type { Command, Output } from '../types';
import { parseManifest, writtenManifest } from './manifest';
import { createMergePatch } from '../../engine/api/mergePatch';
import type { ApiResult } from '../../engine/apiserver/request';
import { sameJson, sortedJson, threeWayMerge } from './merge';
import { CHANGE_CAUSE, changeCause, RECORD_FLAG, RECORD_WARNING } from '../commands/record';

export const prefixOf = (kind: string) => typeOfKind(kind)?.prefix ?? kind.toLowerCase();

/** Reads `-f` from the command's input: `-` is stdin, anything else a file the terminal was given. */
function manifestText(ctx: VerbContext): { text: string; source: string } | string {
  const file = ctx.args.flags.get('filename');
  if (file === undefined) return 'error: must specify one of -f and -k';
  if (file === '-') {
    if (ctx.input?.stdin === undefined) return 'error: no objects passed to apply';
    return { text: ctx.input.stdin, source: 'STDIN' };
  }
  const text = ctx.input?.files?.get(file);
  if (text === undefined) return `error: the path "${file}" does not exist`;
  return { text, source: file };
}

function withNamespace(o: KubeObject, ctx: VerbContext): KubeObject | string {
  if (o.kind === 'Namespace') return o;
  const own = o.metadata.namespace;
  if (own && ctx.namespaceSet && own !== ctx.namespace)
    return `error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`;
  return { ...o, metadata: { ...o.metadata, namespace: own || ctx.namespace } } as KubeObject;
}

function manifestCommand(ctx: VerbContext, mode: 'apply' | 'create'): Command {
  const input = manifestText(ctx);
  if (typeof input === 'string') return errorCommand(input);
  const parsed = parseManifest(input.text, input.source);
  if (!parsed.ok) return errorCommand(parsed.error);
  const objects: { object: KubeObject; written: Written }[] = [];
  const cause = changeCause(mode, ctx.args);
  for (const o of parsed.objects) {
    const named = withNamespace(o, ctx);
    if (typeof named === 'string') return errorCommand(named);
    const placed = cause ? withChangeCause(named, cause) : named;
    // kubectl sets the namespace on the object before it keeps the manifest in its annotation.
    const asWritten = writtenManifest(o) ?? {};
    const asRead = (asWritten.metadata ?? {}) as Record<string, unknown>;
    // The recorded cause is part of what kubectl keeps as last applied, too.
    const metadata = cause
      ? {
          ...asRead,
          annotations: {
            ...(asRead.annotations as Record<string, string> | undefined),
            [CHANGE_CAUSE]: cause,
          },
        }
      : asRead;
    objects.push({
      object: placed,
      written: placed.metadata.namespace
        ? { ...asWritten, metadata: { ...metadata, namespace: placed.metadata.namespace } }
        : cause
          ? { ...asWritten, metadata }
          : asWritten,
    });
  }
  return {
    type: 'write',
    line: ctx.line,
    run(cluster, print) {
      if (cause) print(RECORD_WARNING);
      // Sent in order, one after the other as kubectl does: the next goes when the last has its answer.
      const next = (i: number) => {
        if (i >= objects.length) return;
        applyOne(cluster, objects[i]!.object, objects[i]!.written, mode, input.source, print, (out) => {
          print(out);
          next(i + 1);
        });
      };
      next(0);
    },
  };
}

/** The Recorder: the command line in the object's change-cause annotation, before anything is sent. */
function withChangeCause(o: KubeObject, cause: string): KubeObject {
  return {
    ...o,
    metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, [CHANGE_CAUSE]: cause } },
  } as KubeObject;
}

/** A manifest's document as written, namespace set. */
type Written = Record<string, unknown>;

function applyOne(
  cluster: Cluster,
  o: KubeObject,
  written: Written,
  mode: 'apply' | 'create',
  source: string,
  warn: (out: Output) => void,
  done: (out: Output) => void,
): void {
  const id = `${prefixOf(o.kind)}/${o.metadata.name}`;
  const existing = o.metadata.name ? cluster.get(o.kind, o.metadata.namespace, o.metadata.name) : undefined;
  if (existing && mode === 'create') {
    done(fail(`Error from server (AlreadyExists): error when creating "${source}": ${alreadyExists(o)}`));
    return;
  }
  const answer = (r: ApiResult) => {
    if (r.ok) done(ok(`${id} ${existing ? 'configured' : 'created'}`));
    else if (r.error.reason === 'Invalid') done(fail(serverError(r.error)));
    else
      done(
        fail(
          `Error from server (${r.error.reason}): error when ${existing ? 'applying patch' : 'creating'} "${source}": ${serverError(r.error).replace(/^Error from server \([A-Za-z]+\): /, '')}`,
        ),
      );
  };
  if (mode === 'create') return cluster.apply(o, answer);
  const applied = appliedObject(o, written, existing, warn, done);
  if (!applied) return;
  // A new object is created; an existing one gets a merge PATCH of what changes (no resourceVersion,
  // so a controller writing status meanwhile is no conflict).
  if (!existing) return cluster.apply(applied, answer);
  cluster.patch(
    existing.kind,
    existing.metadata.namespace,
    existing.metadata.name,
    createMergePatch(appliedParts(existing), appliedParts(applied)) ?? {},
    answer,
  );
}

/** The annotation in which `kubectl apply` keeps the manifest it applied last. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The parts of an object a manifest sets and apply merges: labels, annotations and spec. */
const appliedParts = (o: KubeObject) => ({
  metadata: { labels: o.metadata.labels ?? {}, annotations: o.metadata.annotations ?? {} },
  spec: (o as { spec?: unknown }).spec,
});

/**
 * What client-side apply sends: a new object carries its manifest in the last-applied annotation;
 * an existing one gets the three-way merge of that annotation, the manifest and the live object.
 * Undefined (after printing `unchanged`) when the merge changes nothing.
 */
function appliedObject(
  o: KubeObject,
  written: Written,
  existing: KubeObject | undefined,
  warn: (out: Output) => void,
  done: (out: Output) => void,
): KubeObject | undefined {
  const ownAnnotations = { ...o.metadata.annotations };
  delete ownAnnotations[LAST_APPLIED];
  // kubectl keeps the manifest as written, with an empty annotations map where it had none, as
  // Go writes JSON (keys sorted), and a newline.
  const writtenMeta = (written.metadata ?? {}) as Record<string, unknown>;
  const lastApplied = `${sortedJson({ ...written, metadata: { ...writtenMeta, annotations: ownAnnotations } })}\n`;
  const annotated = {
    ...o,
    metadata: { ...o.metadata, annotations: { ...ownAnnotations, [LAST_APPLIED]: lastApplied } },
  } as KubeObject;
  if (!existing) return annotated;
  const id = `${prefixOf(o.kind)}/${o.metadata.name}`;
  const previous = existing.metadata.annotations?.[LAST_APPLIED];
  let original: KubeObject | undefined;
  try {
    original = previous ? (JSON.parse(previous) as KubeObject) : undefined;
  } catch {
    original = undefined;
  }
  const current = appliedParts(existing);
  const merged = threeWayMerge(
    original ? appliedParts(original) : {},
    appliedParts(annotated),
    current,
  ) as typeof current;
  if (sameJson(merged, current)) {
    done(ok(`${id} unchanged`));
    return undefined;
  }
  if (previous === undefined) warn(fail(missingAnnotationWarning(existing)));
  return {
    ...annotated,
    metadata: {
      ...annotated.metadata,
      labels: merged.metadata.labels,
      annotations: merged.metadata.annotations,
    },
    spec: merged.spec,
  } as KubeObject;
}

const missingAnnotationWarning = (o: KubeObject) =>
  `Warning: resource ${typeOfKind(o.kind)?.name ?? o.kind.toLowerCase()}/${o.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;

const alreadyExists = (o: KubeObject) => {
  const t = typeOfKind(o.kind);
  const group = t && t.apiVersion.includes('/') ? `.${t.apiVersion.split('/')[0]}` : '';
  return `${t?.name ?? o.kind.toLowerCase()}${group} "${o.metadata.name}" already exists`;
};

const FILE_FLAGS = {
  ...RECORD_FLAG,
  filename: { type: 'string', short: 'f' },
  validate: { type: 'string' },
  'dry-run': { type: 'string' },
  'server-side': { type: 'bool' },
} as const;

export const apply: Verb = {
  flags: FILE_FLAGS,
  run: (ctx) => manifestCommand(ctx, 'apply'),
};

export const createFromFile = (ctx: VerbContext) => manifestCommand(ctx, 'create');
export { FILE_FLAGS };
