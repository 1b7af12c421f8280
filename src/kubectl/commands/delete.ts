/**
 * `kubectl delete TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --all`: prints as kubectl 1.34
 * (`… deleted from NS namespace`, `… force deleted …` with a zero grace period) as each answer
 * comes, the errors after them all, then, as `--wait` (on by default) has it and unless something
 * failed, stays until every deleted object is gone (a pod until kubelet has stopped its
 * containers), for at most `--timeout`. The grace period flags combine as kubectl's Complete and
 * Validate have it: `--grace-period=0` alone means 1, `--force` alone means 0.
 */
import type { Kind } from '../../engine/api/types';
import type { ClusterReader, Output, WatchCommand } from '../types';
import { resolveTargets } from '../get/get';
import { errorCommand, fail, ok, serverError } from '../output';
import { flagTrue } from '../parse/flags';
import { durationFlag } from '../parse/goDuration';
import { matches, parseSelector } from '../parse/selector';
import type { Verb } from './context';

export const deleteVerb: Verb = {
  flags: {
    selector: { type: 'string', short: 'l' },
    all: { type: 'bool' },
    'grace-period': { type: 'string' },
    force: { type: 'bool' },
    now: { type: 'bool' },
    wait: { type: 'bool' },
    'ignore-not-found': { type: 'bool' },
    timeout: { type: 'string' },
  },
  run({ args, namespace, line }) {
    const targets = resolveTargets(args.positional, 'delete');
    if (typeof targets === 'string')
      return errorCommand(
        targets.startsWith('You must specify')
          ? "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
          : targets,
      );
    const sel = args.flags.get('selector');
    const selector = sel === undefined ? null : parseSelector(sel);
    if (typeof selector === 'string') return errorCommand(selector);
    if (!targets.names.length && !selector && !flagTrue(args, 'all'))
      return errorCommand('error: resource(s) were provided, but no name was specified');
    for (const t of targets.types)
      if (!t.engineKind)
        return errorCommand(`error: deleting ${t.name} is not possible in this simulated cluster`);
    const gracePeriod = graceOf(
      args.flags.get('grace-period'),
      flagTrue(args, 'now'),
      flagTrue(args, 'force'),
    );
    if (typeof gracePeriod === 'string') return errorCommand(gracePeriod);
    const graceSeconds = gracePeriod < 0 ? undefined : gracePeriod;
    const operation = gracePeriod === 0 ? 'force deleted' : 'deleted';
    const timeout = durationFlag(args, 'timeout', 0);
    if (typeof timeout === 'string') return errorCommand(timeout);
    const ignore = flagTrue(args, 'ignore-not-found');
    const wait = args.flags.get('wait') !== 'false';
    /** kubectl's errors, printed once every answer has come (and then it does not wait). */
    const errors: Output[] = [];
    /** The objects the API accepted to delete, by uid, and how many answers are still to come. */
    const deleted: Deleted[] = [];
    let unanswered = -1;
    return {
      type: 'write',
      line,
      // Not when kubectl never got to ask (kube-apiserver refused the connection).
      waitAfter: () =>
        wait && unanswered >= 0
          ? untilGone(
              deleted,
              () => (unanswered > 0 ? 'waiting' : errors.length ? 'failed' : 'answered'),
              timeout,
            )
          : null,
      run(cluster, print) {
        if (gracePeriod === 0)
          print({
            text: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
            error: false,
            stderrLines: 1,
          });
        const jobs: { kind: Kind; ns: string | undefined; name: string; label: string; qualified: string }[] =
          [];
        for (const t of targets.types) {
          const ns = t.namespaced ? namespace : undefined;
          const names = targets.names.filter((n) => n.type === t).map((n) => n.name);
          const chosen = names.length
            ? names
            : cluster
                .list(t.engineKind!, ns)
                .filter((o) => !selector || matches(selector, o.metadata.labels))
                .map((o) => o.metadata.name);
          const group = t.apiVersion.includes('/') ? `.${t.apiVersion.split('/')[0]}` : '';
          for (const name of chosen)
            jobs.push({
              kind: t.engineKind!,
              ns,
              name,
              label: `${t.singular}${group}`,
              qualified: `${t.name}${group}`,
            });
        }
        unanswered = jobs.length;
        if (!jobs.length) {
          print(
            ok(
              `No resources found${namespace && targets.types.some((t) => t.namespaced) ? ` in ${namespace} namespace.` : ''}`,
            ),
          );
          return;
        }
        for (const j of jobs)
          cluster.delete(
            j.kind,
            j.ns,
            j.name,
            (r) => {
              unanswered--;
              if (r.ok) {
                deleted.push({
                  kind: j.kind,
                  ns: j.ns,
                  name: j.name,
                  uid: r.object.metadata.uid,
                  qualified: j.qualified,
                });
                print(ok(`${j.label} "${j.name}" ${operation}${j.ns ? ` from ${j.ns} namespace` : ''}`));
              } else if (!(ignore && r.error.reason === 'NotFound')) errors.push(fail(serverError(r.error)));
              else print(ok(''));
              if (unanswered === 0) for (const e of errors) print(e);
            },
            graceSeconds,
          );
      },
    };
  },
};

interface Deleted {
  readonly kind: Kind;
  readonly ns: string | undefined;
  readonly name: string;
  readonly uid: string;
  /** As kubectl wait names the resource: `pods`, `deployments.apps`. */
  readonly qualified: string;
}

/**
 * The grace period to ask for (-1: the object's own), or kubectl's error: `--now` is 1;
 * `--grace-period=0` without `--force` becomes 1 (kept from data loss); `--force` alone is 0.
 */
function graceOf(flag: string | undefined, now: boolean, force: boolean): number | string {
  let grace = -1;
  if (flag !== undefined) {
    if (!/^-?\d+$/.test(flag))
      return `error: invalid argument "${flag}" for "--grace-period" flag: strconv.ParseInt: parsing "${flag}": invalid syntax`;
    grace = Number(flag);
  }
  if (now) {
    if (grace !== -1) return 'error: --now and --grace-period cannot be specified together';
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0)
    return 'error: --force and --grace-period greater than 0 cannot be specified together';
  return grace;
}

/**
 * kubectl's wait for deletion (as `kubectl wait --for=delete`, by uid: a new object of the same
 * name does not count): prints nothing and ends once every answer has come and each object is gone,
 * at once when a deletion failed, or with kubectl's error when `timeoutMs` (0: a week) runs out.
 */
function untilGone(
  deleted: readonly Deleted[],
  progress: () => 'waiting' | 'failed' | 'answered',
  timeoutMs: number,
): WatchCommand {
  let ended = false;
  let deadline = Infinity;
  const check = (reader: ClusterReader): Output | null => {
    if (ended) return null;
    if (deadline === Infinity) deadline = reader.now + (timeoutMs > 0 ? timeoutMs : WEEK_MS);
    const state = progress();
    const left = deleted.filter((d) => reader.get(d.kind, d.ns, d.name)?.metadata.uid === d.uid);
    ended = state === 'failed' || (state === 'answered' && left.length === 0);
    if (ended || reader.now < deadline) return null;
    ended = true;
    const first = left[0] ?? deleted[0];
    return first
      ? fail(`error: timed out waiting for the condition on ${first.qualified}/${first.name}`)
      : null;
  };
  return {
    type: 'watch',
    first: (reader) => check(reader) ?? ok(''),
    next: (reader) => check(reader),
    ended: () => ended,
  };
}

/** kubectl waits "forever" as a week. */
const WEEK_MS = 7 * 24 * 3_600_000;
