/**
 * `kubectl rollout status deployment/NAME [--watch=false] [--revision=N]`: kubectl's
 * DeploymentStatusViewer, followed until the rollout is done (or fails), or printed once.
 */
import type { Deployment } from '../../engine/api/types';
import { REVISION } from '../../engine/controllers/deploymentController';
import { fail, ok } from '../output';
import type { ClusterReader, Command, Output } from '../types';

/** kubectl's deploymentutil.TimedOutReason: the Progressing condition's reason once the deadline has passed. */
const TIMED_OUT = 'ProgressDeadlineExceeded';

/** The status line (or kubectl's error), and whether the rollout is over either way. */
export interface RolloutLine {
  readonly text: string;
  readonly done: boolean;
  readonly error?: boolean;
}

/** kubectl's DeploymentStatusViewer.Status: the line for the rollout's state, and whether it is done. */
export function rolloutLine(d: Deployment, revision = 0): RolloutLine {
  const name = d.metadata.name;
  const s = d.status;
  if (revision > 0) {
    const running = Number(d.metadata.annotations?.[REVISION] ?? 0);
    if (running !== revision)
      return {
        text: `error: desired revision (${revision}) is different from the running revision (${running})`,
        done: true,
        error: true,
      };
  }
  if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 0))
    return { text: 'Waiting for deployment spec update to be observed...', done: false };
  if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === TIMED_OUT))
    return { text: `error: deployment "${name}" exceeded its progress deadline`, done: true, error: true };
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

const printed = (line: RolloutLine): Output => (line.error ? fail(line.text) : ok(line.text));
const notFound = (name: string) => fail(`Error from server (NotFound): deployments.apps "${name}" not found`);

/**
 * The status once (`--watch=false`: kubectl prints the first status it sees and returns), or
 * followed: a line each time it changes, until the rollout is done or fails.
 */
export function rolloutStatus(name: string, namespace: string, watch: boolean, revision: number): Command {
  const read = (reader: ClusterReader) => reader.get('Deployment', namespace, name);
  if (!watch)
    return {
      type: 'read',
      run(reader) {
        const d = read(reader);
        return d ? printed(rolloutLine(d, revision)) : notFound(name);
      },
    };
  let last = '';
  let finished = false;
  return {
    type: 'watch',
    first(reader) {
      const d = read(reader);
      if (!d) {
        finished = true;
        return notFound(name);
      }
      const line = rolloutLine(d, revision);
      last = line.text;
      finished = line.done;
      return printed(line);
    },
    ended: () => finished,
    next(reader) {
      if (finished) return null;
      const d = read(reader);
      if (!d) {
        // kubectl stops watching a deleted object rather than follow a new one of the same name.
        finished = true;
        return fail('error: object has been deleted');
      }
      const line = rolloutLine(d, revision);
      if (line.text === last) return null;
      last = line.text;
      finished = line.done;
      return printed(line);
    },
  };
}
