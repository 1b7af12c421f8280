/**
 * deployment-controller: owns one ReplicaSet per pod template (named by pod-template-hash) and, as
 * pkg/controller/deployment does, on each pass: syncs the revision and the annotations the new
 * ReplicaSet inherits; when only the size changed, scales every active ReplicaSet proportionally;
 * otherwise rolls out by its strategy (RollingUpdate within maxSurge/maxUnavailable, or Recreate:
 * every old pod gone before the new ones start); prunes ReplicaSets past revisionHistoryLimit once
 * a rollout completes; and reports status with the Available and Progressing conditions
 * (progressDeadlineSeconds included).
 */
import { objectKey } from '../api/resources';
import type { Deployment, Pod, ReplicaSet } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import { RUN_EPOCH_MS, timestamp } from '../core/time';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';
import {
  activeSets,
  byCreation,
  bySize,
  calculateStatus,
  conditionOf,
  DESIRED_REPLICAS,
  FOUND_NEW_RS,
  isComplete,
  isProgressing,
  isRollingUpdate,
  isSaturated,
  isTimedOut,
  maxSurge,
  maxUnavailable,
  NEW_RS_AVAILABLE,
  NEW_RS_CREATED,
  PAUSED,
  RESUMED,
  newCondition,
  newRSNewReplicas,
  progressDeadline,
  proportion,
  removeCondition,
  REVISION,
  revisionOf,
  RS_UPDATED,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
  TIMED_OUT,
} from './deploymentUtil';
import { templateHash } from './templateHash';

export { REVISION, scaled, surgeAndUnavailable } from './deploymentUtil';

/** One pass over one Deployment: what it will write back, and the ReplicaSets it changed on the way. */
interface Pass {
  readonly d: Deployment;
  readonly key: string;
  /** The Deployment's annotations and status as this pass leaves them (written once, at the end). */
  readonly annotations: Record<string, string>;
  status: Deployment['status'];
  /** Working copies of the ReplicaSets this pass changed, with their size before it. */
  readonly changed: Map<ReplicaSet, { from: number; op: 'up' | 'down' | undefined }>;
  readonly actions: string[];
}

export class DeploymentController extends Controller {
  readonly name = 'deployment-controller';
  readonly serviceAccount = 'deployment-controller';
  readonly deployments: Informer<'Deployment'>;
  /** When each stuck Deployment is next looked at for its progress deadline (virtual ms). */
  private readonly progressChecks = new Map<string, number>();

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly replicaSets: Informer<'ReplicaSet'>,
    private readonly pods: Informer<'Pod'>,
  ) {
    super(sim, api);
    this.deployments = new Informer(api, KCM, 'Deployment');
    this.deployments.addHandlers({
      onAdd: (d) => this.enqueue(keyOf(d)),
      onUpdate: (d) => this.enqueue(keyOf(d)),
    });
    replicaSets.addHandlers({
      onAdd: (rs) => this.rsEvent(rs),
      onUpdate: (rs) => this.rsEvent(rs),
      onDelete: (rs) => this.rsEvent(rs),
    });
    // A Recreate rollout waits for the old pods to be gone (deletePod in the real controller).
    pods.addHandlers({ onDelete: (p) => this.podDeleted(p) });
  }

  start(): void {
    this.deployments.start();
  }

  override stop(): void {
    super.stop();
    this.deployments.halt();
    this.progressChecks.clear();
  }

  private rsEvent(rs: ReplicaSet): void {
    const owner = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    if (owner) this.enqueue(objectKey(rs.metadata.namespace, owner.name));
  }

  private podDeleted(pod: Pod): void {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
    const rs = ref && this.replicaSets.get(pod.metadata.namespace ?? 'default', ref.name);
    if (rs) this.rsEvent(rs);
  }

  protected reconcile(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const d = this.deployments.get(namespace, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const pass: Pass = {
      d,
      key,
      annotations: { ...d.metadata.annotations },
      status: d.status,
      changed: new Map(),
      actions: [],
    };
    const owned = [...this.replicaSets.list()]
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller))
      .map(workingCopy);
    this.checkPausedConditions(pass);
    const { newRS, oldRSs } = this.syncRevision(pass, owned);
    // What was observed, before this pass acts (the working copies change as it does).
    const seen = { newRS: newRS?.spec.replicas, old: specReplicas(oldRSs) };

    if (d.spec.paused || this.isScalingEvent(d, newRS, oldRSs)) {
      // Paused: only scaling, and old ReplicaSets past the history limit go; no rollout.
      this.scaleProportionally(pass, newRS, oldRSs);
      if (d.spec.paused) this.cleanup(pass, oldRSs);
      this.finish(pass, owned, newRS, false);
    } else if (isRollingUpdate(d)) this.rolloutRolling(pass, newRS, oldRSs);
    else this.rolloutRecreate(pass, newRS, oldRSs);

    this.noteWhat(pass, newRS, seen);
  }

  /** The pass as the UI shows it: a plain scale when no old ReplicaSet has pods, else the rollout's state. */
  private noteWhat(
    pass: Pass,
    newRS: ReplicaSet | undefined,
    seen: { newRS: number | undefined; old: number },
  ): void {
    const d = pass.d;
    const want = d.spec.replicas;
    const { old } = seen;
    const current = seen.newRS ?? 0;
    const action = (pass.actions.join('; ') || 'none') + (d.spec.paused ? ' (paused)' : '');
    if (newRS && old === 0)
      return this.note({
        key: pass.key,
        desired: `${want} replicas`,
        actual: `${current} in ${newRS.metadata.name}`,
        diff: String(want - current),
        action,
      });
    this.note({
      key: pass.key,
      desired: `${want} × template ${templateHash(d.spec.template)}`,
      actual: newRS ? `new ${current}, old ${old}` : `no ReplicaSet for it, old ${old}`,
      diff: newRS ? `${want - current} to move` : 'new template',
      action,
    });
  }

  /**
   * getAllReplicaSetsAndSyncRevision without creating: the new ReplicaSet (the one whose
   * pod-template-hash is the template's) takes the newest revision and the Deployment's annotations;
   * the Deployment shows that revision.
   */
  private syncRevision(pass: Pass, owned: ReplicaSet[]): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
    const hash = templateHash(pass.d.spec.template);
    const newRS = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const oldRSs = owned.filter((rs) => rs !== newRS);
    if (!newRS) return { oldRSs };
    const revision = Math.max(0, ...oldRSs.map(revisionOf)) + 1;
    if (setNewReplicaSetAnnotations(newRS.metadata.annotations!, pass.d, revision, true)) {
      this.markChanged(pass, newRS);
      pass.actions.push(
        `annotate ${newRS.metadata.name} (revision ${newRS.metadata.annotations![REVISION]})`,
      );
    }
    // The new ReplicaSet follows the Deployment's minReadySeconds.
    if ((newRS.spec.minReadySeconds ?? 0) !== (pass.d.spec.minReadySeconds ?? 0)) {
      newRS.spec.minReadySeconds = pass.d.spec.minReadySeconds ?? 0;
      this.markChanged(pass, newRS);
    }
    pass.annotations[REVISION] = newRS.metadata.annotations![REVISION] ?? String(revision);
    if (hasProgressDeadline(pass.d) && !conditionOf(pass.status, 'Progressing'))
      this.setStatusCondition(pass, 'True', FOUND_NEW_RS, `Found new replica set "${newRS.metadata.name}"`);
    return { newRS, oldRSs };
  }

  /** checkPausedConditions: Progressing turns Unknown while paused, and says so once resumed. */
  private checkPausedConditions(pass: Pass): void {
    const d = pass.d;
    if (!hasProgressDeadline(d)) return;
    const current = conditionOf(pass.status, 'Progressing');
    if (current?.reason === TIMED_OUT) return;
    const pausedShown = current?.reason === PAUSED;
    if (d.spec.paused && !pausedShown)
      this.setStatusCondition(pass, 'Unknown', PAUSED, 'Deployment is paused');
    else if (!d.spec.paused && pausedShown)
      this.setStatusCondition(pass, 'Unknown', RESUMED, 'Deployment is resumed');
  }

  /** isScalingEvent: an active ReplicaSet was sized for a different replica count than the Deployment's now. */
  private isScalingEvent(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    return activeSets(all).some((rs) => {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
      return desired !== undefined && desired !== String(d.spec.replicas);
    });
  }

  private rolloutRolling(pass: Pass, existing: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const newRS = existing ?? this.createReplicaSet(pass, oldRSs);
    const all = [...oldRSs, newRS];
    if (
      this.reconcileNewReplicaSet(pass, all, newRS) ||
      this.reconcileOldReplicaSets(pass, all, oldRSs, newRS)
    )
      return this.finish(pass, all, newRS, true);
    if (isComplete(pass.d, pass.d.status)) this.cleanup(pass, oldRSs);
    this.finish(pass, all, newRS, true);
  }

  private rolloutRecreate(pass: Pass, existing: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const all = existing ? [...oldRSs, existing] : [...oldRSs];
    let scaledDown = false;
    for (const rs of activeSets(oldRSs)) if (this.scaleTo(pass, rs, 0)) scaledDown = true;
    if (scaledDown || this.oldPodsRunning(existing, oldRSs)) {
      if (!existing) pass.actions.push('wait for the old pods to be gone');
      return this.finish(pass, all, existing, true);
    }
    const newRS = existing ?? this.createReplicaSet(pass, oldRSs);
    if (!existing) all.push(newRS);
    this.scaleTo(pass, newRS, pass.d.spec.replicas);
    if (isComplete(pass.d, pass.d.status)) this.cleanup(pass, oldRSs);
    this.finish(pass, all, newRS, true);
  }

  /** Scale the new ReplicaSet up within maxSurge (or down, if the Deployment shrank). */
  private reconcileNewReplicaSet(pass: Pass, all: ReplicaSet[], newRS: ReplicaSet): boolean {
    const want = pass.d.spec.replicas;
    if (newRS.spec.replicas === want) return false;
    if (newRS.spec.replicas > want) return this.scaleTo(pass, newRS, want);
    return this.scaleTo(pass, newRS, newRSNewReplicas(pass.d, all, newRS));
  }

  /**
   * Scale old ReplicaSets down as far as maxUnavailable allows, counting the new ReplicaSet's
   * unavailable pods against it; unhealthy old pods go first (they would block the rollout).
   */
  private reconcileOldReplicaSets(
    pass: Pass,
    all: ReplicaSet[],
    oldRSs: ReplicaSet[],
    newRS: ReplicaSet,
  ): boolean {
    const old = activeSets(oldRSs).sort(byCreation);
    if (specReplicas(old) === 0) return false;
    const minAvailable = pass.d.spec.replicas - maxUnavailable(pass.d);
    const newUnavailable = newRS.spec.replicas - (newRS.status.availableReplicas ?? 0);
    const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;

    let cleaned = 0;
    for (const rs of old) {
      if (cleaned >= maxScaledDown) break;
      const unhealthy = rs.spec.replicas - (rs.status.availableReplicas ?? 0);
      if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
      const down = Math.min(maxScaledDown - cleaned, unhealthy);
      this.scaleTo(pass, rs, rs.spec.replicas - down);
      cleaned += down;
    }

    const available = all.reduce((n, rs) => n + (rs.status.availableReplicas ?? 0), 0);
    let scaledDown = 0;
    if (available > minAvailable) {
      const want = available - minAvailable;
      for (const rs of old) {
        if (scaledDown >= want) break;
        if (rs.spec.replicas === 0) continue;
        const down = Math.min(rs.spec.replicas, want - scaledDown);
        this.scaleTo(pass, rs, rs.spec.replicas - down);
        scaledDown += down;
      }
    }
    return cleaned + scaledDown > 0;
  }

  /**
   * The Deployment's size changed (scale): the one active ReplicaSet takes it all; otherwise, in a
   * rolling update, every active ReplicaSet grows or shrinks in proportion, the leftover going to
   * the largest.
   */
  private scaleProportionally(pass: Pass, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = pass.d;
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    const active = activeSets(all);
    if (active.length <= 1) {
      const target = active[0] ?? newRS ?? [...oldRSs].sort(byCreation).at(-1);
      if (target && target.spec.replicas !== d.spec.replicas) this.scaleTo(pass, target, d.spec.replicas);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const rs of activeSets(oldRSs)) this.scaleTo(pass, rs, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d) : 0;
    const toAdd = allowed - specReplicas(active);
    const op = toAdd > 0 ? 'up' : 'down';
    active.sort(bySize(toAdd > 0));
    let added = 0;
    const sizes = active.map((rs) => {
      const share = proportion(rs, d, toAdd, added);
      added += share;
      return rs.spec.replicas + share;
    });
    if (toAdd !== 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
    active.forEach((rs, i) => this.resize(pass, rs, sizes[i]!, op));
  }

  /** oldPodsRunning: an old ReplicaSet still counts pods, or one of its pods has not finished. */
  private oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (oldRSs.some((rs) => (rs.status.replicas ?? 0) > 0)) return true;
    const old = new Set(oldRSs.map((rs) => rs.metadata.uid));
    if (newRS) old.delete(newRS.metadata.uid);
    for (const pod of this.pods.list()) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
      if (ref && old.has(ref.uid) && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed')
        return true;
    }
    return false;
  }

  /** cleanupDeployment: old, empty ReplicaSets past revisionHistoryLimit go, lowest revision first. */
  private cleanup(pass: Pass, oldRSs: ReplicaSet[]): void {
    const limit = pass.d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const excess = alive.length - limit;
    if (excess <= 0) return;
    alive.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of alive.slice(0, excess)) {
      const busy =
        (rs.status.replicas ?? 0) !== 0 ||
        rs.spec.replicas !== 0 ||
        (rs.metadata.generation ?? 1) > (rs.status.observedGeneration ?? 0);
      if (busy) continue;
      pass.actions.push(`delete old ReplicaSet ${rs.metadata.name}`);
      this.api.request(
        KCM,
        {
          verb: 'delete',
          kind: 'ReplicaSet',
          namespace: rs.metadata.namespace ?? 'default',
          name: rs.metadata.name,
        },
        (r) => {
          if (!r.ok && r.error.reason !== 'NotFound') this.retry(pass.key, 1_000);
        },
        this.options,
      );
    }
  }

  /** getNewReplicaSet creating: the next revision, as many pods as the strategy allows right away. */
  private createReplicaSet(pass: Pass, oldRSs: ReplicaSet[]): ReplicaSet {
    const d = pass.d;
    const hash = templateHash(d.spec.template);
    const labels = { ...(d.spec.template.metadata.labels ?? {}), 'pod-template-hash': hash };
    const revision = Math.max(0, ...oldRSs.map(revisionOf)) + 1;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace ?? 'default',
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels,
        annotations: {},
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { metadata: { ...d.spec.template.metadata, labels }, spec: d.spec.template.spec },
      },
      status: { replicas: 0 },
    };
    setNewReplicaSetAnnotations(rs.metadata.annotations!, d, revision, false);
    const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    rs.spec.replicas = replicas;
    pass.actions.push(`create ReplicaSet ${rs.metadata.name} with ${replicas}`);
    this.api.request(
      KCM,
      { verb: 'create', kind: 'ReplicaSet', object: snapshot(rs) },
      (r) => {
        if (r.ok && replicas > 0)
          this.recorder.record(
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`,
          );
        else if (!r.ok && r.error.reason !== 'AlreadyExists') this.retry(pass.key, 1_000);
      },
      this.options,
    );
    pass.annotations[REVISION] = String(revision);
    if (hasProgressDeadline(d))
      this.setStatusCondition(pass, 'True', NEW_RS_CREATED, `Created new replica set "${rs.metadata.name}"`);
    return rs;
  }

  /** scaleReplicaSetAndRecordEvent: only a change of size is a change. */
  private scaleTo(pass: Pass, rs: ReplicaSet, to: number): boolean {
    if (rs.spec.replicas === to) return false;
    return this.resize(pass, rs, to, to > rs.spec.replicas ? 'up' : 'down');
  }

  /** scaleReplicaSet: a new size and the replicas annotations for the Deployment's current size. */
  private resize(pass: Pass, rs: ReplicaSet, to: number, op: 'up' | 'down'): boolean {
    const sizeChanged = rs.spec.replicas !== to;
    const annotated = setReplicasAnnotations(rs.metadata.annotations!, pass.d);
    if (!sizeChanged && !annotated) return false;
    this.markChanged(pass, rs, op);
    if (sizeChanged) pass.actions.push(`scale ${op} ${rs.metadata.name} to ${to}`);
    rs.spec.replicas = to;
    return sizeChanged;
  }

  private markChanged(pass: Pass, rs: ReplicaSet, op?: 'up' | 'down'): void {
    const change = pass.changed.get(rs);
    if (!change) pass.changed.set(rs, { from: rs.spec.replicas, op });
    else if (op) change.op = op;
  }

  private setStatusCondition(
    pass: Pass,
    status: 'True' | 'False' | 'Unknown',
    reason: string,
    message: string,
  ): void {
    pass.status = { ...pass.status };
    setCondition(pass.status, newCondition('Progressing', status, reason, message, timestamp(this.sim.now)));
  }

  /**
   * Writes the ReplicaSets this pass changed, then the Deployment's status: syncRolloutStatus
   * (`progress`: the Progressing condition moves with the rollout) or, after a scale,
   * syncDeploymentStatus (counts and Available only).
   */
  private finish(pass: Pass, all: ReplicaSet[], newRS: ReplicaSet | undefined, progress: boolean): void {
    for (const [rs, change] of pass.changed) this.writeReplicaSet(pass, rs, change.from, change.op);
    const d = pass.d;
    const now = timestamp(this.sim.now);
    const withPass: Deployment = { ...d, status: pass.status };
    const status = calculateStatus(withPass, all, newRS, now);
    if (progress) this.progress(withPass, status, newRS, now);
    const annotationsChanged =
      JSON.stringify(pass.annotations) !== JSON.stringify(d.metadata.annotations ?? {});
    if (!annotationsChanged && JSON.stringify(status) === JSON.stringify(d.status)) {
      if (progress) this.checkProgressLater(pass.key, d, status);
      return;
    }
    const object = { ...d, status };
    if (annotationsChanged) object.metadata = { ...d.metadata, annotations: pass.annotations };
    this.api.request(
      KCM,
      { verb: 'updateStatus', kind: 'Deployment', object },
      (r) => {
        if (!r.ok && r.error.reason === 'Conflict') this.retry(pass.key, 10);
      },
      this.options,
    );
  }

  /** The Progressing condition: successfully progressed, still progressing, or past its deadline. */
  private progress(
    d: Deployment,
    status: Deployment['status'],
    newRS: ReplicaSet | undefined,
    now: string,
  ): void {
    if (!hasProgressDeadline(d)) return removeCondition(status, 'Progressing');
    const current = conditionOf(d.status, 'Progressing');
    const done =
      (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === NEW_RS_AVAILABLE;
    if (done) return;
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (isComplete(d, status))
      setCondition(
        status,
        newCondition('Progressing', 'True', NEW_RS_AVAILABLE, `${subject} has successfully progressed.`, now),
      );
    else if (isProgressing(d, status)) {
      const condition = newCondition('Progressing', 'True', RS_UPDATED, `${subject} is progressing.`, now);
      // Progress moves lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === 'True' && current.lastTransitionTime)
          condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (isTimedOut(d, status, RUN_EPOCH_MS + this.sim.now))
      setCondition(
        status,
        newCondition('Progressing', 'False', TIMED_OUT, `${subject} has timed out progressing.`, now),
      );
  }

  /** requeueStuckDeployment: a rollout making no progress is looked at again when its deadline passes. */
  private checkProgressLater(key: string, d: Deployment, status: Deployment['status']): void {
    const current = conditionOf(d.status, 'Progressing');
    if (!hasProgressDeadline(d) || !current || isComplete(d, status) || current.reason === TIMED_OUT) return;
    const deadline = progressDeadline(d, d.status);
    if (deadline === undefined) return;
    const after = deadline - (RUN_EPOCH_MS + this.sim.now);
    const due = this.sim.now + (after < 1_000 ? Math.max(after, 0) + 5 : after + 1_000);
    const pending = this.progressChecks.get(key);
    if (pending !== undefined && pending > this.sim.now && pending <= due) return;
    this.progressChecks.set(key, due);
    this.retry(key, due - this.sim.now);
  }

  private writeReplicaSet(pass: Pass, rs: ReplicaSet, from: number, op: 'up' | 'down' | undefined): void {
    const to = rs.spec.replicas;
    this.api.request(
      KCM,
      { verb: 'update', kind: 'ReplicaSet', object: snapshot(rs) },
      (r) => {
        if (r.ok && to !== from)
          this.recorder.record(
            pass.d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled ${op ?? (to > from ? 'up' : 'down')} replica set ${rs.metadata.name} from ${from} to ${to}`,
          );
        else if (!r.ok) this.retry(pass.key, 10);
      },
      this.options,
    );
  }
}

const hasProgressDeadline = (d: Deployment) =>
  d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== 2147483647;

/** A copy this pass may change: its own metadata, annotations and spec. */
function workingCopy(rs: ReplicaSet): ReplicaSet {
  return {
    ...rs,
    metadata: { ...rs.metadata, annotations: { ...rs.metadata.annotations } },
    spec: { ...rs.spec },
  };
}

/** What is sent: a copy the pass will not change afterwards. */
const snapshot = (rs: ReplicaSet): ReplicaSet => workingCopy(rs);

const keyOf = (o: { metadata: { namespace?: string; name: string } }) =>
  objectKey(o.metadata.namespace, o.metadata.name);
