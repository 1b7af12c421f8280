/** garbage-collector-controller: when an owner is gone, its dependents (by ownerReferences uid) are deleted in the background. */
import type { KubeObject } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import type { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';

export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector-controller';
  readonly serviceAccount = 'generic-garbage-collector';

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly dependents: readonly Informer<'Pod' | 'ReplicaSet' | 'EndpointSlice'>[],
    owners: readonly Informer<'ReplicaSet' | 'Deployment' | 'DaemonSet' | 'Service'>[],
  ) {
    super(sim, api);
    for (const o of owners) o.addHandlers({ onDelete: (owner) => this.enqueue(owner.metadata.uid) });
  }

  start(): void {}

  protected reconcile(ownerUid: string): void {
    let deleted = 0;
    for (const informer of this.dependents) {
      for (const obj of informer.list() as Iterable<KubeObject>) {
        if (!obj.metadata.ownerReferences?.some((r) => r.uid === ownerUid) || obj.metadata.deletionTimestamp)
          continue;
        deleted++;
        this.api.request(
          KCM,
          {
            verb: 'delete',
            kind: obj.kind,
            namespace: obj.metadata.namespace ?? 'default',
            name: obj.metadata.name,
          },
          () => {},
          this.options,
        );
      }
    }
    this.note({
      key: ownerUid,
      desired: 'no dependents of a deleted owner',
      actual: `${deleted} dependent(s)`,
      diff: String(deleted),
      action: deleted ? `delete ${deleted}` : 'none',
    });
  }
}
