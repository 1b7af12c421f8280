/**
 * `kubectl wait (TYPE/NAME… | TYPE [NAME…] | TYPE -l SEL | TYPE --all) --for=… [--timeout=30s]`:
 * follows the objects as time goes on and prints `KIND/NAME condition met` for each, in order,
 * once `--for` holds: `condition=Available` (status `True` unless `=VALUE` says otherwise, compared
 * without case), `jsonpath={…}[=VALUE]`, `delete` or `create`. Past the timeout it stops with
 * `error: timed out waiting for the condition on TYPE/NAME`.
 */
import type { KubeObject } from '../../engine/api/types';
import { evaluate } from '../jsonpath/evaluate';
import { goValue } from '../jsonpath/goFormat';
import { JsonPathError, parseTemplate, type Path } from '../jsonpath/parse';
import { errorCommand, fail, ok } from '../output';
import { flagTrue } from '../parse/flags';
import { durationFlag } from '../parse/goDuration';
import { matches, parseSelector } from '../parse/selector';
import { resolveTargets } from '../get/get';
import type { ResourceType } from '../resourceTypes';
import type { ClusterReader, Command, Output } from '../types';
import type { Verb } from './context';

const WEEK_MS = 7 * 24 * 3_600_000;

const NO_RESOURCES = [
  'error: You must provide one or more resources by argument or filename.',
  'Example resource specifications include:',
  "   '-f rsrc.yaml'",
  "   '--filename=rsrc.json'",
  "   '<resource> <name>'",
  "   '<resource>'",
].join('\n');

/** What `--for` asks of one object (undefined: it is gone). */
type Condition =
  { readonly kind: 'delete' | 'create' } | { readonly kind: 'test'; holds(o: KubeObject): boolean };

function parseFor(text: string | undefined): Condition | string {
  if (text === undefined || text === '') return 'error: --for must be set';
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const spec = text.slice('condition='.length);
    const eq = spec.indexOf('=');
    const type = eq < 0 ? spec : spec.slice(0, eq);
    const want = eq < 0 ? 'true' : spec.slice(eq + 1);
    if (!type) return `error: unrecognized condition: "${text}"`;
    return { kind: 'test', holds: (o) => conditionHolds(o, type, want) };
  }
  if (lower.startsWith('jsonpath=')) return jsonPathCondition(text, text.slice('jsonpath='.length));
  return `error: unrecognized condition: "${text}"`;
}

/** The object's status condition of this type has this status; a stale one (older generation) does not count. */
function conditionHolds(o: KubeObject, type: string, want: string): boolean {
  const status = (o as { status?: { conditions?: unknown } }).status;
  const conditions = Array.isArray(status?.conditions)
    ? (status.conditions as Record<string, unknown>[])
    : [];
  const generation = o.metadata.generation;
  return conditions.some(
    (c) =>
      String(c.type).toLowerCase() === type.toLowerCase() &&
      String(c.status).toLowerCase() === want.toLowerCase() &&
      (typeof c.observedGeneration !== 'number' ||
        generation === undefined ||
        c.observedGeneration >= generation),
  );
}

/** `jsonpath={.status.phase}=Running`, or `jsonpath={.status.loadBalancer.ingress}` (the field exists). */
function jsonPathCondition(text: string, spec: string): Condition | string {
  const close = spec.lastIndexOf('}');
  if (!spec.startsWith('{') || close < 0) return `error: unrecognized condition: "${text}"`;
  const expression = spec.slice(0, close + 1);
  const rest = spec.slice(close + 1);
  if (rest !== '' && !rest.startsWith('=')) return `error: unrecognized condition: "${text}"`;
  let path: Path;
  try {
    const segments = parseTemplate(expression);
    const only = segments.length === 1 ? segments[0] : undefined;
    if (!only || only.type !== 'path') return `error: unrecognized condition: "${text}"`;
    path = only.path;
  } catch (e) {
    if (e instanceof JsonPathError) return `error: ${e.message}`;
    throw e;
  }
  const want = rest === '' ? undefined : rest.slice(1);
  return {
    kind: 'test',
    holds(o) {
      let found: unknown[];
      try {
        found = evaluate([o], path);
      } catch {
        return false;
      }
      if (want === undefined) return found.length > 0;
      return found.length === 1 && typeof found[0] !== 'object' && goValue(found[0]) === want;
    },
  };
}

interface Target {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
}

export const wait: Verb = {
  flags: {
    for: { type: 'string' },
    timeout: { type: 'string' },
    selector: { type: 'string', short: 'l' },
    all: { type: 'bool' },
    'all-namespaces': { type: 'bool', short: 'A' },
    output: { type: 'string', short: 'o' },
  },
  run({ args, namespace }): Command {
    const output = args.flags.get('output');
    if (output !== undefined && output !== 'name')
      return errorCommand(
        `error: this simulated kubectl prints kubectl wait's objects as "condition met" lines, or with -o name; not -o ${output}`,
      );
    // -o name: kubectl's name printer without the "condition met" operation.
    const operation = output === 'name' ? '' : ' condition met';
    const condition = parseFor(args.flags.get('for'));
    if (typeof condition === 'string') return errorCommand(condition);
    const timeout = durationFlag(args, 'timeout', 30_000);
    if (typeof timeout === 'string') return errorCommand(timeout);
    if (!args.positional.length) return errorCommand(NO_RESOURCES);
    const request = resolveTargets(args.positional, 'wait');
    if (typeof request === 'string') return errorCommand(request);
    const selText = args.flags.get('selector');
    const selector = selText === undefined ? undefined : parseSelector(selText);
    if (typeof selector === 'string') return errorCommand(selector);
    const everything = flagTrue(args, 'all');
    const allNs = flagTrue(args, 'all-namespaces');
    if (!request.names.length && !selector && !everything)
      return errorCommand('error: resource(s) were provided, but no name was specified');
    if (request.types.some((t) => !t.engineKind))
      return errorCommand(`error: the server doesn't have a resource type "${request.types[0]!.name}"`);

    const nsOf = (type: ResourceType) => (type.namespaced ? namespace : undefined);
    /** The objects to wait on, found when the command starts (a selector is not looked at again). */
    const findTargets = (reader: ClusterReader): Target[] | Output => {
      if (request.names.length) return request.names.map((n) => ({ ...n, namespace: nsOf(n.type) }));
      const found: Target[] = [];
      for (const type of request.types)
        for (const o of reader.list(type.engineKind!, type.namespaced && !allNs ? namespace : undefined))
          if (!selector || matches(selector, o.metadata.labels))
            found.push({ type, namespace: o.metadata.namespace, name: o.metadata.name });
      if (!found.length && condition.kind !== 'delete') return fail('error: no matching resources found');
      return found;
    };

    let targets: Target[] = [];
    let at = 0;
    let deadline = 0;
    let finished = false;

    /** Moves past every target that now meets the condition; the lines to print, or the error. */
    const advance = (reader: ClusterReader): Output | null => {
      const lines: string[] = [];
      while (at < targets.length) {
        const t = targets[at]!;
        const o = reader.get(t.type.engineKind!, t.namespace, t.name);
        if (!o && condition.kind === 'test') {
          finished = true;
          const group = t.type.apiVersion.includes('/') ? `.${t.type.apiVersion.split('/')[0]}` : '';
          const error = `Error from server (NotFound): ${t.type.name}${group} "${t.name}" not found`;
          return lines.length ? { text: `${lines.join('\n')}\n${error}`, error: true } : fail(error);
        }
        const met =
          condition.kind === 'test' ? !!o && condition.holds(o) : condition.kind === 'delete' ? !o : !!o;
        if (!met) break;
        lines.push(`${t.type.prefix}/${t.name}${operation}`);
        at++;
      }
      if (at === targets.length) {
        finished = true;
        return lines.length ? ok(lines.join('\n')) : null;
      }
      if (reader.now >= deadline) {
        finished = true;
        const t = targets[at]!;
        const error = `error: timed out waiting for the condition on ${t.type.name}/${t.name}`;
        return lines.length ? { text: `${lines.join('\n')}\n${error}`, error: true } : fail(error);
      }
      return lines.length ? ok(lines.join('\n')) : null;
    };

    return {
      type: 'watch',
      first(reader) {
        const found = findTargets(reader);
        if (!Array.isArray(found)) {
          finished = true;
          return found;
        }
        // Waiting for a delete, kubectl skips what is already gone (it ignores NotFound) and prints nothing for it.
        targets =
          condition.kind === 'delete'
            ? found.filter((t) => reader.get(t.type.engineKind!, t.namespace, t.name))
            : found;
        deadline = reader.now + (timeout < 0 ? WEEK_MS : timeout);
        return advance(reader) ?? ok('');
      },
      next: (reader) => (finished ? null : advance(reader)),
      ended: () => finished,
    };
  },
};
