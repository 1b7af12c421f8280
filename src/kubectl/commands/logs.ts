/**
 * `kubectl logs POD [-c CONTAINER] [--tail N] [--timestamps] [-p] [-f]` and `kubectl logs deployment/NAME`.
 * `-f` follows: new lines as the container writes them, until it stops.
 */
import type { Pod } from '../../engine/api/types';
import { containerLog } from '../logs/containerLog';
import { errorCommand, fail, ok } from '../output';
import { flagTrue } from '../parse/flags';
import { resourceType } from '../resourceTypes';
import type { ClusterReader, Command, Output } from '../types';
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
    const options: LogOptions = {
      target,
      namespace,
      container: args.flags.get('container') ?? args.positional[1],
      previous: flagTrue(args, 'previous'),
      timestamps: flagTrue(args, 'timestamps'),
      tail: tailText === undefined ? -1 : Number(tailText),
    };
    if (!flagTrue(args, 'follow'))
      return {
        type: 'read',
        run(reader): Output {
          const log = readLog(reader, options);
          return 'error' in log ? log.error : ok([...log.notes, ...log.lines].join('\n'));
        },
      };
    return follow(options);
  },
};

interface LogOptions {
  readonly target: string;
  readonly namespace: string;
  readonly container: string | undefined;
  readonly previous: boolean;
  readonly timestamps: boolean;
  /** `--tail`: the last N lines, or all when negative. */
  readonly tail: number;
}

type Log =
  | { readonly error: Output }
  | {
      readonly notes: string[];
      readonly lines: string[];
      readonly pod: string;
      readonly container: string;
      readonly startedAt: string;
      readonly running: boolean;
    };

/** The container's log as far as now, or kubectl's error. */
function readLog(reader: ClusterReader, o: LogOptions): Log {
  const found = podFor(reader, o.namespace, o.target);
  if (!found.pod) return { error: fail(found.error!) };
  const pod = found.pod;
  const name = o.container ?? pod.spec.containers[0]!.name;
  const spec = pod.spec.containers.find((c) => c.name === name);
  if (!spec) return { error: fail(`error: container ${name} is not valid for pod ${pod.metadata.name}`) };
  const status = pod.status.containerStatuses?.find((s) => s.name === name);
  const startedAt =
    status?.state.running?.startedAt ??
    status?.state.terminated?.startedAt ??
    (o.previous || status?.state.waiting?.reason === 'CrashLoopBackOff'
      ? status?.lastState?.terminated?.startedAt
      : undefined);
  if (!startedAt) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
    return {
      error: fail(
        `Error from server (BadRequest): container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`,
      ),
    };
  }
  if (o.previous && !status?.lastState?.terminated)
    return {
      error: fail(
        `Error from server (BadRequest): previous terminated container "${name}" in pod "${pod.metadata.name}" not found`,
      ),
    };
  let lines = containerLog(pod, spec.image, startedAt, reader.now).map((l) =>
    o.timestamps ? `${l.at} ${l.text}`.trimEnd() : l.text,
  );
  if (o.tail >= 0) lines = o.tail === 0 ? [] : lines.slice(-o.tail);
  return {
    notes: found.note ? [found.note] : [],
    lines,
    pod: pod.metadata.name,
    container: name,
    startedAt,
    running: !o.previous && status?.state.running?.startedAt === startedAt,
  };
}

/** `-f`: the log so far, then each new line as the playback reaches it; the stream ends when the container stops. */
function follow(o: LogOptions): Command {
  /** The container being followed and how many of its lines are printed; null once the stream has ended. */
  let following: { pod: string; startedAt: string; printed: number } | null = null;
  return {
    type: 'watch',
    first(reader) {
      const log = readLog(reader, o);
      if ('error' in log) return log.error;
      if (log.running) {
        const all = readLog(reader, { ...o, target: `pod/${log.pod}`, container: log.container, tail: -1 });
        following = {
          pod: log.pod,
          startedAt: log.startedAt,
          printed: 'error' in all ? 0 : all.lines.length,
        };
      }
      return ok([...log.notes, ...log.lines].join('\n'));
    },
    next(reader) {
      if (!following) return null;
      const log = readLog(reader, { ...o, target: `pod/${following.pod}`, tail: -1 });
      if ('error' in log || log.startedAt !== following.startedAt || !log.running) {
        following = null;
        return null;
      }
      const fresh = log.lines.slice(following.printed);
      following.printed = log.lines.length;
      return fresh.length ? ok(fresh.join('\n')) : null;
    },
    ended: () => following === null,
  };
}
