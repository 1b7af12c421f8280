/**
 * `kubectl rollout status deployment/NAME | daemonset/NAME [--watch=false] [--revision=N]`:
 * kubectl's DeploymentStatusViewer and DaemonSetStatusViewer, followed until the rollout is done
 * (or fails), or printed once.
 */
import type { DaemonSet, Deployment } from '../../engine/api/types';
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

/** kubectl's DaemonSetStatusViewer.Status (a DaemonSet here always has the RollingUpdate strategy). */
export function daemonSetLine(ds: DaemonSet): RolloutLine {
  const name = ds.metadata.name;
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0))
    return { text: 'Waiting for daemon set spec update to be observed...', done: false };
  const desired = s.desiredNumberScheduled;
  if ((s.updatedNumberScheduled ?? 0) < desired)
    return {
      text: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...`,
      done: false,
    };
  if ((s.numberAvailable ?? 0) < desired)
    return {
      text: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...`,
      done: false,
    };
  return { text: `daemon set "${name}" successfully rolled out`, done: true };
}

const printed = (line: RolloutLine): Output => (line.error ? fail(line.text) : ok(line.text));
const notFound = (kind: StatusKind, name: string) =>
  fail(
    `Error from server (NotFound): ${kind === 'Deployment' ? 'deployments' : 'daemonsets'}.apps "${name}" not found`,
  );

/** The kinds with a status viewer here. */
export type StatusKind = 'Deployment' | 'DaemonSet';

/**
 * The status once (`--watch=false`: kubectl prints the first status it sees and returns), or
 * followed: a line each time it changes, until the rollout is done or fails.
 */
export function rolloutStatus(
  kind: StatusKind,
  name: string,
  namespace: string,
  watch: boolean,
  revision: number,
  /** --timeout: how long to follow before giving up; 0 follows until done. */
  timeoutMs = 0,
): Command {
  /** The object's status line, or null when it is gone. */
  const lineOf = (reader: ClusterReader): RolloutLine | null => {
    if (kind === 'DaemonSet') {
      const ds = reader.get('DaemonSet', namespace, name);
      return ds ? daemonSetLine(ds) : null;
    }
    const d = reader.get('Deployment', namespace, name);
    return d ? rolloutLine(d, revision) : null;
  };
  if (!watch)
    return {
      type: 'read',
      run(reader) {
        const line = lineOf(reader);
        return line ? printed(line) : notFound(kind, name);
      },
    };
  let last = '';
  let finished = false;
  let deadline = Infinity;
  return {
    type: 'watch',
    first(reader) {
      if (timeoutMs > 0) deadline = reader.now + timeoutMs;
      const line = lineOf(reader);
      if (!line) {
        finished = true;
        return notFound(kind, name);
      }
      last = line.text;
      finished = line.done;
      return printed(line);
    },
    ended: () => finished,
    next(reader) {
      if (finished) return null;
      const line = lineOf(reader);
      if (!line) {
        // kubectl stops watching a deleted object rather than follow a new one of the same name.
        finished = true;
        return fail('error: object has been deleted');
      }
      if (line.text === last) {
        if (reader.now < deadline) return null;
        finished = true;
        return fail('error: timed out waiting for the condition');
      }
      last = line.text;
      finished = line.done;
      return printed(line);
    },
  };
}
