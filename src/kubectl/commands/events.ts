/**
 * `kubectl events [-n NS | -A] [--for TYPE/NAME] [--types=Normal,Warning] [-w] [--no-headers]
 * [-o yaml|json|name|jsonpath=…]`: the newer events command. Unlike `get events` it sorts by
 * time, names the object as Kind/name and folds repeats into "(x3 over 2m)"; with -o it prints
 * the sorted events as one EventList (cmd/events/events.go).
 */
import { eventCount, eventFirstSeen, eventLastMillis, eventLastSeen } from '../../engine/api/eventTimes';
import type { KubeEvent } from '../../engine/api/types';
import { age } from '../format/age';
import { table } from '../format/table';
import { GET_FORMATS, outputFormatError } from '../format/outputFormat';
import { toJson, toYaml } from '../format/yaml';
import { templatePrinter, type TemplatePrinter } from '../jsonpath/printers';
import { errorCommand, fail, ok } from '../output';
import { flagTrue } from '../parse/flags';
import { resourceType } from '../resourceTypes';
import type { ClusterReader, Command, Output } from '../types';
import type { Verb } from './context';

interface Filter {
  readonly namespace: string | undefined;
  readonly kind?: string;
  readonly name?: string;
  readonly types?: readonly string[];
}

function selected(reader: ClusterReader, filter: Filter): KubeEvent[] {
  return reader
    .list('Event', filter.namespace)
    .filter(
      (e) =>
        (!filter.kind || (e.involvedObject.kind === filter.kind && e.involvedObject.name === filter.name)) &&
        (!filter.types || filter.types.includes(e.type.toLowerCase())),
    )
    .sort((a, b) => eventLastMillis(a) - eventLastMillis(b));
}

/** LAST SEEN: the age, with the repeats folded in as kubectl prints them (getLastSeen). */
function lastSeen(e: KubeEvent, now: number): string {
  const first = age(now, eventFirstSeen(e));
  const count = eventCount(e);
  return count > 1 ? `${age(now, eventLastSeen(e))} (x${count} over ${first})` : first;
}

function rows(events: readonly KubeEvent[], now: number, allNs: boolean): string[][] {
  return events.map((e) => [
    ...(allNs ? [e.metadata.namespace ?? ''] : []),
    lastSeen(e, now),
    e.type,
    e.reason,
    `${e.involvedObject.kind}/${e.involvedObject.name}`,
    e.message.trim(),
  ]);
}

const headers = (allNs: boolean) => [
  ...(allNs ? ['NAMESPACE'] : []),
  'LAST SEEN',
  'TYPE',
  'REASON',
  'OBJECT',
  'MESSAGE',
];

/** What `-o` takes in real `kubectl events` (genericclioptions.NewPrintFlags: no wide, no custom-columns). */
const EVENTS_FORMATS = GET_FORMATS.filter((f) => f !== 'wide' && !f.startsWith('custom-columns'));
/** What this simulation prints of those. */
const PRINTED = ['yaml', 'json', 'name', 'jsonpath', 'jsonpath-as-json'];

/** The fields of `o` that are set, in the order `keys` gives. */
function ordered<T extends object>(o: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * An Event as the typed corev1.Event the events command prints: fields in the struct's order
 * (what `-o json` shows), and the ones without omitempty always there (`eventTime: null`,
 * `reportingInstance: ""`).
 */
function typed(e: KubeEvent) {
  return {
    kind: e.kind,
    apiVersion: e.apiVersion,
    metadata: ordered(e.metadata, [
      'name',
      'generateName',
      'namespace',
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'deletionTimestamp',
      'labels',
      'annotations',
      'ownerReferences',
    ]),
    involvedObject: ordered(e.involvedObject, [
      'kind',
      'namespace',
      'name',
      'uid',
      'apiVersion',
      'resourceVersion',
      'fieldPath',
    ]),
    reason: e.reason,
    message: e.message,
    source: ordered(e.source, ['component', 'host']),
    firstTimestamp: e.firstTimestamp,
    lastTimestamp: e.lastTimestamp,
    ...(e.count ? { count: e.count } : {}),
    type: e.type,
    eventTime: e.eventTime,
    ...(e.series ? { series: ordered(e.series, ['count', 'lastObservedTime']) } : {}),
    ...(e.action ? { action: e.action } : {}),
    reportingComponent: e.reportingComponent,
    reportingInstance: e.reportingInstance,
  };
}

/**
 * The events as one `EventList` (TypeMeta set, empty ListMeta), as the events command hands it to
 * its printer: `-o yaml` sorts keys as sigs.k8s.io/yaml does, `-o json` keeps the structs' order.
 */
function printed(list: readonly KubeEvent[], output: string, printer: TemplatePrinter | null): Output {
  const eventList = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: list.map(typed) };
  if (output === 'name') return ok(list.map((e) => `event/${e.metadata.name}`).join('\n'));
  if (output === 'yaml') return ok(toYaml(eventList));
  if (output === 'json') return ok(toJson(eventList));
  const out = printer!.print(eventList, false);
  return out.error ? fail(out.text) : ok(out.text);
}

export const events: Verb = {
  flags: {
    'all-namespaces': { type: 'bool', short: 'A' },
    for: { type: 'string' },
    types: { type: 'string' },
    watch: { type: 'bool', short: 'w' },
    'no-headers': { type: 'bool' },
    output: { type: 'string', short: 'o' },
  },
  run({ args, namespace }): Command {
    if (args.positional.length)
      return errorCommand(`error: unknown command "${args.positional[0]}" for "kubectl events"`);
    const allNs = flagTrue(args, 'all-namespaces');
    let filter: Filter = { namespace: allNs ? undefined : namespace };
    const typesText = args.flags.get('types');
    if (typesText !== undefined) {
      const types = typesText.split(',').map((t) => t.trim().toLowerCase());
      if (types.some((t) => t !== 'normal' && t !== 'warning'))
        return errorCommand('error: valid --types are Normal or Warning');
      filter = { ...filter, types };
    }
    const forText = args.flags.get('for');
    if (forText !== undefined) {
      const slash = forText.indexOf('/');
      const type = slash > 0 ? resourceType(forText.slice(0, slash)) : undefined;
      if (slash <= 0 || slash === forText.length - 1)
        return errorCommand(`error: --for must be in resource/name form`);
      if (!type)
        return errorCommand(`error: the server doesn't have a resource type "${forText.slice(0, slash)}"`);
      filter = { ...filter, kind: type.kind, name: forText.slice(slash + 1) };
    }
    const output = args.flags.get('output') ?? '';
    const refused = output ? outputFormatError(output, EVENTS_FORMATS, PRINTED) : null;
    if (refused) return errorCommand(refused);
    const printer = templatePrinter(output);
    if (typeof printer === 'string') return errorCommand(printer);
    const noHeaders = flagTrue(args, 'no-headers');
    const render = (reader: ClusterReader): Output => {
      const list = selected(reader, filter);
      // On stderr, whatever the output format.
      if (!list.length) return ok(allNs ? 'No events found.' : `No events found in ${namespace} namespace.`);
      if (output) return printed(list, output, printer);
      const body = rows(list, reader.now, allNs);
      return ok(table(noHeaders ? body : [headers(allNs), ...body]));
    };
    if (!flagTrue(args, 'watch')) return { type: 'read', run: render };
    if (output)
      return errorCommand('error: this simulated terminal watches tables only: drop -o, or leave out -w');
    // -w: the list once, then each Event written since (a new one, or a repeat counted again).
    let seen = new Map<string, string>();
    const key = (e: KubeEvent) => `${e.metadata.namespace ?? ''}/${e.metadata.name}`;
    return {
      type: 'watch',
      first(reader) {
        seen = new Map(selected(reader, filter).map((e) => [key(e), e.metadata.resourceVersion]));
        return render(reader);
      },
      next(reader) {
        const fresh = selected(reader, filter).filter((e) => seen.get(key(e)) !== e.metadata.resourceVersion);
        for (const e of fresh) seen.set(key(e), e.metadata.resourceVersion);
        return fresh.length ? ok(table(rows(fresh, reader.now, allNs))) : null;
      },
    };
  },
};
