/**
 * `kubectl logs (POD | TYPE/NAME) [CONTAINER] | -l SELECTOR` with `-c`, `--all-containers`,
 * `--all-pods`, `--tail`, `--timestamps`, `--prefix`, `-p` and `-f` (`--max-log-requests`). A
 * workload's logs are one pod's, picked as kubectl picks it (logs/sources.ts); a selector's are
 * every matching pod's, the last 10 lines each unless --tail says otherwise. `-f` follows: new
 * lines as the containers write them, until they stop.
 */
import type { Pod } from '../../engine/api/types';
import { millis, timestamp } from '../../engine/core/time';
import type { LogLine } from '../logs/containerLog';
import { containerLog } from '../logs/containerLog';
import { wallClock } from '../format/age';
import { durationFlag } from '../parse/goDuration';
import { logSources, type LogSource, type SourceOptions } from '../logs/sources';
import { errorCommand, fail, ok } from '../output';
import { flagTrue, type ParsedArgs } from '../parse/flags';
import { parseSelector } from '../parse/selector';
import type { ClusterReader, Command, Output } from '../types';
import type { Verb } from './context';

/** ToLogOptions' selectorTail: with -l and no --tail, each pod's last 10 lines. */
const SELECTOR_TAIL = 10;

const USAGE_HINT = "See 'kubectl logs -h' for help and examples";

interface LogOptions extends SourceOptions {
  readonly previous: boolean;
  readonly timestamps: boolean;
  /** `--tail`: the last N lines of each container, or all when -1. */
  readonly tail: number;
  readonly prefix: boolean;
  readonly maxLogRequests: number;
  /** `--since` (a duration back from now) or `--since-time` (an RFC 3339 time): lines from then on. */
  readonly since?: { readonly ms: number } | { readonly at: number };
}

/** A whole number as pflag's Int64Var/IntVar parse it, or its error. */
function integerFlag(args: ParsedArgs, name: string, fallback: number): number | string {
  const text = args.flags.get(name);
  if (text === undefined) return fallback;
  return /^[-+]?\d+$/.test(text)
    ? Number(text)
    : `error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`;
}

/** The options, or kubectl's usage error (Complete and Validate in cmd/logs/logs.go). */
function options(args: ParsedArgs, namespace: string): LogOptions | string {
  const [target, inline, ...extra] = args.positional;
  const selectorText = args.flags.get('selector');
  if ((!target && !selectorText) || extra.length)
    return `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\n${USAGE_HINT}`;
  if (target && selectorText && inline === undefined)
    return `error: only a selector (-l) or a POD name is allowed\n${USAGE_HINT}`;
  const flagContainer = args.flags.get('container');
  if (flagContainer !== undefined && inline !== undefined)
    return 'error: only one of -c or an inline [CONTAINER] arg is allowed';
  const container = flagContainer ?? inline;
  const allContainers = flagTrue(args, 'all-containers');
  if (allContainers && container)
    return `error: --all-containers=true should not be specified with container name ${container}`;
  const tail = integerFlag(args, 'tail', -1);
  if (typeof tail === 'string') return tail;
  if (tail < -1) return 'error: --tail must be greater than or equal to -1';
  const maxLogRequests = integerFlag(args, 'max-log-requests', 5);
  if (typeof maxLogRequests === 'string') return maxLogRequests;
  let selector;
  if (selectorText !== undefined && !target) {
    const parsed = parseSelector(selectorText);
    if (typeof parsed === 'string') return parsed;
    selector = parsed;
  }
  const allPods = flagTrue(args, 'all-pods');
  const sinceText = args.flags.get('since');
  const sinceTimeText = args.flags.get('since-time');
  if (sinceText !== undefined && sinceTimeText !== undefined)
    return 'error: at most one of `sinceTime` or `sinceSeconds` may be specified';
  let since: LogOptions['since'];
  if (sinceText !== undefined) {
    const ms = durationFlag(args, 'since', 0);
    if (typeof ms === 'string') return ms;
    if (ms <= 0) return 'error: --since must be greater than 0';
    // kubectl sends whole seconds, rounded up.
    since = { ms: Math.ceil(ms / 1000) * 1000 };
  } else if (sinceTimeText !== undefined) {
    const at = Date.parse(sinceTimeText);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(sinceTimeText) || Number.isNaN(at))
      return `error: parsing time "${sinceTimeText}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTimeText}" as "2006"`;
    since = { at };
  }
  return {
    ...(since ? { since } : {}),
    namespace,
    ...(selector ? { selector } : { target: target! }),
    ...(container ? { container } : {}),
    allContainers,
    allPods,
    previous: flagTrue(args, 'previous'),
    timestamps: flagTrue(args, 'timestamps'),
    tail: selector && !args.flags.has('tail') ? SELECTOR_TAIL : tail,
    // --all-pods sets --prefix.
    prefix: flagTrue(args, 'prefix') || allPods,
    maxLogRequests,
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
    'all-pods': { type: 'bool' },
    selector: { type: 'string', short: 'l' },
    prefix: { type: 'bool' },
    'max-log-requests': { type: 'string' },
    since: { type: 'string' },
    'since-time': { type: 'string' },
    // Accepted for scripts that pass it; the simulation answers at once.
    'pod-running-timeout': { type: 'string' },
  },
  run({ args, namespace }) {
    const o = options(args, namespace);
    if (typeof o === 'string') return errorCommand(o);
    if (flagTrue(args, 'follow')) return follow(o);
    return {
      type: 'read',
      run(reader): Output {
        const read = readAll(reader, o);
        if ('error' in read) return read.error;
        const lines = read.logs.flatMap((l) => l.lines.map((line) => shown(line, l.source, o)));
        return withNotes(read.notes, lines);
      },
    };
  },
};

/** kubectl's stderr notes above the logs: shown first, passed by a pipe (Output.stderrLines). */
function withNotes(notes: readonly string[], lines: readonly string[]): Output {
  const out = ok([...notes, ...lines].join('\n'));
  return notes.length ? { ...out, stderrLines: notes.length } : out;
}

/** A line as printed: `--timestamps` puts the time first, `--prefix` the source before that. */
function shown(line: LogLine, source: LogSource, o: LogOptions): string {
  const text = o.timestamps ? `${line.at} ${line.text}`.trimEnd() : line.text;
  return o.prefix ? `[pod/${source.pod}/${source.container}] ${text}` : text;
}

interface ContainerLog {
  readonly source: LogSource;
  readonly lines: LogLine[];
  readonly startedAt: string;
  /** The log is still being written (the container runs, and it is not `-p`). */
  readonly running: boolean;
}

/** One container's log as far as now (all of it: `--tail` is applied by the caller), or the API's error. */
/** kubelet's validateContainerLogStatus words image trouble in its own way. */
const WAITING_WORDS: Record<string, string> = {
  ImagePullBackOff: 'trying and failing to pull image',
  ErrImagePull: "image can't be pulled",
};

function readOne(
  reader: ClusterReader,
  namespace: string,
  source: LogSource,
  previous: boolean,
): { error: string } | { log: ContainerLog } {
  const { pod: podName, container: name } = source;
  const pod = reader.get('Pod', namespace, podName);
  if (!pod) return { error: `Error from server (NotFound): pods "${podName}" not found` };
  const spec = pod.spec.containers.find((c) => c.name === name);
  if (!spec) return { error: `error: container ${name} is not valid for pod ${podName}` };
  const status = pod.status.containerStatuses?.find((s) => s.name === name);
  const startedAt =
    status?.state.running?.startedAt ??
    status?.state.terminated?.startedAt ??
    (previous || status?.state.waiting?.reason === 'CrashLoopBackOff'
      ? status?.lastState?.terminated?.startedAt
      : undefined);
  if (!startedAt) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
    return {
      error: `Error from server (BadRequest): container "${name}" in pod "${podName}" is waiting to start: ${WAITING_WORDS[reason] ?? reason}`,
    };
  }
  if (previous && !status?.lastState?.terminated)
    return {
      error: `Error from server (BadRequest): previous terminated container "${name}" in pod "${podName}" not found`,
    };
  return {
    log: {
      source,
      lines: containerLog(pod, spec.image, startedAt, reader.now),
      startedAt,
      running: !previous && status?.state.running?.startedAt === startedAt,
    },
  };
}

const tailOf = (lines: LogLine[], tail: number) => (tail < 0 ? lines : tail === 0 ? [] : lines.slice(-tail));

/** The lines --since or --since-time keep (the kubelet cuts by time first, then --tail). */
function sinceOf(lines: LogLine[], o: LogOptions, now: number): LogLine[] {
  if (!o.since) return lines;
  const from = 'ms' in o.since ? wallClock(now) - o.since.ms : o.since.at;
  return lines.filter((l) => Date.parse(l.at) >= from);
}

/**
 * Every requested container's log (each cut to --tail), or the first error. kubectl reads the
 * requests of a map in no fixed order and stops at a failing one: the run shown here is the one
 * where it came first.
 */
function readAll(
  reader: ClusterReader,
  o: LogOptions,
): { error: Output } | { notes: readonly string[]; logs: ContainerLog[] } {
  const found = logSources(reader, o);
  if ('error' in found) return { error: fail(found.error) };
  const logs: ContainerLog[] = [];
  for (const source of found.sources) {
    const one = readOne(reader, o.namespace, source, o.previous);
    if ('error' in one) return { error: fail([...found.notes, one.error].join('\n')) };
    logs.push({ ...one.log, lines: tailOf(sinceOf(one.log.lines, o, reader.now), o.tail) });
  }
  return { notes: found.notes, logs };
}

/** `-f`: the logs so far, then each new line as the playback reaches it; the stream ends when the containers stop. */
/** The log of a container whose pod is gone: stopped by its deletion, at the latest `now`. */
function finalLog(pod: Pod, container: string, startedAt: string, now: number): LogLine[] {
  const image = pod.spec.containers.find((c) => c.name === container)?.image ?? '';
  const stopped: Pod = pod.metadata.deletionTimestamp
    ? pod
    : {
        ...pod,
        metadata: {
          ...pod.metadata,
          deletionTimestamp: timestamp(millis(now)),
          deletionGracePeriodSeconds: 0,
        },
      };
  return containerLog(stopped, image, startedAt, now);
}

function follow(o: LogOptions): Command {
  /** The containers being followed and how many of each one's lines are printed. */
  let following: { source: LogSource; startedAt: string; printed: number; last?: Pod | undefined }[] = [];
  /** Several streams are read at once (parallelConsumeRequest): their lines come as written, in time order. */
  let parallel = false;
  const merged = (parts: { line: LogLine; source: LogSource }[]) =>
    (parallel
      ? [...parts].sort((a, b) => (a.line.at < b.line.at ? -1 : a.line.at > b.line.at ? 1 : 0))
      : parts
    ).map((p) => shown(p.line, p.source, o));
  return {
    type: 'watch',
    first(reader) {
      following = [];
      const found = logSources(reader, o);
      if ('error' in found) return fail(found.error);
      parallel = found.sources.length > 1;
      if (found.sources.length > 1 && found.sources.length > o.maxLogRequests)
        return fail(
          `error: you are attempting to follow ${found.sources.length} log streams, but maximum allowed concurrency is ${o.maxLogRequests}, use --max-log-requests to increase the limit`,
        );
      const parts: { line: LogLine; source: LogSource }[] = [];
      const streams: typeof following = [];
      for (const source of found.sources) {
        const one = readOne(reader, o.namespace, source, o.previous);
        if ('error' in one) return fail([...found.notes, one.error].join('\n'));
        const log = one.log;
        parts.push(...tailOf(sinceOf(log.lines, o, reader.now), o.tail).map((line) => ({ line, source })));
        if (log.running)
          streams.push({
            source,
            startedAt: log.startedAt,
            printed: log.lines.length,
            last: reader.get('Pod', o.namespace, source.pod),
          });
      }
      following = streams;
      return withNotes(found.notes, merged(parts));
    },
    next(reader) {
      if (!following.length) return null;
      const parts: { line: LogLine; source: LogSource }[] = [];
      following = following.filter((f) => {
        const one = readOne(reader, o.namespace, f.source, false);
        const add = (lines: readonly LogLine[]) => {
          parts.push(...lines.slice(f.printed).map((line) => ({ line, source: f.source })));
          f.printed = lines.length;
        };
        if ('error' in one || one.log.startedAt !== f.startedAt) {
          // The pod went (or the container was replaced) since the last look: the stream still
          // delivered what the container wrote up to its stop, which came no later than now.
          if (f.last) add(finalLog(f.last, f.source.container, f.startedAt, reader.now));
          return false;
        }
        add(one.log.lines);
        f.last = reader.get('Pod', o.namespace, f.source.pod);
        // The container stopped: what it wrote last has been printed, and its stream ends.
        return one.log.running;
      });
      return parts.length ? ok(merged(parts).join('\n')) : null;
    },
    ended: () => following.length === 0,
  };
}
