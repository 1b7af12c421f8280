/**
 * `kubectl expose (deployment|replicaset|pod|service) NAME --port=P [--target-port=T] [--name=N]`:
 * a ClusterIP Service selecting what the resource selects (a Deployment's matchLabels, a pod's
 * labels), with its labels, as kubectl's expose generator makes it.
 */
import type { KubeObject, Service, ServicePort } from '../../engine/api/types';
import { qualified, resolveTargets } from '../get/get';
import { errorCommand, fail, ok, serverError } from '../output';
import type { Command } from '../types';
import type { Verb } from './context';
import { badInt } from './scale';

const EXPOSABLE = new Set(['Deployment', 'ReplicaSet', 'Pod', 'Service']);

/** What the Service selects, from the exposed object. */
function selectorOf(o: KubeObject): Record<string, string> | undefined {
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      return o.spec.selector.matchLabels;
    case 'Pod':
      return o.metadata.labels;
    case 'Service':
      return o.spec.selector;
    default:
      return undefined;
  }
}

/** The port kubectl finds by introspection when --port is not given: the first one declared. */
function portOf(o: KubeObject): number | undefined {
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      return o.spec.template.spec.containers.flatMap((c) => c.ports ?? [])[0]?.containerPort;
    case 'Pod':
      return o.spec.containers.flatMap((c) => c.ports ?? [])[0]?.containerPort;
    case 'Service':
      return o.spec.ports[0]?.port;
    default:
      return undefined;
  }
}

const portText = (value: string | undefined, flag: string): number | string | undefined => {
  if (value === undefined) return undefined;
  if (!/^[-+]?\d+$/.test(value)) return badInt(value, flag);
  const n = Number(value);
  if (n < 1 || n > 65535)
    return `The Service "x" is invalid: spec.ports[0].${flag === 'port' ? 'port' : 'targetPort'}: Invalid value: ${n}: must be between 1 and 65535, inclusive`;
  return n;
};

export const expose: Verb = {
  flags: {
    port: { type: 'string' },
    'target-port': { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    protocol: { type: 'string' },
    selector: { type: 'string' },
  },
  run({ args, namespace, line }): Command {
    const targets = resolveTargets(args.positional, 'expose');
    if (typeof targets === 'string') return errorCommand(targets);
    const target = targets.names[0];
    if (!target || targets.names.length > 1)
      return errorCommand(
        "error: You must provide the resource and name of the resource to expose, e.g. 'kubectl expose deployment nginx --port=80'",
      );
    if (!target.type.engineKind || !EXPOSABLE.has(target.type.engineKind))
      return errorCommand(`error: cannot expose a ${target.type.kind}`);
    const type = args.flags.get('type') ?? 'ClusterIP';
    if (type !== 'ClusterIP')
      return errorCommand(
        `error: --type=${type}: this simulated cluster runs ClusterIP Services (reached through kube-proxy inside the cluster)`,
      );
    const protocol = args.flags.get('protocol') ?? 'TCP';
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP')
      return errorCommand(
        `The Service "${args.flags.get('name') ?? target.name}" is invalid: spec.ports[0].protocol: Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"`,
      );
    const port = portText(args.flags.get('port'), 'port');
    if (typeof port === 'string') return errorCommand(port.replace('"x"', `"${target.name}"`));
    const targetPort = portText(args.flags.get('target-port'), 'target-port');
    if (typeof targetPort === 'string') return errorCommand(targetPort.replace('"x"', `"${target.name}"`));
    const name = args.flags.get('name') ?? target.name;
    return {
      type: 'write',
      line,
      run(cluster, print) {
        const kind = target.type.engineKind!;
        const exposed = cluster.get(kind, namespace, target.name);
        if (!exposed) {
          print(fail(`Error from server (NotFound): ${qualified(target.type)} "${target.name}" not found`));
          return;
        }
        const selector = selectorOf(exposed);
        if (!selector || !Object.keys(selector).length) {
          print(
            fail(
              `error: couldn't retrieve selectors via --selector flag or introspection: the ${target.type.singular} has no labels and cannot be exposed`,
            ),
          );
          return;
        }
        const servicePort = port ?? portOf(exposed);
        if (servicePort === undefined) {
          print(fail("error: couldn't find port via --port flag or introspection"));
          return;
        }
        const spec: ServicePort = { port: servicePort, protocol, targetPort: targetPort ?? servicePort };
        const service: Service = {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: {
            name,
            namespace,
            uid: '',
            resourceVersion: '',
            creationTimestamp: '',
            ...(exposed.metadata.labels ? { labels: { ...exposed.metadata.labels } } : {}),
          },
          spec: { selector: { ...selector }, ports: [spec], type: 'ClusterIP' },
          status: {},
        };
        if (cluster.get('Service', namespace, name)) {
          print(fail(`Error from server (AlreadyExists): services "${name}" already exists`));
          return;
        }
        cluster.apply(service, (r) =>
          print(r.ok ? ok(`service/${name} exposed`) : fail(serverError(r.error))),
        );
      },
    };
  },
};
