/** daemonset-controller: one pod per node for each DaemonSet (here kube-proxy), pinned by node affinity and left to the scheduler. */
import { isActive } from '../api/pods';
import type { DaemonSet, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';
import { ownedBy, podFromTemplate } from './podControl';

export class DaemonSetController extends Controller {
  readonly name = 'daemonset-controller';
  readonly serviceAccount = 'daemon-set-controller';
  readonly daemonSets: Informer<'DaemonSet'>;
  private readonly pending = new Set<string>();

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly pods: Informer<'Pod'>,
    private readonly nodes: Informer<'Node'>,
  ) {
    super(sim, api);
    this.daemonSets = new Informer(api, KCM, 'DaemonSet');
    const all = () => {
      for (const ds of this.daemonSets.list()) this.enqueue(`${ds.metadata.namespace}/${ds.metadata.name}`);
    };
    this.daemonSets.addHandlers({ onAdd: all, onUpdate: all });
    nodes.addHandlers({ onAdd: all, onDelete: all });
    pods.addHandlers({
      onAdd: (p) => this.podEvent(p),
      onDelete: (p) => this.podEvent(p),
    });
  }

  start(): void {
    this.daemonSets.start();
  }

  override stop(): void {
    super.stop();
    this.daemonSets.halt();
    this.pending.clear();
  }

  private podEvent(pod: Pod): void {
    const owner = pod.metadata.ownerReferences?.find((r) => r.kind === 'DaemonSet');
    if (!owner) return;
    this.pending.delete(`${owner.uid}/${targetNode(pod)}`);
    this.enqueue(`${pod.metadata.namespace}/${owner.name}`);
  }

  protected reconcile(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const ds = this.daemonSets.get(namespace, name);
    if (!ds) return;
    const owned = [...this.pods.list()].filter((p) => ownedBy(p, ds.metadata.uid) && isActive(p));
    const covered = new Set(owned.map(targetNode));
    const nodes = [...this.nodes.list()].map((n) => n.metadata.name);
    const missing = nodes.filter((n) => !covered.has(n) && !this.pending.has(`${ds.metadata.uid}/${n}`));
    for (const node of missing) this.createFor(ds, node);
    this.note({
      key,
      desired: `one pod on each of ${nodes.length} node(s)`,
      actual: `${owned.length} pod(s)`,
      diff: missing.length ? `missing on ${missing.join(', ')}` : 'none',
      action: missing.length ? `create ${missing.length} pod(s)` : 'none',
    });
  }

  private createFor(ds: DaemonSet, node: string): void {
    this.pending.add(`${ds.metadata.uid}/${node}`);
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid };
    const base = podFromTemplate(
      ds.spec.template,
      ds.metadata.namespace ?? 'default',
      `${ds.metadata.name}-`,
      owner,
    );
    const pod: Pod = {
      ...base,
      spec: {
        ...base.spec,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
              ],
            },
          },
        },
        tolerations: [{ operator: 'Exists' }],
        priority: 2_000_001_000,
        priorityClassName: 'system-node-critical',
      },
    };
    this.api.request(
      KCM,
      { verb: 'create', kind: 'Pod', object: pod },
      (r) => {
        if (r.ok)
          this.recorder.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`);
        else {
          this.pending.delete(`${ds.metadata.uid}/${node}`);
          this.retry(`${ds.metadata.namespace}/${ds.metadata.name}`, 1_000);
        }
      },
      this.options,
    );
  }
}

/** The node a DaemonSet pod is meant for (its hostname affinity), or where it is bound. */
function targetNode(pod: Pod): string | undefined {
  return (
    pod.spec.nodeName ??
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]
      ?.matchFields?.[0]?.values?.[0]
  );
}
