/** `kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME`: exact name, else every object whose name starts with it. */
import type { KubeObject } from '../../engine/api/types';
import { errorCommand, fail, ok } from '../output';
import type { Verb } from '../commands/context';
import { flagTrue } from '../parse/flags';
import { matches, parseSelector } from '../parse/selector';
import { resolveTargets } from '../get/get';
import type { ResourceType } from '../resourceTypes';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels, rfc1123z } from './common';
import { describeDeployment } from './deployment';
import { describeEndpointSlice } from './endpointSlice';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import { describeDaemonSet, describeReplicaSet } from './workloads';

function describeObject(o: KubeObject, reader: ClusterReader): string {
  switch (o.kind) {
    case 'Pod':
      return describePod(o, reader);
    case 'Node':
      return describeNode(o, reader);
    case 'Deployment':
      return describeDeployment(o, reader);
    case 'Service':
      return describeService(o, reader);
    case 'ReplicaSet':
      return describeReplicaSet(o, reader);
    case 'DaemonSet':
      return describeDaemonSet(o, reader);
    case 'EndpointSlice':
      return describeEndpointSlice(o, reader);
    default:
      return flush([
        `Name:\t${o.metadata.name}`,
        ...(o.metadata.namespace ? [`Namespace:\t${o.metadata.namespace}`] : []),
        ...labels('Labels', o.metadata.labels),
        ...annotations('Annotations', o.metadata.annotations),
        `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}`,
        ...events(reader, o),
      ]);
  }
}

export const describe: Verb = {
  flags: {
    'all-namespaces': { type: 'bool', short: 'A' },
    selector: { type: 'string', short: 'l' },
    'show-events': { type: 'bool' },
  },
  run({ args, namespace }) {
    const targets = resolveTargets(args.positional, 'describe');
    if (typeof targets === 'string')
      return errorCommand(
        targets.startsWith('You must specify')
          ? 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.'
          : targets,
      );
    const sel = args.flags.get('selector');
    const selector = sel === undefined ? [] : parseSelector(sel);
    if (typeof selector === 'string') return errorCommand(selector);
    const all = flagTrue(args, 'all-namespaces');
    return {
      type: 'read',
      run(reader) {
        const texts: string[] = [];
        const errors: string[] = [];
        for (const type of targets.types) {
          const list = objectsOf(type, reader, all ? undefined : namespace);
          const names = targets.names.filter((n) => n.type === type).map((n) => n.name);
          if (!names.length)
            texts.push(
              ...list
                .filter((o) => matches(selector, o.metadata.labels))
                .map((o) => describeObject(o, reader)),
            );
          for (const name of names) {
            const exact = list.find((o) => o.metadata.name === name);
            const found = exact ? [exact] : list.filter((o) => o.metadata.name.startsWith(name));
            if (!found.length)
              errors.push(`Error from server (NotFound): ${qualified(type)} "${name}" not found`);
            texts.push(...found.map((o) => describeObject(o, reader)));
          }
        }
        if (!texts.length && !errors.length)
          return ok(all ? 'No resources found' : `No resources found in ${namespace} namespace.`);
        const text = [texts.join('\n\n'), ...errors].filter(Boolean).join('\n');
        return errors.length ? fail(text) : ok(text);
      },
    };
  },
};

const qualified = (type: ResourceType) =>
  type.apiVersion.includes('/')
    ? `${type.name}.${type.apiVersion.slice(0, type.apiVersion.indexOf('/'))}`
    : type.name;

function objectsOf(type: ResourceType, reader: ClusterReader, namespace: string | undefined): KubeObject[] {
  if (!type.engineKind) return [];
  return (reader.list(type.engineKind, type.namespaced ? namespace : undefined) as KubeObject[]).sort(
    (a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1,
  );
}
