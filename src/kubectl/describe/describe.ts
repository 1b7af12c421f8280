/** `kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME`: exact name, else every object whose name starts with it. */
import type { KubeObject } from '../../engine/api/types';
import { errorCommand, fail, ok } from '../output';
import type { Verb } from '../commands/context';
import { flagTrue } from '../parse/flags';
import { matches, parseSelector } from '../parse/selector';
import { ENDPOINTS_WARNING, resolveTargets } from '../get/get';
import type { ResourceType } from '../resourceTypes';
import type { ClusterReader } from '../types';
import { describeDeployment } from './deployment';
import { describeEndpointSlice } from './endpointSlice';
import { describeEndpoints } from './endpoints';
import { describeGeneric } from './generic';
import { describeNamespace } from './namespace';
import { endpointsObjects, type Endpoints } from '../get/endpoints';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import { describeDaemonSet, describeReplicaSet } from './workloads';

type Described = KubeObject | Endpoints;

function describeObject(o: Described, reader: ClusterReader): string {
  switch (o.kind) {
    case 'Endpoints':
      return describeEndpoints(o, reader);
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
    case 'Namespace':
      return describeNamespace(o);
    default:
      return describeGeneric(o, reader);
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
      run(cluster) {
        const reader = args.flags.get('show-events') === 'false' ? { ...cluster, hideEvents: true } : cluster;
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
        const text =
          [texts.join('\n\n'), ...errors].filter(Boolean).join('\n') ||
          (all ? 'No resources found' : `No resources found in ${namespace} namespace.`);
        // kube-apiserver warns on every request for core/v1 Endpoints; kubectl prints it on stderr first.
        if (targets.types.some((t) => t.name === 'endpoints'))
          return { text: `${ENDPOINTS_WARNING}\n${text}`, error: errors.length > 0, stderrLines: 1 };
        return errors.length ? fail(text) : ok(text);
      },
    };
  },
};

const qualified = (type: ResourceType) =>
  type.apiVersion.includes('/')
    ? `${type.name}.${type.apiVersion.slice(0, type.apiVersion.indexOf('/'))}`
    : type.name;

function objectsOf(type: ResourceType, reader: ClusterReader, namespace: string | undefined): Described[] {
  if (type.name === 'endpoints') return endpointsObjects(reader, namespace).sort(byKey);
  if (!type.engineKind) return [];
  return (reader.list(type.engineKind, type.namespaced ? namespace : undefined) as KubeObject[]).sort(byKey);
}

const byKey = (a: Described, b: Described) =>
  `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1;
