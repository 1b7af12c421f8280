/** `kubectl cluster-info`, `version`, `api-resources`, `explain`. */
import { table } from '../format/table';
import { ok } from '../output';
import { errorCommand } from '../output';
import { flagTrue } from '../parse/flags';
import { RESOURCE_TYPES, resourceType } from '../resourceTypes';
import type { Verb } from './context';

export const KUBERNETES_VERSION = 'v1.34.0';
export const KUSTOMIZE_VERSION = 'v5.7.1';

export const clusterInfo: Verb = {
  flags: {},
  run: () => ({
    type: 'read',
    run(reader) {
      const cp = reader
        .list('Node')
        .find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
      const ip = cp?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '192.168.49.2';
      const dns = reader.get('Service', 'kube-system', 'kube-dns');
      return ok(
        [
          `Kubernetes control plane is running at https://${ip}:8443`,
          ...(dns
            ? [
                `CoreDNS is running at https://${ip}:8443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`,
              ]
            : []),
          '',
          "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
        ].join('\n'),
      );
    },
  }),
};

export const version: Verb = {
  flags: { client: { type: 'bool' }, output: { type: 'string', short: 'o' } },
  run: ({ args }) => ({
    type: 'read',
    run: () =>
      ok(
        [
          `Client Version: ${KUBERNETES_VERSION}`,
          `Kustomize Version: ${KUSTOMIZE_VERSION}`,
          ...(flagTrue(args, 'client') ? [] : [`Server Version: ${KUBERNETES_VERSION}`]),
        ].join('\n'),
      ),
  }),
};

export const apiResources: Verb = {
  flags: {
    output: { type: 'string', short: 'o' },
    namespaced: { type: 'string' },
    'api-group': { type: 'string' },
  },
  run: ({ args }) => ({
    type: 'read',
    run() {
      const wide = args.flags.get('output') === 'wide';
      const ns = args.flags.get('namespaced');
      const group = args.flags.get('api-group');
      const rows = RESOURCE_TYPES.filter((r) => ns === undefined || String(r.namespaced) === ns)
        .filter(
          (r) =>
            group === undefined || (r.apiVersion.includes('/') ? r.apiVersion.split('/')[0] : '') === group,
        )
        .map((r) => [
          r.name,
          r.shortNames.join(','),
          r.apiVersion,
          String(r.namespaced),
          r.kind,
          ...(wide ? [`[${r.verbs.split(',').join(' ')}]`] : []),
        ]);
      return ok(
        table([
          ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS'] : [])],
          ...rows,
        ]),
      );
    },
  }),
};

const DESCRIPTIONS: Record<string, string> = {
  Pod: 'Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.',
  Node: 'Node is a worker node in Kubernetes. Each node will have a unique identifier\n    in the cache (i.e. in etcd).',
  Deployment: 'Deployment enables declarative updates for Pods and ReplicaSets.',
  ReplicaSet:
    'ReplicaSet ensures that a specified number of pod replicas are running at\n    any given time.',
  ControllerRevision:
    'ControllerRevision implements an immutable snapshot of state data. Clients\n    are responsible for serializing and deserializing the objects that contain\n    their internal state. Once a ControllerRevision has been successfully\n    created, it can not be updated. The API Server will fail validation of all\n    requests that attempt to mutate the Data field. ControllerRevisions may,\n    however, be deleted. Note that, due to its use by both the DaemonSet and\n    StatefulSet controllers for update and rollback, this object is beta.\n    However, it may be subject to name and representation changes in future\n    releases, and clients should not depend on its stability. It is primarily\n    for internal use by controllers.',
  DaemonSet: 'DaemonSet represents the configuration of a daemon set.',
  Service:
    'Service is a named abstraction of software service (for example, mysql)\n    consisting of local port (for example 3306) that the proxy listens on, and\n    the selector that determines which pods will answer requests sent through\n    the proxy.',
  Endpoints:
    'Endpoints is a collection of endpoints that implement the actual service.\n    Deprecated: This API is deprecated in v1.33+. Use discoveryv1.EndpointSlice.',
  EndpointSlice:
    'EndpointSlice represents a set of service endpoints. Most EndpointSlices are\n    created by the EndpointSlice controller to represent the Pods selected by\n    Service objects.',
  Event: 'Event is a report of an event somewhere in the cluster.',
  Namespace: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
  Lease: 'Lease defines a lease concept.',
};

export const explain: Verb = {
  flags: {
    recursive: { type: 'bool' },
    'api-version': { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  run({ args }) {
    const what = args.positional[0];
    if (!what)
      return errorCommand(
        'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    const [typeWord, ...path] = what.split('.');
    const type = resourceType(typeWord!);
    if (!type) return errorCommand(`error: the server doesn't have a resource type "${typeWord}"`);
    const group = type.apiVersion.includes('/') ? type.apiVersion.split('/')[0] : '';
    const version = type.apiVersion.split('/').pop();
    const objectFields =
      type.kind === 'Event' ||
      type.kind === 'Lease' ||
      type.kind === 'EndpointSlice' ||
      type.kind === 'Endpoints';
    const fields = [
      [
        'apiVersion',
        '<string>',
        'APIVersion defines the versioned schema of this representation of an object.',
      ],
      ['kind', '<string>', 'Kind is a string value representing the REST resource this object represents.'],
      ['metadata', '<ObjectMeta>', "Standard object's metadata."],
      ...(type.kind === 'ControllerRevision'
        ? [
            ['data', '<Object>', 'Data is the serialized representation of the state.'],
            [
              'revision',
              '<integer> -required-',
              'Revision indicates the revision of the state represented by Data.',
            ],
          ]
        : objectFields
          ? []
          : [
              ['spec', `<${type.kind}Spec>`, `Specification of the desired behavior of the ${type.kind}.`],
              [
                'status',
                `<${type.kind}Status>`,
                `Most recently observed status of the ${type.kind}. Read-only.`,
              ],
            ]),
    ];
    if (path.length) {
      const field = fields.find(([n]) => n === path[0]);
      if (!field) return errorCommand(`error: field "${path[0]}" does not exist`);
      if (path.length > 1)
        return errorCommand(
          `error: this simulated cluster explains only the top-level fields of ${type.kind} (${fields.map(([n]) => n).join(', ')})`,
        );
      return {
        type: 'read',
        run: () =>
          ok(
            [
              `KIND:       ${type.kind}`,
              ...(group ? [`GROUP:      ${group}`] : []),
              `VERSION:    ${version}`,
              '',
              `FIELD: ${field[0]} ${field[1]}`,
              '',
              'DESCRIPTION:',
              `    ${field[2]}`,
            ].join('\n'),
          ),
      };
    }
    return {
      type: 'read',
      run: () =>
        ok(
          [
            `KIND:       ${type.kind}`,
            ...(group ? [`GROUP:      ${group}`] : []),
            `VERSION:    ${version}`,
            '',
            'DESCRIPTION:',
            `    ${DESCRIPTIONS[type.kind] ?? type.kind}`,
            '    ',
            'FIELDS:',
            ...fields.flatMap(([n, t, d]) => [`  ${n}\t${t}`, `    ${d}`, '']),
          ]
            .join('\n')
            .trimEnd(),
        ),
    };
  },
};
