/** `kubectl rollout status deployment/NAME` (follows until rolled out) and `kubectl rollout restart deployment/NAME`. */
import type { Deployment } from '../../engine/api/types';
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
      const t = d.spec.template;
      const next: Deployment = {
        ...d,
        spec: {
          ...d.spec,
          template: {
            ...t,
            metadata: {
              ...t.metadata,
              annotations: {
                ...t.metadata.annotations,
                'kubectl.kubernetes.io/restartedAt': timestamp(cluster.now as never),
              },
            },
          },
        },
      };
      cluster.apply(next, (r) =>
        print(r.ok ? ok(`deployment.apps/${name} restarted`) : fail(serverError(r.error))),
      );
    },
  };
}

export const rollout: Verb = {
  flags: { watch: { type: 'bool', short: 'w' }, timeout: { type: 'string' } },
  run({ args, namespace, line }) {
    const [sub, ...rest] = args.positional;
    if (sub !== 'status' && sub !== 'restart')
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
    return sub === 'status' ? status(target.name, namespace) : restart(target.name, namespace, line);
  },
};
