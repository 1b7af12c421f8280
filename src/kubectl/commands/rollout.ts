/**
 * `kubectl rollout status deployment/NAME` (follows until rolled out), `restart`, `history` (the
 * revisions the Deployment's ReplicaSets carry) and `undo [--to-revision=N]` (the template of an
 * earlier revision put back).
 */
import type { Deployment, ReplicaSet } from '../../engine/api/types';
import { createMergePatch } from '../../engine/api/mergePatch';
import { REVISION } from '../../engine/controllers/deploymentController';
import { timestamp } from '../../engine/core/time';
import { resolveTargets } from '../get/get';
import { errorCommand, fail, ok, serverError } from '../output';
import type { ClusterReader, Command } from '../types';
import type { Verb } from './context';

/** kubectl's DeploymentStatusViewer: the line for the rollout's state, and whether it is done. */
export function rolloutLine(d: Deployment): { text: string; done: boolean } {
  const name = d.metadata.name;
  const s = d.status;
  if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 0))
    return { text: 'Waiting for deployment spec update to be observed...', done: false };
  const updated = s.updatedReplicas ?? 0;
  const wanted = d.spec.replicas;
  if (updated < wanted)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${wanted} new replicas have been updated...`,
      done: false,
    };
  if ((s.replicas ?? 0) > updated)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`,
      done: false,
    };
  if ((s.availableReplicas ?? 0) < updated)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`,
      done: false,
    };
  return { text: `deployment "${name}" successfully rolled out`, done: true };
}

function status(name: string, namespace: string): Command {
  let last = '';
  let finished = false;
  const read = (reader: ClusterReader) => reader.get('Deployment', namespace, name);
  return {
    type: 'watch',
    first(reader) {
      const d = read(reader);
      if (!d) {
        finished = true;
        return fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
      }
      const line = rolloutLine(d);
      last = line.text;
      finished = line.done;
      return ok(line.text);
    },
    ended: () => finished,
    next(reader) {
      if (finished) return null;
      const d = read(reader);
      if (!d) return null;
      const line = rolloutLine(d);
      if (line.text === last) return null;
      last = line.text;
      finished = line.done;
      return ok(line.text);
    },
  };
}

function restart(name: string, namespace: string, line: string): Command {
  return {
    type: 'write',
    line,
    run(cluster, print) {
      const d = cluster.get('Deployment', namespace, name);
      if (!d) return print(fail(`Error from server (NotFound): deployments.apps "${name}" not found`));
      // kubectl patches the template's annotation (no resourceVersion, so no conflict with status writes).
      const restartedAt = timestamp(cluster.now as never);
      cluster.patch(
        'Deployment',
        namespace,
        name,
        {
          spec: {
            template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } },
          },
        },
        (r) => print(r.ok ? ok(`deployment.apps/${name} restarted`) : fail(serverError(r.error))),
      );
    },
  };
}

/** The Deployment's ReplicaSets by revision, oldest first. */
function revisions(
  reader: Pick<ClusterReader, 'list'>,
  d: Deployment,
): { revision: number; rs: ReplicaSet }[] {
  return reader
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid))
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0, rs }))
    .filter((r) => r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

function history(name: string, namespace: string): Command {
  return {
    type: 'read',
    run(reader) {
      const d = reader.get('Deployment', namespace, name);
      if (!d) return fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
      const rows = revisions(reader, d).map(
        ({ revision, rs }) =>
          `${String(revision).padEnd(8)}  ${rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>'}`,
      );
      return ok([`deployment.apps/${name} `, 'REVISION  CHANGE-CAUSE', ...rows, ''].join('\n'));
    },
  };
}

/** The template a ReplicaSet was made from: its own, without the label the Deployment added. */
function templateOf(rs: ReplicaSet): Deployment['spec']['template'] {
  const labels = { ...rs.spec.template.metadata.labels };
  delete labels['pod-template-hash'];
  return { ...rs.spec.template, metadata: { ...rs.spec.template.metadata, labels } };
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
        { spec: { template: createMergePatch(d.spec.template, template) } },
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
  },
  run({ args, namespace, line }) {
    const [sub, ...rest] = args.positional;
    if (sub !== 'status' && sub !== 'restart' && sub !== 'history' && sub !== 'undo')
      return errorCommand(
        sub
          ? `error: unknown command "${sub}" for "kubectl rollout"`
          : 'error: Required resource not specified.',
      );
    const targets = resolveTargets(rest, 'rollout');
    if (typeof targets === 'string') return errorCommand(targets);
    const target = targets.names[0];
    if (!target) return errorCommand('error: Required resource not specified.');
    if (target.type.kind !== 'Deployment')
      return errorCommand(`error: no status viewer has been implemented for ${target.type.kind}`);
    if (sub === 'history') return history(target.name, namespace);
    if (sub === 'undo') return undo(target.name, namespace, line, args.flags.get('to-revision'));
    return sub === 'status' ? status(target.name, namespace) : restart(target.name, namespace, line);
  },
};
