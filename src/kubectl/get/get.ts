/** `kubectl get TYPE[,TYPE] [NAME…] | TYPE/NAME… [-n NS | -A] [-o wide|yaml|json|name] [-l SEL] [--show-labels] [-w]`. */
import { templatePrinter, type TemplatePrinter } from '../jsonpath/printers';
import { errorCommand, fail, ok } from '../output';
import type { VerbContext } from '../commands/context';
import { flagTrue } from '../parse/flags';
import { matches, parseSelector, type Selector } from '../parse/selector';
import { fieldsMatch, parseFieldSelector, type FieldSelector } from '../parse/fieldSelector';
import { resourceType, unknownType, type ResourceType } from '../resourceTypes';
import { table } from '../format/table';
import { asList, toJson, toYaml } from '../format/yaml';
import { GET_FORMATS, outputFormatError } from '../format/outputFormat';
import type { ClusterReader, Command, Output } from '../types';
import { COMPONENT_STATUS_WARNING } from './componentStatuses';

/** What kube-apiserver 1.33+ warns of on every request for core/v1 Endpoints. */
export const ENDPOINTS_WARNING =
  'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';
import { momentsSince } from '../history';
import { listing, type Item, type Listing } from './items';
import { labelString } from './printer';
import { parseSortBy, sortByPath, type FieldPath } from './sortBy';

/** What this simulation prints of real kubectl get's `-o` formats. */
const PRINTED = ['wide', 'yaml', 'json', 'name', 'jsonpath', 'jsonpath-as-json', 'custom-columns'];
const ALL = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'];

export const GET_FLAGS = {
  'all-namespaces': { type: 'bool', short: 'A' },
  output: { type: 'string', short: 'o' },
  selector: { type: 'string', short: 'l' },
  watch: { type: 'bool', short: 'w' },
  'watch-only': { type: 'bool' },
  'output-watch-events': { type: 'bool' },
  'show-labels': { type: 'bool' },
  'label-columns': { type: 'strings', short: 'L' },
  'no-headers': { type: 'bool' },
  'field-selector': { type: 'string' },
  'sort-by': { type: 'string' },
  // Real kubectl's go-template text; this simulation refuses go-template with a clear message.
  template: { type: 'string' },
} as const;

export const NO_TYPE = [
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
  '',
  'error: Required resource not specified.',
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
  "See 'kubectl get -h' for help and examples",
].join('\n');

interface Request {
  readonly types: ResourceType[];
  /** Names asked for, per type index; empty means list all. */
  readonly names: { type: ResourceType; name: string }[];
}

/** Resolves `pods`, `pods,svc`, `all`, `pod/x deploy/y`, `pods x y`. */
export function resolveTargets(positional: readonly string[], verb: string): Request | string {
  if (!positional.length)
    return verb === 'get' ? NO_TYPE : `error: you must specify the type of resource to ${verb}`;
  if (positional[0]!.includes('/')) {
    const names: Request['names'] = [];
    for (const p of positional) {
      const slash = p.indexOf('/');
      if (slash < 0)
        return `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'`;
      const type = resourceType(p.slice(0, slash));
      if (!type) return unknownType(p.slice(0, slash));
      const name = p.slice(slash + 1);
      if (!name) return 'error: arguments in resource/name form must have a single resource and name';
      names.push({ type, name });
    }
    return { types: [...new Set(names.map((n) => n.type))], names };
  }
  const words = positional[0]!.split(',').filter(Boolean);
  const types: ResourceType[] = [];
  for (const w of words) {
    if (w.toLowerCase() === 'all') types.push(...ALL.map((a) => resourceType(a)!));
    else {
      const type = resourceType(w);
      if (!type) return unknownType(w);
      types.push(type);
    }
  }
  const rest = positional.slice(1);
  if (rest.length && types.length > 1) return 'error: you may only specify a single resource type';
  return { types, names: rest.map((name) => ({ type: types[0]!, name })) };
}

export function getCommand(ctx: VerbContext): Command {
  const { args } = ctx;
  // `--template` alone means `-o go-template` (PrintFlags.ToPrinter).
  const output = args.flags.get('output') ?? (args.flags.has('template') ? 'go-template' : '');
  const refused = output ? outputFormatError(output, GET_FORMATS, PRINTED) : null;
  if (refused) return errorCommand(refused);
  const printer = templatePrinter(output);
  if (typeof printer === 'string') return errorCommand(printer);
  let selector: Selector = [];
  const selText = args.flags.get('selector');
  if (selText !== undefined) {
    const parsed = parseSelector(selText);
    if (typeof parsed === 'string') return errorCommand(parsed);
    selector = parsed;
  }
  let fields: FieldSelector = [];
  const fieldText = args.flags.get('field-selector');
  if (fieldText !== undefined) {
    const parsed = parseFieldSelector(fieldText);
    if (typeof parsed === 'string') return errorCommand(parsed);
    fields = parsed;
  }
  const request = resolveTargets(args.positional, 'get');
  if (typeof request === 'string') return errorCommand(request);
  const sortText = args.flags.get('sort-by');
  const sortBy = sortText === undefined || sortText === '' ? undefined : parseSortBy(sortText);
  if (typeof sortBy === 'string') return errorCommand(sortBy);
  const all = flagTrue(args, 'all-namespaces');
  const options: Options = {
    namespace: all ? undefined : ctx.namespace,
    output,
    selector,
    fields,
    showLabels: flagTrue(args, 'show-labels'),
    labelColumns: (args.flags.get('label-columns') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    noHeaders: flagTrue(args, 'no-headers'),
    ...(sortBy ? { sortBy, sortText: sortText! } : {}),
    ...(printer ? { printer } : {}),
  };
  const watchOnly = flagTrue(args, 'watch-only');
  if (flagTrue(args, 'watch') || watchOnly) {
    if (printer)
      return errorCommand('error: this simulated terminal watches tables only: drop -o, or leave out -w');
    if (request.types.length > 1) return errorCommand('error: you may only specify a single resource type');
    return watchCommand(request, options, { only: watchOnly, events: flagTrue(args, 'output-watch-events') });
  }
  return { type: 'read', run: (reader) => get(request, options, reader) };
}

interface Options {
  readonly namespace: string | undefined;
  readonly output: string;
  readonly selector: Selector;
  readonly fields: FieldSelector;
  readonly showLabels: boolean;
  /** `-L key`: a column per label key, headed by the key's last part in capitals. */
  readonly labelColumns: readonly string[];
  readonly noHeaders: boolean;
  readonly sortBy?: FieldPath;
  readonly sortText?: string;
  /** `-o jsonpath=…`, `jsonpath-as-json=…` or `custom-columns=…`. */
  readonly printer?: TemplatePrinter;
}

/** One type's selected rows (by name or selector), and the names not found. */
function select(type: ResourceType, request: Request, options: Options, reader: ClusterReader) {
  const list = listing(type, reader, options.namespace);
  const wanted = request.names.filter((n) => n.type === type).map((n) => n.name);
  const missing: string[] = [];
  let items: Item[];
  if (wanted.length) {
    items = [];
    for (const name of wanted) {
      const found = list.items.find((i) => i.name === name);
      if (found) items.push(found);
      else missing.push(name);
    }
  } else
    items = list.items.filter(
      (i) => matches(options.selector, i.labels) && fieldsMatch(options.fields, i.object),
    );
  if (!options.sortBy) return { list, items, missing };
  const sorted = sortByPath(items, options.sortBy, options.sortText ?? '');
  return typeof sorted === 'string'
    ? { list, items: [], missing, error: sorted }
    : { list, items: sorted, missing };
}

function get(request: Request, options: Options, reader: ClusterReader): Output {
  const out: string[] = [];
  const errors: string[] = [];
  const objects: unknown[] = [];
  const multi = request.types.length > 1 || new Set(request.names.map((n) => n.type)).size > 1;
  const allNs = options.namespace === undefined;
  for (const type of request.types) {
    const { list, items, missing, error } = select(type, request, options, reader);
    if (error) return fail(error);
    for (const m of missing) errors.push(`Error from server (NotFound): ${qualified(type)} "${m}" not found`);
    if (!items.length) continue;
    if (options.printer || options.output === 'yaml' || options.output === 'json')
      objects.push(...items.map((i) => i.object));
    else if (options.output === 'name') out.push(...items.map((i) => `${type.prefix}/${i.name}`));
    else {
      if (out.length) out.push('');
      out.push(renderTable(list, items, type, { ...options, multi, allNs: allNs && type.namespaced }));
    }
  }
  if (options.printer && (objects.length || !errors.length)) {
    const single = objects.length === 1 && request.names.length === 1;
    const printed = options.printer.whole
      ? options.printer.print(single ? objects[0] : asList(objects), options.noHeaders)
      : options.printer.print(objects, options.noHeaders);
    if (printed.error) return fail([...errors, printed.text].join('\n'));
    // Printed even when empty: kubectl says "No resources found" only above its tables.
    const text = [printed.text, ...errors].filter(Boolean).join('\n');
    return errors.length ? fail(text) : ok(text);
  } else if (options.output === 'yaml' || options.output === 'json') {
    const single = objects.length === 1 && request.names.length === 1;
    const value = single ? objects[0] : asList(objects);
    if (objects.length || !errors.length) out.push(options.output === 'yaml' ? toYaml(value) : toJson(value));
  }
  if (!out.length && !errors.length)
    return ok(
      allNs || request.types.every((t) => !t.namespaced)
        ? 'No resources found'
        : `No resources found in ${options.namespace} namespace.`,
    );
  const text = [...out, ...errors].join('\n');
  // kube-apiserver's deprecation warnings, which kubectl prints on stderr first.
  const warnings = [
    ...(request.types.some((t) => t.name === 'componentstatuses') ? [COMPONENT_STATUS_WARNING] : []),
    ...(request.types.some((t) => t.name === 'endpoints') ? [ENDPOINTS_WARNING] : []),
  ];
  if (warnings.length)
    return {
      text: [...warnings, text].join('\n'),
      error: errors.length > 0,
      stderrLines: warnings.length,
    };
  return errors.length ? fail(text) : ok(text);
}

/** `deployments.apps`, `pods`: the resource as kube-apiserver names it in messages. */
export const qualified = (type: ResourceType) => {
  const group = type.apiVersion.includes('/') ? type.apiVersion.slice(0, type.apiVersion.indexOf('/')) : '';
  return group ? `${type.name}.${group}` : type.name;
};

interface TableOptions extends Options {
  readonly multi: boolean;
  readonly allNs: boolean;
}

function headerRow(list: Listing, options: TableOptions): string[] {
  const wide = options.output === 'wide';
  return [
    ...(options.allNs ? ['NAMESPACE'] : []),
    ...(wide && list.wideReplaces ? [] : list.headers),
    ...(wide ? list.wideHeaders : []),
    ...options.labelColumns.map((l) => l.slice(l.lastIndexOf('/') + 1).toUpperCase()),
    ...(options.showLabels ? ['LABELS'] : []),
  ];
}

function itemRow(item: Item, list: Listing, type: ResourceType, options: TableOptions): string[] {
  const wide = options.output === 'wide';
  const row = [...item.row];
  if (options.multi && list.nameFirst) row[0] = `${type.prefix}/${row[0]}`;
  return [
    ...(options.allNs ? [item.namespace ?? ''] : []),
    ...(wide && list.wideReplaces ? [] : row),
    ...(wide ? item.wide : []),
    ...options.labelColumns.map((l) => item.labels?.[l] ?? ''),
    ...(options.showLabels ? [labelString(item.labels)] : []),
  ];
}

function renderTable(list: Listing, items: Item[], type: ResourceType, options: TableOptions): string {
  const rows = items.map((i) => itemRow(i, list, type, options));
  return table(options.noHeaders ? rows : [headerRow(list, options), ...rows]);
}

/**
 * `-w`: the table once, then a row for each object that was added, changed or deleted since the last
 * moment, at every moment it changed where the reader keeps the run's history (a pod's short-lived
 * ContainerCreating, the final status a deleted pod had, are printed as kubectl prints each event). kubectl flushes its tabwriter after every event, so each later row is aligned on its own.
 * `--watch-only` leaves out the first table; `--output-watch-events` puts each row's event (ADDED,
 * MODIFIED, DELETED) in front of it, the first table's rows being ADDED. The header comes with the
 * first row printed.
 */
function watchCommand(
  request: Request,
  options: Options,
  watchOptions: { readonly only: boolean; readonly events: boolean },
): Command {
  const type = request.types[0]!;
  let seen = new Map<string, Item>();
  let lookedAt = -Infinity;
  let headerShown = options.noHeaders;
  const key = (i: Item) => `${i.namespace ?? ''}/${i.name}`;
  const snapshot = (reader: ClusterReader) => select(type, request, options, reader);
  const tableOptions = {
    ...options,
    multi: false,
    allNs: options.namespace === undefined && type.namespaced,
  };
  const header = (list: Listing) =>
    watchOptions.events ? ['EVENT', ...headerRow(list, tableOptions)] : headerRow(list, tableOptions);
  const row = (event: string, item: Item, list: Listing) =>
    watchOptions.events
      ? [event, ...itemRow(item, list, type, tableOptions)]
      : itemRow(item, list, type, tableOptions);
  /** One event's row, with the header above it if none was printed yet. */
  const line = (event: string, item: Item, list: Listing) => {
    const rows = [row(event, item, list)];
    if (!headerShown) rows.unshift(header(list));
    headerShown = true;
    return table(rows);
  };
  return {
    type: 'watch',
    first(reader) {
      const { list, items } = snapshot(reader);
      seen = new Map(items.map((i) => [key(i), i]));
      lookedAt = reader.now;
      if (watchOptions.only) return ok('');
      if (!items.length)
        return ok(
          tableOptions.allNs || !type.namespaced
            ? 'No resources found'
            : `No resources found in ${options.namespace} namespace.`,
        );
      const rows = items.map((i) => row('ADDED', i, list));
      const shown = headerShown ? rows : [header(list), ...rows];
      headerShown = true;
      return ok(table(shown));
    },
    next(reader) {
      const lines: string[] = [];
      /** The rows for what changed between the last moment looked at and `at`. */
      const look = (at: ClusterReader) => {
        const { list, items } = snapshot(at);
        const now = new Map(items.map((i) => [key(i), i]));
        for (const item of items) {
          const before = seen.get(key(item));
          if (!before || before.version !== item.version)
            lines.push(line(before ? 'MODIFIED' : 'ADDED', item, list));
        }
        for (const [k, item] of seen) if (!now.has(k)) lines.push(line('DELETED', item, list));
        seen = now;
      };
      for (const earlier of momentsSince(reader, type.engineKind, lookedAt)) look(earlier);
      look(reader);
      lookedAt = reader.now;
      return lines.length ? ok(lines.join('\n')) : null;
    },
  };
}
