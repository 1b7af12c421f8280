/**
 * `kubectl delete TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --all`: prints as kubectl 1.34
 * (`… deleted from NS namespace`) as each answer comes, then, as `--wait` (on by default) has it,
 * stays until every deleted object is gone: a pod until kubelet has stopped its containers.
 */
import type { Kind } from '../../engine/api/types';
import type { ClusterReader, WatchCommand } from '../types';
import { resolveTargets } from '../get/get';
import { errorCommand, fail, ok, serverError } from '../output';
import { flagTrue } from '../parse/flags';
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
    const grace = args.flags.get('grace-period');
    const graceSeconds = flagTrue(args, 'now')
      ? 1
      : grace !== undefined && /^-?\d+$/.test(grace)
        ? Math.max(0, Number(grace))
        : undefined;
    const ignore = flagTrue(args, 'ignore-not-found');
    const wait = args.flags.get('wait') !== 'false';
    /** The objects the API accepted to delete, by uid, and how many answers are still to come. */
    const deleted: Deleted[] = [];
    let unanswered = -1;
    return {
      type: 'write',
      line,
      // Not when kubectl never got to ask (kube-apiserver refused the connection).
      waitAfter: () => (wait && unanswered >= 0 ? untilGone(deleted, () => unanswered === 0) : null),
      run(cluster, print) {
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
              if (r.ok) deleted.push({ kind: j.kind, ns: j.ns, name: j.name, uid: r.object.metadata.uid });
              if (r.ok) print(ok(`${j.label} "${j.name}" deleted${j.ns ? ` from ${j.ns} namespace` : ''}`));
              else if (!(ignore && r.error.reason === 'NotFound')) print(fail(serverError(r.error)));
              else print(ok(''));
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
}

/**
 * kubectl's wait for deletion (as `kubectl wait --for=delete`, by uid: a new object of the same
 * name does not count): prints nothing and ends once every answer has come and each object is gone.
 */
function untilGone(deleted: readonly Deleted[], answered: () => boolean): WatchCommand {
  let ended = false;
  const check = (reader: ClusterReader) => {
    ended ||= answered() && deleted.every((d) => reader.get(d.kind, d.ns, d.name)?.metadata.uid !== d.uid);
  };
  return {
    type: 'watch',
    first(reader) {
      check(reader);
      return ok('');
    },
    next(reader) {
      check(reader);
      return null;
    },
    ended: () => ended,
  };
}
