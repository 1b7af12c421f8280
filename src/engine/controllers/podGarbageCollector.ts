/**
 * pod-garbage-collector-controller: pods bound to a node that no longer exists are force-deleted
 * once the node has been gone for the 40 s quarantine (gcOrphaned). A node seen deleted starts its
 * quarantine at once; every 20 s (gcCheckPeriod) the controller also looks for pods bound to nodes
 * it does not know, which catches nodes deleted while it was not running.
 */
import type { ApiServer } from '../apiserver/apiServer';
import type { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';
import { BY_NODE, indexPodsByNode } from './podControl';

const QUARANTINE_MS = 40_000;
const GC_CHECK_MS = 20_000;

export class PodGarbageCollector extends Controller {
  readonly name = 'pod-garbage-collector-controller';
  readonly serviceAccount = 'pod-garbage-collector';
  /** Nodes whose pods wait out the quarantine. */
  private readonly quarantined = new Set<string>();

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly pods: Informer<'Pod'>,
    private readonly nodes: Informer<'Node'>,
  ) {
    super(sim, api);
    indexPodsByNode(pods);
    nodes.addHandlers({ onDelete: (node) => this.quarantine(node.metadata.name) });
  }

  start(): void {
    this.quarantined.clear();
    this.every(GC_CHECK_MS, () => {
      for (const pod of this.pods.list()) {
        const node = pod.spec.nodeName;
        if (node && !this.nodes.get(undefined, node)) this.quarantine(node);
      }
    });
  }

  private quarantine(nodeName: string): void {
    if (this.quarantined.has(nodeName)) return;
    this.quarantined.add(nodeName);
    const epoch = this.epoch;
    this.sim.after(QUARANTINE_MS, () => {
      if (epoch !== this.epoch) return;
      this.quarantined.delete(nodeName);
      this.enqueue(nodeName);
    });
  }

  protected reconcile(nodeName: string): void {
    if (this.nodes.get(undefined, nodeName)) return;
    const orphans = this.pods.byIndex(BY_NODE, nodeName);
    for (const pod of orphans) {
      this.api.request(
        KCM,
        {
          verb: 'delete',
          kind: 'Pod',
          namespace: pod.metadata.namespace ?? 'default',
          name: pod.metadata.name,
          gracePeriodSeconds: 0,
        },
        // Refused (kube-apiserver down meanwhile): look at the node's pods again after a backoff.
        (r) => {
          if (!r.ok && r.error.reason !== 'NotFound') this.retryFailed(nodeName);
        },
        this.options,
      );
    }
    this.note({
      key: nodeName,
      desired: 'no pods on a node that is gone',
      actual: `${orphans.length} orphaned pod(s)`,
      diff: String(orphans.length),
      action: orphans.length ? `force-delete ${orphans.length}` : 'none',
    });
  }
}
