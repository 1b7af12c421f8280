/** `kubectl logs POD [-c CONTAINER] [--tail N] [--timestamps]` and `kubectl logs deployment/NAME`. */
import type { Pod } from '../../engine/api/types';
import { containerLog } from '../logs/containerLog';
import { errorCommand, fail, ok } from '../output';
import { flagTrue } from '../parse/flags';
import { resourceType } from '../resourceTypes';
import type { ClusterReader, Output } from '../types';
import type { Verb } from './context';

function podFor(
  reader: ClusterReader,
  namespace: string,
  target: string,
): { pod?: Pod; note?: string; error?: string } {
  const slash = target.indexOf('/');
  if (slash < 0 || resourceType(target.slice(0, slash))?.kind === 'Pod') {
    const name = slash < 0 ? target : target.slice(slash + 1);
    const pod = reader.get('Pod', namespace, name);
    return pod ? { pod } : { error: `Error from server (NotFound): pods "${name}" not found` };
  }
  const type = resourceType(target.slice(0, slash));
  const name = target.slice(slash + 1);
  if (!type) return { error: `error: the server doesn't have a resource type "${target.slice(0, slash)}"` };
  if (type.kind !== 'Deployment' && type.kind !== 'ReplicaSet' && type.kind !== 'DaemonSet')
    return { error: `error: cannot get the logs from ${type.prefix}` };
  const owner = reader.get(type.kind as 'Deployment', namespace, name);
  if (!owner) return { error: `Error from server (NotFound): ${type.name}.apps "${name}" not found` };
  const wanted = owner.spec.selector.matchLabels ?? {};
  const pods = reader
    .list('Pod', namespace)
    .filter((p) => Object.entries(wanted).every(([k, v]) => p.metadata.labels?.[k] === v))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (!pods.length) return { error: `error: timed out waiting for the condition` };
  return {
    pod: pods[0]!,
    ...(pods.length > 1 ? { note: `Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}` } : {}),
  };
}

export const logs: Verb = {
  flags: {
    container: { type: 'string', short: 'c' },
    tail: { type: 'string' },
    timestamps: { type: 'bool' },
    follow: { type: 'bool', short: 'f' },
    previous: { type: 'bool', short: 'p' },
    'all-containers': { type: 'bool' },
  },
  run({ args, namespace }) {
    const target = args.positional[0];
    if (!target)
      return errorCommand(
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
      );
    const tailText = args.flags.get('tail');
    if (tailText !== undefined && !/^-?\d+$/.test(tailText))
      return errorCommand(
        `error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`,
      );
    return {
      type: 'read',
      run(reader): Output {
        const found = podFor(reader, namespace, target);
        if (!found.pod) return fail(found.error!);
        const pod = found.pod;
        const name = args.flags.get('container') ?? args.positional[1] ?? pod.spec.containers[0]!.name;
        const spec = pod.spec.containers.find((c) => c.name === name);
        if (!spec) return fail(`error: container ${name} is not valid for pod ${pod.metadata.name}`);
        const status = pod.status.containerStatuses?.find((s) => s.name === name);
        const startedAt =
          status?.state.running?.startedAt ??
          status?.state.terminated?.startedAt ??
          (flagTrue(args, 'previous') || status?.state.waiting?.reason === 'CrashLoopBackOff'
            ? status?.lastState?.terminated?.startedAt
            : undefined);
        if (!startedAt) {
          const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
          return fail(
            `Error from server (BadRequest): container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`,
          );
        }
        if (flagTrue(args, 'previous') && !status?.lastState?.terminated)
          return fail(
            `Error from server (BadRequest): previous terminated container "${name}" in pod "${pod.metadata.name}" not found`,
          );
        let lines = containerLog(pod, spec.image, startedAt, reader.now);
        if (flagTrue(args, 'timestamps'))
          lines = lines.map((l) => `${l.at} ${l.text}`.trimEnd()).map((text) => ({ at: '', text }));
        let texts = lines.map((l) => l.text);
        const tail = tailText === undefined ? -1 : Number(tailText);
        if (tail >= 0) texts = tail === 0 ? [] : texts.slice(-tail);
        return ok([...(found.note ? [found.note] : []), ...texts].join('\n'));
      },
    };
  },
};
