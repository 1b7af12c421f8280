/**
 * replicaset-controller: keeps each ReplicaSet's number of active pods at spec.replicas, creating
 * pods from its template or deleting the least valuable ones, then reports status. Expectations
 * stop it acting twice on a stale cache while its own creates and deletes are in flight.
 */
import { controllerOf, isActive, isPodReady } from '../api/pods';
import { objectKey } from '../api/resources';
import type { Pod, ReplicaSet } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import { RUN_EPOCH_MS } from '../core/time';
import type { Sim } from '../sim';
import { Controller, KCM, sameFields } from './controller';
import { ownedBy, podFromTemplate, podsToDelete, readySince } from './podControl';
import { slowStartBatch } from './slowStartBatch';

/** At most this many creates or deletes per sync (burstReplicas). */
const BURST = 500;
/** ExpectationsTimeout: expectations older than this count as met (the informer may have missed a change). */
const EXPECTATIONS_TIMEOUT_MS = 300_000;

export class ReplicaSetController extends Controller {
  readonly name = 'replicaset-controller';
  readonly serviceAccount = 'replicaset-controller';
  readonly replicaSets: Informer<'ReplicaSet'>;
  private readonly expectations = new Map<string, { adds: number; dels: number; at: number }>();

  constructor(
    sim: Sim,
    api: ApiServer,
    readonly pods: Informer<'Pod'>,
  ) {
    super(sim, api);
    this.replicaSets = new Informer(api, KCM, 'ReplicaSet');
    this.replicaSets.addHandlers({
      onAdd: (rs) => this.enqueue(keyOf(rs)),
      onUpdate: (rs) => this.enqueue(keyOf(rs)),
      onDelete: (rs) => this.expectations.delete(keyOf(rs)),
    });
    pods.addHandlers({
      onAdd: (p) => this.podEvent(p, 'adds'),
      onUpdate: (p) => this.podEvent(p),
      onDelete: (p) => this.podEvent(p, 'dels'),
    });
  }

  start(): void {
    this.replicaSets.start();
  }

  override stop(): void {
    super.stop();
    this.replicaSets.halt();
    this.expectations.clear();
  }

  private podEvent(pod: Pod, observed?: 'adds' | 'dels'): void {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
    if (!owner) return;
    const key = objectKey(pod.metadata.namespace, owner.name);
    const e = this.expectations.get(key);
    if (e && observed && e[observed] > 0) e[observed]--;
    this.enqueue(key);
  }

  protected reconcile(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const rs = this.replicaSets.get(namespace, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const owned = [...this.pods.list()].filter((p) => ownedBy(p, rs.metadata.uid));
    const active = owned.filter(isActive);
    const desired = rs.spec.replicas;
    const diff = active.length - desired;
    const e = this.expectations.get(key);
    const satisfied = !e || (e.adds <= 0 && e.dels <= 0) || this.sim.now - e.at > EXPECTATIONS_TIMEOUT_MS;
    let action = 'none';

    if (satisfied && diff < 0) {
      const count = Math.min(-diff, BURST);
      const expected = { adds: count, dels: 0, at: this.sim.now };
      this.expectations.set(key, expected);
      const epoch = this.epoch;
      slowStartBatch(
        count,
        (answered) => this.createPod(rs, key, answered),
        (successes, failed) => {
          // The informer will never see the pods not made: they are no longer expected.
          expected.adds -= count - successes;
          if (failed) this.retryFailed(key);
        },
        () => epoch === this.epoch,
      );
      action = `create ${count} pod(s)`;
    } else if (satisfied && diff > 0) {
      const victims = podsToDelete(
        active,
        this.relatedPods(rs, active),
        Math.min(diff, BURST),
        RUN_EPOCH_MS + this.sim.now,
      );
      this.expectations.set(key, { adds: 0, dels: victims.length, at: this.sim.now });
      for (const pod of victims) this.deletePod(rs, pod, key);
      action = `delete ${victims.map((p) => p.metadata.name).join(', ')}`;
    } else if (!satisfied) {
      action = 'wait for its own creates/deletes to be observed';
    }
    this.note({
      key,
      desired: `${desired} replicas`,
      actual: `${active.length} active pods`,
      diff: diff === 0 ? 'none' : `${-diff > 0 ? '+' : ''}${-diff}`,
      action,
    });
    this.updateStatus(rs, owned);
  }

  /** The active pods of every ReplicaSet of the same owner (the Deployment's old and new ones), or just its own. */
  private relatedPods(rs: ReplicaSet, own: readonly Pod[]): readonly Pod[] {
    const owner = controllerOf(rs.metadata);
    if (!owner) return own;
    const siblings = new Set(
      [...this.replicaSets.list()]
        .filter((r) => controllerOf(r.metadata)?.uid === owner.uid)
        .map((r) => r.metadata.uid),
    );
    return [...this.pods.list()].filter(
      (p) => isActive(p) && siblings.has(controllerOf(p.metadata)?.uid ?? ''),
    );
  }

  private createPod(rs: ReplicaSet, key: string, answered: (ok: boolean) => void): void {
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid };
    const pod = podFromTemplate(
      rs.spec.template,
      rs.metadata.namespace ?? 'default',
      `${rs.metadata.name}-`,
      owner,
    );
    this.api.request(
      KCM,
      { verb: 'create', kind: 'Pod', object: pod },
      (r) => {
        if (r.ok) {
          this.forgetFailures(key);
          this.recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`);
        } else {
          this.recorder.record(rs, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`);
        }
        answered(r.ok);
      },
      this.options,
    );
  }

  private deletePod(rs: ReplicaSet, pod: Pod, key: string): void {
    this.api.request(
      KCM,
      {
        verb: 'delete',
        kind: 'Pod',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
      },
      (r) => {
        if (r.ok) {
          this.forgetFailures(key);
          this.recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } else {
          const e = this.expectations.get(key);
          if (e) e.dels--;
          this.retryFailed(key);
        }
      },
      this.options,
    );
  }

  private updateStatus(rs: ReplicaSet, owned: Pod[]): void {
    const active = owned.filter(isActive);
    const readyPods = active.filter(isPodReady);
    const ready = readyPods.length;
    // Available: Ready for at least minReadySeconds (podutil.IsPodAvailable).
    const minReadyMs = (rs.spec.minReadySeconds ?? 0) * 1000;
    const now = RUN_EPOCH_MS + this.sim.now;
    const available = minReadyMs
      ? readyPods.filter((p) => (readySince(p) ?? now) + minReadyMs <= now).length
      : ready;
    // Only replicas is always there; the other counts are omitempty, as the stored object has them.
    const status: ReplicaSet['status'] = { replicas: active.length };
    if (active.length) status.fullyLabeledReplicas = active.length;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    // Every pod ready but not all available yet: look again once minReadySeconds have passed.
    if (minReadyMs && ready === rs.spec.replicas && available !== rs.spec.replicas)
      this.retry(keyOf(rs), minReadyMs);
    status.observedGeneration = rs.metadata.generation ?? 1;
    if (sameFields(rs.status, status)) return;
    this.api.request(
      KCM,
      { verb: 'updateStatus', kind: 'ReplicaSet', object: { ...rs, status } },
      (r) => {
        if (!r.ok && r.error.reason === 'Conflict') this.retry(keyOf(rs), 10);
      },
      this.options,
    );
  }
}

const keyOf = (o: { metadata: { namespace?: string; name: string } }) =>
  objectKey(o.metadata.namespace, o.metadata.name);
