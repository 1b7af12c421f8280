/**
 * The deployment controller's arithmetic and bookkeeping, as pkg/controller/deployment/util has it:
 * fenceposts, the annotations a ReplicaSet carries, status and conditions. Pure functions only.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from '../api/types';

/** The annotations a Deployment and its ReplicaSets carry their revision in (`kubectl rollout history` reads it). */
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/**
 * The Deployment's own bookkeeping (annotationsToSkip): not handed down to its ReplicaSets
 * (skipCopyAnnotation), and kept, not taken back, by `kubectl rollout undo`.
 */
export const DEPLOYMENT_OWN_ANNOTATIONS: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

/** kube-controller-manager's --deployment-controller-revision-history-limit... in characters (2,000). */
const REVISION_HISTORY_CHARS = 2000;

/** Resolves an int-or-percent against `total` (intstr.GetScaledValueFromIntOrPercent). */
export function scaled(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const pct = Number(value.replace('%', ''));
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: surge rounds up, unavailable down; both 0 would never move, so unavailable becomes 1. */
export function surgeAndUnavailable(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const maxSurge = scaled(ru?.maxSurge ?? '25%', d.spec.replicas, true);
  let maxUnavailable = scaled(ru?.maxUnavailable ?? '25%', d.spec.replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export const isRollingUpdate = (d: Deployment) =>
  (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

export const maxSurge = (d: Deployment) => (isRollingUpdate(d) ? surgeAndUnavailable(d).maxSurge : 0);

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || d.spec.replicas === 0) return 0;
  return Math.min(surgeAndUnavailable(d).maxUnavailable, d.spec.replicas);
}

export const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;

const sum = (sets: readonly ReplicaSet[], of: (rs: ReplicaSet) => number | undefined) =>
  sets.reduce((n, rs) => n + (of(rs) ?? 0), 0);
export const specReplicas = (sets: readonly ReplicaSet[]) => sum(sets, (rs) => rs.spec.replicas);
export const activeSets = (sets: readonly ReplicaSet[]) => sets.filter((rs) => rs.spec.replicas > 0);

/** Sorts oldest first, by creation time then name (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp;
  const tb = b.metadata.creationTimestamp;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** How many pods the new ReplicaSet may have now (NewRSNewReplicas). */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return d.spec.replicas;
  const maxTotal = d.spec.replicas + maxSurge(d);
  const current = specReplicas(all);
  if (current >= maxTotal) return newRS.spec.replicas;
  return newRS.spec.replicas + Math.min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
}

/** Sets desired-replicas and max-replicas; whether anything changed (SetReplicasAnnotations). */
export function setReplicasAnnotations(annotations: Record<string, string>, d: Deployment): boolean {
  const desired = String(d.spec.replicas);
  const max = String(d.spec.replicas + maxSurge(d));
  if (annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max) return false;
  annotations[DESIRED_REPLICAS] = desired;
  annotations[MAX_REPLICAS] = max;
  return true;
}

/**
 * SetNewReplicaSetAnnotations: the Deployment's own annotations (kubernetes.io/change-cause and the
 * like) are copied down, the revision moves up to `revision` (an older revision brought back by a
 * rollback is remembered in revision-history), and a ReplicaSet about to be created gets the
 * replicas annotations. Changes `annotations` in place; whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  annotations: Record<string, string>,
  d: Deployment,
  revision: number,
  exists: boolean,
): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (DEPLOYMENT_OWN_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const old = annotations[REVISION];
  const oldRevision = old === undefined || old === '' ? 0 : Number(old);
  if (!Number.isInteger(oldRevision)) return false;
  if (oldRevision < revision) {
    annotations[REVISION] = String(revision);
    changed = true;
    if (old !== undefined) appendRevisionHistory(annotations, old);
  }
  if (!exists && setReplicasAnnotations(annotations, d)) changed = true;
  return changed;
}

function appendRevisionHistory(annotations: Record<string, string>, old: string): void {
  const history = annotations[REVISION_HISTORY] ?? '';
  if (history === '') {
    annotations[REVISION_HISTORY] = old;
    return;
  }
  const revisions = history.split(',');
  let total = history.length + old.length + 1;
  let start = 0;
  while (total > REVISION_HISTORY_CHARS && start < revisions.length) total -= revisions[start++]!.length + 1;
  if (total <= REVISION_HISTORY_CHARS)
    annotations[REVISION_HISTORY] = [...revisions.slice(start), old].join(',');
}

type Status = Deployment['status'];
type ConditionType = DeploymentCondition['type'];

export const conditionOf = (status: Status, type: ConditionType) =>
  status.conditions?.find((c) => c.type === type);

export function newCondition(
  type: ConditionType,
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/**
 * SetDeploymentCondition: nothing changes if the condition already has this status and reason;
 * otherwise it goes to the end of the list, keeping its transition time if only the reason moved.
 */
export function setCondition(status: Status, condition: DeploymentCondition): void {
  const current = conditionOf(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status && current.lastTransitionTime)
    next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: Status, type: ConditionType): void {
  if (!status.conditions) return;
  const rest = status.conditions.filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

/**
 * calculateStatus: counts over every ReplicaSet (zeros left out, as omitempty leaves them out of
 * the stored object), the conditions carried over, and Available set from maxUnavailable.
 */
export function calculateStatus(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  now: string,
): Status {
  const available = sum(all, (rs) => rs.status.availableReplicas);
  const counts: [keyof Status, number][] = [
    ['observedGeneration', d.metadata.generation ?? 1],
    ['replicas', sum(all, (rs) => rs.status.replicas)],
    ['updatedReplicas', newRS ? (newRS.status.replicas ?? 0) : 0],
    ['readyReplicas', sum(all, (rs) => rs.status.readyReplicas)],
    ['availableReplicas', available],
    ['unavailableReplicas', Math.max(0, specReplicas(all) - available)],
  ];
  const status: Status = {};
  for (const [k, v] of counts) if (v !== 0) (status as Record<string, number>)[k] = v;
  if (d.status.conditions) status.conditions = [...d.status.conditions];
  if (available >= d.spec.replicas - maxUnavailable(d))
    setCondition(
      status,
      newCondition(
        'Available',
        'True',
        'MinimumReplicasAvailable',
        'Deployment has minimum availability.',
        now,
      ),
    );
  else
    setCondition(
      status,
      newCondition(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        now,
      ),
    );
  return status;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function isComplete(d: Deployment, s: Status): boolean {
  const want = d.spec.replicas;
  return (
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more pods updated, ready or available, or fewer old ones, than last time. */
export function isProgressing(d: Deployment, s: Status): boolean {
  const was = d.status;
  const old = (x: Status) => (x.replicas ?? 0) - (x.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (was.updatedReplicas ?? 0) ||
    old(s) < old(was) ||
    (s.readyReplicas ?? 0) > (was.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (was.availableReplicas ?? 0)
  );
}

/** When the Progressing condition runs out of time (its last update + progressDeadlineSeconds), in epoch ms. */
export function progressDeadline(d: Deployment, s: Status): number | undefined {
  const c = conditionOf(s, 'Progressing');
  if (!c?.lastUpdateTime || d.spec.progressDeadlineSeconds === undefined) return undefined;
  return Date.parse(c.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000;
}

/** DeploymentTimedOut: no progress reported within progressDeadlineSeconds. */
export function isTimedOut(d: Deployment, s: Status, nowMs: number): boolean {
  const c = conditionOf(s, 'Progressing');
  if (!c || c.reason === NEW_RS_AVAILABLE) return false;
  if (c.reason === TIMED_OUT) return true;
  const deadline = progressDeadline(d, s);
  return deadline !== undefined && deadline < nowMs;
}

export const NEW_RS_CREATED = 'NewReplicaSetCreated';
export const FOUND_NEW_RS = 'FoundNewReplicaSet';
export const RS_UPDATED = 'ReplicaSetUpdated';
export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';
export const PAUSED = 'DeploymentPaused';
export const RESUMED = 'DeploymentResumed';

/**
 * GetReplicaSetProportion: a ReplicaSet's share of a scale from the max-replicas it was last sized
 * for to the Deployment's new max, rounded, never beyond what is left to add or remove.
 */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (d.spec.replicas === 0) return -rs.spec.replicas;
  const maxReplicas = d.spec.replicas + maxSurge(d);
  let before = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? NaN);
  if (!Number.isInteger(before) || before === 0) {
    before = d.status.replicas ?? 0;
    if (before === 0) return 0;
  }
  // integer.RoundToInt32: halves away from zero.
  const exact = (rs.spec.replicas * maxReplicas) / before;
  return Math.sign(exact) * Math.round(Math.abs(exact)) - rs.spec.replicas;
}

/** Larger first; among equals, newer first when scaling up and older first when scaling down. */
export function bySize(newerFirst: boolean): (a: ReplicaSet, b: ReplicaSet) => number {
  return (a, b) => {
    if (a.spec.replicas !== b.spec.replicas) return b.spec.replicas - a.spec.replicas;
    return newerFirst ? byCreation(b, a) : byCreation(a, b);
  };
}

/** IsSaturated: the new ReplicaSet already runs every replica, all of them available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const want = d.spec.replicas;
  return (
    rs.spec.replicas === want &&
    rs.metadata.annotations?.[DESIRED_REPLICAS] === String(want) &&
    (rs.status.availableReplicas ?? 0) === want
  );
}
