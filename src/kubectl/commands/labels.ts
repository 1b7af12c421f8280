/**
 * `kubectl label` and `kubectl annotate`: `TYPE NAME… KEY=VAL… KEY-… [--overwrite] [-l SEL | --all]`,
 * each object updated through kube-apiserver, answered as kubectl answers (`labeled`,
 * `unlabeled`, `not labeled`, and its refusal to overwrite without `--overwrite`).
 */
import { createMergePatch } from '../../engine/api/mergePatch';
import type { KubeObject } from '../../engine/api/types';
import { qualified, resolveTargets } from '../get/get';
import { errorCommand, fail, ok, serverError } from '../output';
import { flagTrue } from '../parse/flags';
import { matches, parseSelector } from '../parse/selector';
import type { Command, Output } from '../types';
import type { Verb } from './context';

type Field = 'labels' | 'annotations';

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

interface Change {
  readonly set: Record<string, string>;
  readonly remove: string[];
}

function parseChanges(words: readonly string[], field: Field): Change | string {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const w of words) {
    if (w.endsWith('-') && !w.includes('=')) {
      remove.push(w.slice(0, -1));
      continue;
    }
    const eq = w.indexOf('=');
    if (eq <= 0)
      return `error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`;
    const key = w.slice(0, eq);
    const value = w.slice(eq + 1);
    if (!KEY.test(key) || key.length > 316)
      return `error: invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${w}`;
    if (field === 'labels' && (value.length > 63 || !LABEL_VALUE.test(value)))
      return `error: invalid label value: "${w}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
    set[key] = value;
  }
  if (!Object.keys(set).length && !remove.length)
    return `error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`;
  return { set, remove };
}

/** The object's map after the change, kubectl's refusal, and what it prints. */
function changed(
  o: KubeObject,
  change: Change,
  field: Field,
  overwrite: boolean,
): { next?: Record<string, string>; notes: string[]; error?: string } {
  const current = o.metadata[field] ?? {};
  const notes: string[] = [];
  if (!overwrite) {
    const taken = Object.keys(change.set).filter((k) => k in current && current[k] !== change.set[k]);
    if (taken.length)
      return {
        notes,
        error:
          field === 'labels'
            ? `error: '${taken[0]}' already has a value (${current[taken[0]!]}), and --overwrite is false`
            : `error: --overwrite is false but found the following declared annotation(s): ${taken.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
      };
  }
  const next = { ...current, ...change.set };
  for (const k of change.remove) {
    if (k in next) delete next[k];
    else notes.push(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.`);
  }
  return { next, notes };
}

const sameMap = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

function verbFor(field: Field): Verb {
  const word = field === 'labels' ? 'label' : 'annotate';
  const done = field === 'labels' ? 'labeled' : 'annotated';
  return {
    flags: {
      overwrite: { type: 'bool' },
      all: { type: 'bool' },
      selector: { type: 'string', short: 'l' },
    },
    run({ args, namespace, line }): Command {
      const words = args.positional;
      // The first KEY=VAL or KEY- ends the resources.
      const at = words.findIndex(
        (w, i) => i > 0 && (w.includes('=') || (w.endsWith('-') && !w.includes('/'))),
      );
      const resources = at < 0 ? words : words.slice(0, at);
      const change = parseChanges(at < 0 ? [] : words.slice(at), field);
      if (typeof change === 'string') return errorCommand(change);
      const targets = resolveTargets(resources, word);
      if (typeof targets === 'string') return errorCommand(targets);
      const selText = args.flags.get('selector');
      const all = flagTrue(args, 'all');
      const selector = selText === undefined ? [] : parseSelector(selText);
      if (typeof selector === 'string') return errorCommand(selector);
      if (!targets.names.length && selText === undefined && !all)
        return errorCommand('error: resource(s) were provided, but no name was specified');
      const type = targets.types[0]!;
      if (!type.engineKind)
        return errorCommand(`error: ${type.name} cannot be ${done} in this simulated cluster`);
      const overwrite = flagTrue(args, 'overwrite');
      return {
        type: 'write',
        line,
        run(cluster, print) {
          const kind = type.engineKind!;
          const ns = type.namespaced ? namespace : undefined;
          const objects: KubeObject[] = [];
          if (targets.names.length) {
            for (const t of targets.names) {
              const o = cluster.get(kind, ns, t.name);
              if (!o) {
                print(fail(`Error from server (NotFound): ${qualified(type)} "${t.name}" not found`));
                continue;
              }
              objects.push(o);
            }
          } else
            objects.push(
              ...cluster
                .list(kind, ns)
                .filter((o) => matches(selector, o.metadata.labels ?? {}))
                .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)),
            );
          if (!objects.length && !targets.names.length) print(ok('No resources found'));
          for (const o of objects) {
            const id = `${type.prefix}/${o.metadata.name}`;
            const result = changed(o, change, field, overwrite);
            for (const note of result.notes) print(ok(note));
            if (result.error) {
              print(fail(result.error));
              continue;
            }
            const next = result.next!;
            if (sameMap(next, o.metadata[field] ?? {})) {
              print(ok(`${id} not ${done}`));
              continue;
            }
            const verbText: Output['text'] =
              Object.keys(change.set).length === 0 && field === 'labels' ? 'unlabeled' : done;
            // A merge PATCH of the changed keys (null removes one), with no resourceVersion, as kubectl sends it.
            cluster.patch(
              kind,
              o.metadata.namespace,
              o.metadata.name,
              { metadata: { [field]: createMergePatch(o.metadata[field] ?? {}, next) } },
              (r) => print(r.ok ? ok(`${id} ${verbText}`) : fail(serverError(r.error))),
            );
          }
        },
      };
    },
  };
}

export const label = verbFor('labels');
export const annotate = verbFor('annotations');
