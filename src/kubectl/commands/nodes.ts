/** `kubectl cordon | uncordon | drain NODE` and `kubectl taint nodes NODE key[=value]:Effect[-]`. */
import type { Pod, Taint } from '../../engine/api/types';
import type { Cluster } from '../../engine/cluster';
import { errorCommand, fail, ok, serverError } from '../output';
import { flagTrue } from '../parse/flags';
import { resourceType } from '../resourceTypes';
import type { ClusterReader, Command, Output, WatchCommand } from '../types';
import { durationFlag } from '../parse/goDuration';
import { goDuration } from '../../engine/kubelet/durations';
import type { Verb } from './context';

const notFound = (name: string) => fail(`Error from server (NotFound): nodes "${name}" not found`);

function nodeNames(positional: readonly string[], verb: string): string[] | string {
  const names = positional.map((p) =>
    p.startsWith('node/') || p.startsWith('nodes/') ? p.slice(p.indexOf('/') + 1) : p,
  );
  if (!names.length)
    return `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`;
  return names;
}

function cordonVerb(verb: 'cordon' | 'uncordon'): Verb {
  return {
    flags: { selector: { type: 'string', short: 'l' }, 'dry-run': { type: 'string' } },
    run({ args, line }): Command {
      const names = nodeNames(args.positional, verb);
      if (typeof names === 'string') return errorCommand(names);
      return {
        type: 'write',
        line,
        run(cluster, print) {
          for (const name of names) {
            const node = cluster.get('Node', undefined, name);
            if (!node) {
              print(notFound(name));
              continue;
            }
            if (!!node.spec.unschedulable === (verb === 'cordon')) {
              print(ok(`node/${name} already ${verb}ed`));
              continue;
            }
            const done = (r: Parameters<NonNullable<Parameters<Cluster['cordon']>[1]>>[0]) =>
              print(r.ok ? ok(`node/${name} ${verb}ed`) : fail(serverError(r.error)));
            if (verb === 'cordon') cluster.cordon(name, done);
            else cluster.uncordon(name, done);
          }
        },
      };
    },
  };
}

export const cordon = cordonVerb('cordon');
export const uncordon = cordonVerb('uncordon');

const isMirror = (p: Pod) => !!p.metadata.annotations?.['kubernetes.io/config.mirror'];
const ownerKind = (p: Pod) => p.metadata.ownerReferences?.find((r) => r.controller)?.kind;
const ref = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;

/** drain: cordon, check what may not be evicted, then evict (delete) the rest and report as kubectl does. */
export const drain: Verb = {
  flags: {
    'ignore-daemonsets': { type: 'bool' },
    'delete-emptydir-data': { type: 'bool' },
    force: { type: 'bool' },
    'grace-period': { type: 'string' },
    timeout: { type: 'string' },
    selector: { type: 'string', short: 'l' },
    'disable-eviction': { type: 'bool' },
  },
  run({ args, line }): Command {
    const names = nodeNames(args.positional, 'drain');
    if (typeof names === 'string') return errorCommand(names);
    if (names.length > 1) return errorCommand('error: USAGE: drain NODE [flags]');
    const name = names[0]!;
    const ignoreDs = flagTrue(args, 'ignore-daemonsets');
    const force = flagTrue(args, 'force');
    const disableEviction = flagTrue(args, 'disable-eviction');
    // 0: no limit, as kubectl's default.
    const timeout = durationFlag(args, 'timeout', 0);
    if (typeof timeout === 'string') return errorCommand(timeout);
    /** The pods whose eviction was accepted (kubectl then waits for each to be gone), and the answers still to come. */
    const evicting: Evicted[] = [];
    const errors: string[] = [];
    let unanswered = 0;
    /** Cordoning, then evicting (and waiting), or over without evicting anything (refused, or nothing to evict). */
    let phase: 'cordoning' | 'evicting' | 'over' = 'cordoning';
    const progress = () => (phase === 'evicting' ? unanswered : phase === 'over' ? null : -1);
    return {
      type: 'write',
      line,
      waitAfter: () =>
        phase === 'over'
          ? null
          : untilEvicted(name, evicting, errors, progress, timeout, disableEviction ? 'deleted' : 'evicted'),
      run(cluster, print) {
        const over = (output: Output) => {
          phase = 'over';
          print(output);
        };
        const node = cluster.get('Node', undefined, name);
        if (!node) return over(notFound(name));
        const afterCordon = () => {
          const pods = cluster
            .list('Pod')
            .filter((p) => p.spec.nodeName === name && !isMirror(p) && !p.metadata.deletionTimestamp)
            .filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
          const daemon = pods.filter((p) => ownerKind(p) === 'DaemonSet');
          const bare = pods.filter((p) => !ownerKind(p));
          const problems: string[] = [];
          if (daemon.length && !ignoreDs)
            problems.push(
              `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(ref).join(', ')}`,
            );
          if (bare.length && !force)
            problems.push(
              `cannot delete Pods declare no controller (use --force to override): ${bare.map(ref).join(', ')}`,
            );
          if (problems.length) {
            over(
              fail(
                [
                  // An aggregate of one error prints bare; of several, in brackets (utilerrors).
                  `error: unable to drain node "${name}" due to error:${problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`}, continuing command...`,
                  'There are pending nodes to be drained:',
                  ` ${name}`,
                  ...problems,
                ].join('\n'),
              ),
            );
            return;
          }
          const warnings: string[] = [];
          if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.map(ref).join(', ')}`);
          if (bare.length)
            warnings.push(`deleting Pods that declare no controller: ${bare.map(ref).join(', ')}`);
          if (warnings.length) print(fail(`Warning: ${warnings.join('; ')}`));
          const evict = pods.filter((p) => ownerKind(p) !== 'DaemonSet');
          if (!evict.length) return over(ok(`node/${name} drained`));
          // Each pod is evicted, then waited for: "evicted" is printed once it is gone (waitForDelete).
          phase = 'evicting';
          unanswered = evict.length;
          for (const p of evict) {
            // The Eviction API, unless --disable-eviction asks for a plain DELETE (which would
            // bypass PodDisruptionBudgets).
            const remove = disableEviction
              ? cluster.delete.bind(cluster, 'Pod')
              : cluster.evict.bind(cluster);
            print(ok(`${disableEviction ? 'deleting' : 'evicting'} pod ${ref(p)}`));
            remove(p.metadata.namespace, p.metadata.name, (r) => {
              unanswered--;
              if (r.ok || r.error.reason === 'NotFound')
                evicting.push({
                  ns: p.metadata.namespace ?? 'default',
                  name: p.metadata.name,
                  uid: p.metadata.uid,
                });
              else
                errors.push(
                  `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": ${serverError(r.error).replace(/^Error from server[^:]*: /, '')}`,
                );
            });
          }
        };
        if (node.spec.unschedulable) {
          print(ok(`node/${name} already cordoned`));
          afterCordon();
        } else
          cluster.cordon(name, (r) => {
            if (!r.ok) return over(fail(serverError(r.error)));
            print(ok(`node/${name} cordoned`));
            afterCordon();
          });
      },
    };
  },
};

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** `key=value:Effect`, `key:Effect`, `key=value:Effect-`, `key:Effect-`, `key-`. */
function parseTaint(spec: string): { add: Taint } | { remove: string; effect?: string } | string {
  if (spec.endsWith('-')) {
    const body = spec.slice(0, -1);
    const [keyValue, effect] = body.split(':') as [string, string | undefined];
    const key = keyValue.split('=')[0]!;
    if (effect !== undefined && !EFFECTS.includes(effect))
      return `error: invalid taint effect: ${effect}, unsupported taint effect`;
    return effect ? { remove: key, effect } : { remove: key };
  }
  const colon = spec.lastIndexOf(':');
  if (colon < 0) return `error: invalid taint spec: ${spec}, unknown taint spec`;
  const effect = spec.slice(colon + 1);
  if (!EFFECTS.includes(effect)) return `error: invalid taint effect: ${effect}, unsupported taint effect`;
  const kv = spec.slice(0, colon);
  const eq = kv.indexOf('=');
  const key = eq < 0 ? kv : kv.slice(0, eq);
  const value = eq < 0 ? undefined : kv.slice(eq + 1);
  if (
    !/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key) ||
    key.length > 316
  )
    return `error: invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  return { add: { key, ...(value ? { value } : {}), effect: effect as Taint['effect'] } };
}

export const taint: Verb = {
  flags: { overwrite: { type: 'bool' }, all: { type: 'bool' }, selector: { type: 'string', short: 'l' } },
  run({ args, line }): Command {
    const [typeWord, name, ...specs] = args.positional;
    if (!typeWord || !name || !specs.length)
      return errorCommand(
        "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples",
      );
    if (resourceType(typeWord)?.kind !== 'Node')
      return errorCommand(`error: invalid resource type ${typeWord}, only node types are supported`);
    const parsed = specs.map(parseTaint);
    const bad = parsed.find((p) => typeof p === 'string');
    if (bad) return errorCommand(bad as string);
    const overwrite = flagTrue(args, 'overwrite');
    return {
      type: 'write',
      line,
      run(cluster, print) {
        const node = cluster.get('Node', undefined, name);
        if (!node) return print(notFound(name));
        const taints = node.spec.taints ?? [];
        for (const p of parsed as ({ add: Taint } | { remove: string; effect?: string })[]) {
          if ('add' in p) {
            const same = taints.find((t) => t.key === p.add.key && t.effect === p.add.effect);
            if (same && !overwrite)
              return print(
                fail(
                  `error: node ${name} already has ${p.add.key} taint(s) with same effect(s) and --overwrite is false`,
                ),
              );
          } else {
            if (!taints.some((t) => t.key === p.remove && (!p.effect || t.effect === p.effect)))
              return print(fail(`error: taint "${p.remove}${p.effect ? `:${p.effect}` : ''}" not found`));
          }
        }
        let left = parsed.length;
        let failed = false;
        const done = (r: { ok: boolean; error?: Parameters<typeof serverError>[0] }) => {
          if (!r.ok && !failed) {
            failed = true;
            print(fail(serverError(r.error!)));
          }
          if (--left === 0 && !failed) {
            const removals = parsed.filter((p) => typeof p !== 'string' && 'remove' in p).length;
            const word = removals === 0 ? 'tainted' : removals === parsed.length ? 'untainted' : 'modified';
            print(ok(`node/${name} ${word}`));
          }
        };
        for (const p of parsed as ({ add: Taint } | { remove: string })[]) {
          if ('add' in p) cluster.taint(name, p.add, done);
          else cluster.untaint(name, p.remove, done);
        }
      },
    };
  },
};

interface Evicted {
  readonly ns: string;
  readonly name: string;
  readonly uid: string;
}

/**
 * drain's wait after its evictions (waitForDelete): "pod/NAME evicted" as each pod is gone (not
 * found, or a new pod of that name), then "node/NAME drained"; or kubectl's aggregate error when an
 * eviction failed or `timeoutMs` (0: none) ran out first.
 */
function untilEvicted(
  node: string,
  evicting: readonly Evicted[],
  errors: string[],
  /** Evictions still unanswered; -1 while the node is being cordoned; null: drain ended without evicting. */
  unanswered: () => number | null,
  timeoutMs: number,
  /** What kubectl says of a pod once gone: `evicted`, or `deleted` with --disable-eviction. */
  gone: 'evicted' | 'deleted',
): WatchCommand {
  const reported = new Set<string>();
  let ended = false;
  let timedOut = false;
  let deadline = Infinity;
  const check = (reader: ClusterReader): Output | null => {
    if (ended) return null;
    const left = unanswered();
    if (left === null) {
      ended = true;
      return null;
    }
    if (left < 0) return null;
    if (deadline === Infinity && timeoutMs > 0) deadline = reader.now + timeoutMs;
    const lines: string[] = [];
    for (const p of evicting) {
      if (reported.has(p.uid) || reader.get('Pod', p.ns, p.name)?.metadata.uid === p.uid) continue;
      reported.add(p.uid);
      lines.push(`pod/${p.name} ${gone}`);
    }
    const waiting = left > 0 || reported.size < evicting.length;
    if (waiting && reader.now < deadline) return lines.length ? ok(lines.join('\n')) : null;
    if (waiting && !timedOut) {
      timedOut = true;
      for (const p of evicting)
        if (!reported.has(p.uid))
          errors.push(
            `error when waiting for pod "${p.name}" in namespace "${p.ns}" to terminate: global timeout reached: ${goDuration(timeoutMs)}`,
          );
    }
    if (!errors.length) {
      ended = true;
      return ok([...lines, `node/${node} drained`].join('\n'));
    }
    // The pods that did go are told first; the error comes at the next look.
    if (lines.length) return ok(lines.join('\n'));
    ended = true;
    // An aggregate of one error prints bare; of several, in brackets (utilerrors).
    const aggregate = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    return fail(
      [
        `error: unable to drain node "${node}" due to error:${aggregate}, continuing command...`,
        'There are pending nodes to be drained:',
        ` ${node}`,
        ...errors,
      ].join('\n'),
    );
  };
  return {
    type: 'watch',
    first: (reader) => check(reader) ?? ok(''),
    next: (reader) => check(reader),
    ended: () => ended,
  };
}
