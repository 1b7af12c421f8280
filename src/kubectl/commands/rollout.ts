/**
 * `kubectl rollout status deployment/NAME` (rolloutStatus.ts), `restart`, `history`
 * (rolloutHistory.ts) and `undo [--to-revision=N]` (the template of an earlier revision put back).
 */
import type { Deployment, ReplicaSet } from '../../engine/api/types';
import { createMergePatch } from '../../engine/api/mergePatch';
import { timestamp } from '../../engine/core/time';
import { DEPLOYMENT_OWN_ANNOTATIONS } from '../../engine/controllers/deploymentUtil';
import { resolveTargets } from '../get/get';
import { durationFlag } from '../parse/goDuration';
import { errorCommand, fail, ok, serverError } from '../output';
import type { Command } from '../types';
import type { Verb } from './context';
import { daemonSetHistory, daemonSetUndo } from './daemonSetHistory';
import { revisions, rolloutHistory } from './rolloutHistory';
import { rolloutStatus } from './rolloutStatus';

function restart(kind: 'Deployment' | 'DaemonSet', name: string, namespace: string, line: string): Command {
  const resource = kind === 'Deployment' ? 'deployments.apps' : 'daemonsets.apps';
  const prefix = kind === 'Deployment' ? 'deployment.apps' : 'daemonset.apps';
  return {
    type: 'write',
    line,
    run(cluster, print) {
      const d = cluster.get(kind, namespace, name);
      if (!d) return print(fail(`Error from server (NotFound): ${resource} "${name}" not found`));
      if (d.kind === 'Deployment' && d.spec.paused)
        return print(
          fail(
            `error: deployments.apps "${name}" can't restart paused deployment (run rollout resume first)`,
          ),
        );
      // kubectl patches the template's annotation (no resourceVersion, so no conflict with status writes).
      const restartedAt = timestamp(cluster.now as never);
      cluster.patch(
        kind,
        namespace,
        name,
        {
          spec: {
            template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } },
          },
        },
        (r) => print(r.ok ? ok(`${prefix}/${name} restarted`) : fail(serverError(r.error))),
      );
    },
  };
}

/** The template a ReplicaSet was made from: its own, without the label the Deployment added. */
function templateOf(rs: ReplicaSet): Deployment['spec']['template'] {
  const labels = { ...rs.spec.template.metadata.labels };
  delete labels['pod-template-hash'];
  return { ...rs.spec.template, metadata: { ...rs.spec.template.metadata, labels } };
}

/**
 * The rollback's annotations: the Deployment keeps its own bookkeeping and takes the rest, such as
 * kubernetes.io/change-cause, from the ReplicaSet of that revision (DeploymentRollbacker).
 */
function rolledBackAnnotations(d: Deployment, rs: ReplicaSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (DEPLOYMENT_OWN_ANNOTATIONS.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!DEPLOYMENT_OWN_ANNOTATIONS.has(k)) out[k] = v;
  return out;
}

/** `rollout pause` and `resume`: spec.paused PATCHed; asking for what already is, is kubectl's error. */
function pauseOrResume(name: string, namespace: string, line: string, pause: boolean): Command {
  return {
    type: 'write',
    line,
    run(cluster, print) {
      const d = cluster.get('Deployment', namespace, name);
      if (!d) return print(fail(`Error from server (NotFound): deployments.apps "${name}" not found`));
      if (!!d.spec.paused === pause)
        return print(
          fail(`error: deployments.apps "${name}" ${pause ? 'is already paused' : 'is not paused'}`),
        );
      cluster.patch('Deployment', namespace, name, { spec: { paused: pause ? true : null } }, (r) =>
        print(
          r.ok ? ok(`deployment.apps/${name} ${pause ? 'paused' : 'resumed'}`) : fail(serverError(r.error)),
        ),
      );
    },
  };
}

function undo(name: string, namespace: string, line: string, toText: string | undefined): Command {
  if (toText !== undefined && !/^\d+$/.test(toText))
    return errorCommand(
      `error: invalid argument "${toText}" for "--to-revision" flag: strconv.ParseInt: parsing "${toText}": invalid syntax`,
    );
  const to = toText === undefined ? 0 : Number(toText);
  return {
    type: 'write',
    line,
    run(cluster, print) {
      const d = cluster.get('Deployment', namespace, name);
      if (!d) return print(fail(`Error from server (NotFound): deployments.apps "${name}" not found`));
      if (d.spec.paused)
        return print(
          fail(
            `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`,
          ),
        );
      const all = revisions(cluster, d);
      // Revision 0 means the one before the current.
      const target = to === 0 ? all[all.length - 2] : all.find((r) => r.revision === to);
      if (!target)
        return print(
          fail(
            to === 0
              ? `error: no rollout history found for deployment "${name}"`
              : `error: unable to find specified revision ${to} in history`,
          ),
        );
      const template = templateOf(target.rs);
      if (JSON.stringify(template) === JSON.stringify(d.spec.template))
        return print(
          ok(
            `deployment.apps/${name} skipped rollback (current template already matches revision ${target.revision})`,
          ),
        );
      // kubectl sends the old template as a PATCH that replaces the current one (no resourceVersion).
      cluster.patch(
        'Deployment',
        namespace,
        name,
        {
          metadata: {
            annotations: createMergePatch(d.metadata.annotations ?? {}, rolledBackAnnotations(d, target.rs)),
          },
          spec: { template: createMergePatch(d.spec.template, template) },
        },
        (r) => print(r.ok ? ok(`deployment.apps/${name} rolled back`) : fail(serverError(r.error))),
      );
    },
  };
}

export const rollout: Verb = {
  flags: {
    watch: { type: 'bool', short: 'w' },
    timeout: { type: 'string' },
    'to-revision': { type: 'string' },
    output: { type: 'string', short: 'o' },
    revision: { type: 'string' },
  },
  run({ args, namespace, line }) {
    const [sub, ...rest] = args.positional;
    if (!['status', 'restart', 'history', 'undo', 'pause', 'resume'].includes(sub ?? ''))
      return errorCommand(
        sub
          ? `error: unknown command "${sub}" for "kubectl rollout"`
          : 'error: Required resource not specified.',
      );
    const output = args.flags.get('output');
    if (output !== undefined)
      return errorCommand(
        sub === 'history' || sub === 'undo' || sub === 'pause' || sub === 'resume' || sub === 'restart'
          ? `error: this simulated kubectl prints rollout ${sub} as kubectl does without -o; it does not print -o ${output}`
          : `error: unknown shorthand flag: 'o' in -o`,
      );
    const watch = args.flags.get('watch') !== 'false';
    const timeout = durationFlag(args, 'timeout', 0);
    if (typeof timeout === 'string') return errorCommand(timeout);
    const targets = resolveTargets(rest, 'rollout');
    if (typeof targets === 'string') return errorCommand(targets);
    const target = targets.names[0];
    if (!target) return errorCommand('error: Required resource not specified.');
    if (sub === 'status' && target.type.kind === 'DaemonSet')
      return rolloutStatus('DaemonSet', target.name, namespace, watch, 0, timeout);
    if (target.type.kind === 'DaemonSet') {
      const what = `daemonsets.apps "${target.name}"`;
      if (sub === 'pause' || sub === 'resume')
        return errorCommand(`error: ${what} ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported`);
      if (sub === 'restart') return restart('DaemonSet', target.name, namespace, line);
      if (sub === 'undo') {
        const to = args.flags.get('to-revision') ?? '0';
        if (!/^\d+$/.test(to))
          return errorCommand(
            `error: invalid argument "${to}" for "--to-revision" flag: strconv.ParseInt: parsing "${to}": invalid syntax`,
          );
        return daemonSetUndo(target.name, namespace, line, Number(to));
      }
    }
    if (target.type.kind !== 'Deployment' && !(target.type.kind === 'DaemonSet' && sub === 'history'))
      return errorCommand(
        `error: no ${sub === 'history' ? 'history' : 'status'} viewer has been implemented for ${target.type.kind}`,
      );
    if (sub === 'undo') return undo(target.name, namespace, line, args.flags.get('to-revision'));
    if (sub === 'pause' || sub === 'resume')
      return pauseOrResume(target.name, namespace, line, sub === 'pause');
    if (sub === 'restart') return restart('Deployment', target.name, namespace, line);
    const revisionText = args.flags.get('revision') ?? '0';
    if (!/^-?\d+$/.test(revisionText))
      return errorCommand(
        `error: invalid argument "${revisionText}" for "--revision" flag: strconv.ParseInt: parsing "${revisionText}": invalid syntax`,
      );
    const revision = Number(revisionText);
    if (revision < 0) return errorCommand(`error: revision must be a positive integer: ${revision}`);
    if (sub === 'history')
      return target.type.kind === 'DaemonSet'
        ? daemonSetHistory(target.name, namespace, revision)
        : rolloutHistory(target.name, namespace, revision);
    return rolloutStatus('Deployment', target.name, namespace, watch, revision, timeout);
  },
};
