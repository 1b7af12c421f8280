/**
 * deployment-controller: owns one ReplicaSet per pod template (named by pod-template-hash) and
 * moves replicas from old to new ones as a rolling update allows (maxSurge / maxUnavailable),
 * or simply scales the current one.
 */
import { objectKey } from '../api/resources';
import type { Deployment, ReplicaSet } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM, unchanged } from './controller';
import { templateHash } from './templateHash';

/** Resolves an int-or-percent against `total` (intstr.GetScaledValueFromIntOrPercent). */
export function scaled(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const pct = Number(value.replace('%', ''));
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function surgeAndUnavailable(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const maxSurge = scaled(ru?.maxSurge ?? '25%', d.spec.replicas, true);
  let maxUnavailable = scaled(ru?.maxUnavailable ?? '25%', d.spec.replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export class DeploymentController extends Controller {
  readonly name = 'deployment-controller';
  readonly serviceAccount = 'deployment-controller';
  readonly deployments: Informer<'Deployment'>;

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly replicaSets: Informer<'ReplicaSet'>,
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
  }

  start(): void {
    this.deployments.start();
  }

  override stop(): void {
    super.stop();
    this.deployments.halt();
  }

  private rsEvent(rs: ReplicaSet): void {
    const owner = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    if (owner) this.enqueue(objectKey(rs.metadata.namespace, owner.name));
  }

  protected reconcile(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const d = this.deployments.get(namespace, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const owned = [...this.replicaSets.list()].filter((rs) =>
      rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller),
    );
    const hash = templateHash(d.spec.template);
    const newRS = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const oldRSs = owned.filter((rs) => rs !== newRS);
    const total = owned.reduce((n, rs) => n + rs.spec.replicas, 0);
    const desired = d.spec.replicas;

    // Each ReplicaSet the Deployment ever had carries a revision; the current one has the highest.
    const lastOld = Math.max(0, ...oldRSs.map(revisionOf));
    if (!newRS) {
      const { maxSurge } = surgeAndUnavailable(d);
      const start =
        oldRSs.length === 0 ? desired : Math.max(0, Math.min(desired, desired + maxSurge - total));
      this.createReplicaSet(d, hash, start, lastOld + 1);
      this.setRevision(d, lastOld + 1);
      this.note({
        key,
        desired: `template ${hash}, ${desired} replicas`,
        actual: `no ReplicaSet for it`,
        diff: 'new template',
        action: `create ReplicaSet ${d.metadata.name}-${hash} with ${start}`,
      });
      return;
    }

    // Back to an older template (a rollback): its ReplicaSet becomes the newest revision again.
    if (revisionOf(newRS) <= lastOld) this.setReplicaSetRevision(d, newRS, lastOld + 1);
    this.setRevision(d, Math.max(revisionOf(newRS), lastOld + 1));

    if (oldRSs.every((rs) => rs.spec.replicas === 0)) {
      // No rollout in progress: just scale.
      if (newRS.spec.replicas !== desired) this.scale(d, newRS, desired);
      this.note({
        key,
        desired: `${desired} replicas`,
        actual: `${newRS.spec.replicas} in ${newRS.metadata.name}`,
        diff: String(desired - newRS.spec.replicas),
        action: newRS.spec.replicas !== desired ? `scale ${newRS.metadata.name} to ${desired}` : 'none',
      });
      this.updateStatus(d, owned, newRS);
      return;
    }

    // Rolling update: first scale the new ReplicaSet up within maxSurge, then the old ones down within maxUnavailable.
    const { maxSurge, maxUnavailable } = surgeAndUnavailable(d);
    let action = 'wait for pods to become available';
    if (newRS.spec.replicas < desired) {
      const up = Math.min(desired + maxSurge - total, desired - newRS.spec.replicas);
      if (up > 0) {
        this.scale(d, newRS, newRS.spec.replicas + up);
        action = `scale up ${newRS.metadata.name} to ${newRS.spec.replicas + up}`;
      }
    }
    if (action.startsWith('wait')) {
      const available = owned.reduce((n, rs) => n + (rs.status.availableReplicas ?? 0), 0);
      const newUnavailable = newRS.spec.replicas - (newRS.status.availableReplicas ?? 0);
      let canRemove = total - (desired - maxUnavailable) - newUnavailable;
      canRemove = Math.min(canRemove, available - (desired - maxUnavailable) + 0 >= 0 ? canRemove : 0);
      for (const rs of oldRSs) {
        if (canRemove <= 0) break;
        if (rs.spec.replicas === 0) continue;
        const down = Math.min(rs.spec.replicas, canRemove);
        this.scale(d, rs, rs.spec.replicas - down);
        canRemove -= down;
        action = `scale down ${rs.metadata.name} to ${rs.spec.replicas - down}`;
      }
    }
    this.note({
      key,
      desired: `${desired} × template ${hash}`,
      actual: `new ${newRS.spec.replicas}, old ${total - newRS.spec.replicas}`,
      diff: `${desired - newRS.spec.replicas} to move`,
      action,
    });
    this.updateStatus(d, owned, newRS);
  }

  /** The Deployment shows its current revision in an annotation, as `kubectl describe` and `rollout history` read it. */
  private setRevision(d: Deployment, revision: number): void {
    if (d.metadata.annotations?.[REVISION] === String(revision)) return;
    this.api.request(
      KCM,
      {
        verb: 'update',
        kind: 'Deployment',
        object: {
          ...d,
          metadata: {
            ...d.metadata,
            annotations: { ...d.metadata.annotations, [REVISION]: String(revision) },
          },
        },
      },
      (r) => {
        if (!r.ok && r.error.reason === 'Conflict') this.retry(keyOf(d), 10);
      },
      this.options,
    );
  }

  private setReplicaSetRevision(d: Deployment, rs: ReplicaSet, revision: number): void {
    this.api.request(
      KCM,
      {
        verb: 'update',
        kind: 'ReplicaSet',
        object: {
          ...rs,
          metadata: {
            ...rs.metadata,
            annotations: { ...rs.metadata.annotations, [REVISION]: String(revision) },
          },
        },
      },
      (r) => {
        if (!r.ok) this.retry(keyOf(d), 10);
      },
      this.options,
    );
  }

  private createReplicaSet(d: Deployment, hash: string, replicas: number, revision: number): void {
    const { maxSurge } = surgeAndUnavailable(d);
    const labels = { ...(d.spec.template.metadata.labels ?? {}), 'pod-template-hash': hash };
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
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas),
          'deployment.kubernetes.io/max-replicas': String(d.spec.replicas + maxSurge),
          [REVISION]: String(revision),
        },
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
        replicas,
        selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { metadata: { ...d.spec.template.metadata, labels }, spec: d.spec.template.spec },
      },
      status: { replicas: 0 },
    };
    this.api.request(
      KCM,
      { verb: 'create', kind: 'ReplicaSet', object: rs },
      (r) => {
        if (r.ok)
          this.recorder.record(
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`,
          );
        else if (r.error.reason !== 'AlreadyExists') this.retry(keyOf(d), 1_000);
      },
      this.options,
    );
  }

  private scale(d: Deployment, rs: ReplicaSet, to: number): void {
    const from = rs.spec.replicas;
    this.api.request(
      KCM,
      { verb: 'update', kind: 'ReplicaSet', object: { ...rs, spec: { ...rs.spec, replicas: to } } },
      (r) => {
        if (r.ok)
          this.recorder.record(
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`,
          );
        else this.retry(keyOf(d), 10);
      },
      this.options,
    );
  }

  private updateStatus(d: Deployment, owned: ReplicaSet[], newRS: ReplicaSet): void {
    const replicas = owned.reduce((n, rs) => n + (rs.status.replicas ?? 0), 0);
    const ready = owned.reduce((n, rs) => n + (rs.status.readyReplicas ?? 0), 0);
    const available = owned.reduce((n, rs) => n + (rs.status.availableReplicas ?? 0), 0);
    const status = {
      replicas,
      updatedReplicas: newRS.status.replicas ?? 0,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, d.spec.replicas - available),
      observedGeneration: d.metadata.generation ?? 1,
    };
    if (unchanged(d.status, status)) return;
    this.api.request(
      KCM,
      { verb: 'updateStatus', kind: 'Deployment', object: { ...d, status: { ...d.status, ...status } } },
      (r) => {
        if (!r.ok && r.error.reason === 'Conflict') this.retry(keyOf(d), 10);
      },
      this.options,
    );
  }
}

/** The annotation a Deployment and its ReplicaSets carry their revision in (`kubectl rollout history` reads it). */
export const REVISION = 'deployment.kubernetes.io/revision';

const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;

const keyOf = (o: { metadata: { namespace?: string; name: string } }) =>
  objectKey(o.metadata.namespace, o.metadata.name);
