/**
 * `kubectl rollout status deployment/NAME | daemonset/NAME [--watch=false] [--revision=N]`:
 * kubectl's DeploymentStatusViewer and DaemonSetStatusViewer, followed until the rollout is done
 * (or fails), or printed once.
 */
import type { DaemonSet, Deployment } from '../../engine/api/types';
import { REVISION } from '../../engine/controllers/deploymentController';
import { momentsSince } from '../history';
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
  /** The object, or undefined when it is gone. */
  const objectOf = (reader: ClusterReader): Deployment | DaemonSet | undefined =>
    kind === 'DaemonSet'
      ? reader.get('DaemonSet', namespace, name)
      : reader.get('Deployment', namespace, name);
  const lineFor = (o: Deployment | DaemonSet): RolloutLine =>
    o.kind === 'DaemonSet' ? daemonSetLine(o) : rolloutLine(o, revision);
  if (!watch)
    return {
      type: 'read',
      run(reader) {
        const o = objectOf(reader);
        return o ? printed(lineFor(o)) : notFound(kind, name);
      },
    };
  let last = '';
  let version = '';
  let lookedAt = -Infinity;
  let finished = false;
  let deadline = Infinity;
  return {
    type: 'watch',
    first(reader) {
      if (timeoutMs > 0) deadline = reader.now + timeoutMs;
      lookedAt = reader.now;
      const o = objectOf(reader);
      if (!o) {
        finished = true;
        return notFound(kind, name);
      }
      const line = lineFor(o);
      last = line.text;
      version = o.metadata.resourceVersion;
      finished = line.done;
      return printed(line);
    },
    ended: () => finished,
    next(reader) {
      if (finished) return null;
      const out: Output[] = [];
      /** kubectl prints the status at each watch event of the object, the same line again too. */
      const look = (at: ClusterReader) => {
        if (finished) return;
        const o = objectOf(at);
        if (!o) {
          // kubectl stops watching a deleted object rather than follow a new one of the same name.
          finished = true;
          out.push(fail('error: object has been deleted'));
          return;
        }
        if (o.metadata.resourceVersion === version) return;
        version = o.metadata.resourceVersion;
        const line = lineFor(o);
        // Without the run's history only how things stand is known: print what changed.
        if (!reader.history && line.text === last) return;
        last = line.text;
        finished = line.done;
        out.push(printed(line));
      };
      for (const earlier of momentsSince(reader, kind, lookedAt)) look(earlier);
      look(reader);
      lookedAt = reader.now;
      if (!out.length) {
        if (reader.now < deadline) return null;
        finished = true;
        return fail('error: timed out waiting for the condition');
      }
      return { text: out.map((o) => o.text).join('\n'), error: out.some((o) => o.error) };
    },
  };
}
