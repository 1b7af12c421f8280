/** `kubectl apply -f FILE|-` and `kubectl create -f`: each object created, configured or unchanged, as the API answers. */
import type { KubeObject } from '../../engine/api/types';
import type { Cluster } from '../../engine/cluster';
import type { Verb, VerbContext } from '../commands/context';
import { errorCommand, fail, ok, serverError } from '../output';
import { typeOfKind } from '../resourceTypes';
import type { Command, Output } from '../types';
import { parseManifest } from './manifest';
import { isSubset, overlay } from './merge';

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
  const objects: KubeObject[] = [];
  for (const o of parsed.objects) {
    const placed = withNamespace(o, ctx);
    if (typeof placed === 'string') return errorCommand(placed);
    objects.push(placed);
  }
  return {
    type: 'write',
    line: ctx.line,
    run(cluster, print) {
      // Sent in order, one after the other as kubectl does: the next goes when the last has its answer.
      const next = (i: number) => {
        if (i >= objects.length) return;
        applyOne(cluster, objects[i]!, mode, input.source, (out) => {
          print(out);
          next(i + 1);
        });
      };
      next(0);
    },
  };
}

function applyOne(
  cluster: Cluster,
  o: KubeObject,
  mode: 'apply' | 'create',
  source: string,
  done: (out: Output) => void,
): void {
  const id = `${prefixOf(o.kind)}/${o.metadata.name}`;
  const existing = o.metadata.name ? cluster.get(o.kind, o.metadata.namespace, o.metadata.name) : undefined;
  if (existing && mode === 'create') {
    done(fail(`Error from server (AlreadyExists): error when creating "${source}": ${alreadyExists(o)}`));
    return;
  }
  const asked = {
    spec: (o as { spec?: unknown }).spec,
    labels: o.metadata.labels ?? {},
    annotations: o.metadata.annotations ?? {},
  };
  if (existing) {
    const live = {
      spec: (existing as { spec?: unknown }).spec,
      labels: existing.metadata.labels ?? {},
      annotations: existing.metadata.annotations ?? {},
    };
    if (isSubset(asked, live)) {
      done(ok(`${id} unchanged`));
      return;
    }
    const merged = overlay(live, asked) as typeof live;
    o = {
      ...o,
      metadata: { ...o.metadata, labels: merged.labels, annotations: merged.annotations },
      spec: merged.spec,
    } as KubeObject;
  }
  cluster.apply(o, (r) => {
    if (r.ok) done(ok(`${id} ${existing ? 'configured' : 'created'}`));
    else if (r.error.reason === 'Invalid') done(fail(serverError(r.error)));
    else
      done(
        fail(
          `Error from server (${r.error.reason}): error when ${existing ? 'applying patch' : 'creating'} "${source}": ${serverError(r.error).replace(/^Error from server \([A-Za-z]+\): /, '')}`,
        ),
      );
  });
}

const alreadyExists = (o: KubeObject) => {
  const t = typeOfKind(o.kind);
  const group = t && t.apiVersion.includes('/') ? `.${t.apiVersion.split('/')[0]}` : '';
  return `${t?.name ?? o.kind.toLowerCase()}${group} "${o.metadata.name}" already exists`;
};

const FILE_FLAGS = {
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
