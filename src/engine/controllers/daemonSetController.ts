/**
 * daemonset-controller: one pod on each node the DaemonSet should run on (its node selector and
 * affinity match, and no NoSchedule or NoExecute taint goes untolerated), pinned there by node
 * affinity and left to the scheduler; its pods on nodes where it should not keep running go.
 */
import { controllerOf, isActive, isPodReady, toleratesAll } from '../api/pods';
import { podMatchesNode } from '../scheduler/plugins/nodeAffinity';
import type { ControllerRevision, DaemonSet, Node, Pod, Toleration } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { slowStartBatch } from './slowStartBatch';
import { Controller, KCM, sameFields } from './controller';
import { podFromTemplate } from './podControl';
import { templateHash } from './templateHash';
import { TEMPLATE_GENERATION } from '../api/annotations';

export class DaemonSetController extends Controller {
  readonly name = 'daemonset-controller';
  readonly serviceAccount = 'daemon-set-controller';
  readonly daemonSets: Informer<'DaemonSet'>;
  readonly revisions: Informer<'ControllerRevision'>;
  /** ControllerRevisions asked for and not yet seen, by `<DaemonSet uid>#<hash>`. */
  private readonly creatingRevisions = new Set<string>();
  private readonly pending = new Set<string>();
  /**
   * Per DaemonSet uid, the nodes that may lack its pod since its last reconcile: new nodes, and
   * nodes whose pod went or whose pending create ended. Other nodes are known covered or pending,
   * so a reconcile need not go through every node and pod. No entry: look at every node.
   */
  private readonly unsure = new Map<string, Set<string>>();
  /** The informers' generations the `unsure` sets were built on (a restarted informer voids them). */
  private basis = '';
  /**
   * Per DaemonSet uid, the existing nodes it should not run on (nodeShouldRunDaemonPod false):
   * few or none, so that the status counts need not go through every node.
   */
  private readonly excluded = new Map<string, Set<string>>();
  /** Old pods a rolling update asked to delete whose deletion the informer has not shown yet, by uid. */
  private readonly deleting = new Set<string>();

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly pods: Informer<'Pod'>,
    private readonly nodes: Informer<'Node'>,
  ) {
    super(sim, api);
    this.daemonSets = new Informer(api, KCM, 'DaemonSet');
    this.revisions = new Informer(api, KCM, 'ControllerRevision');
    this.revisions.addIndex(BY_OWNER, (r) => controllerOf(r.metadata)?.uid);
    this.revisions.addHandlers({
      onAdd: (r) => {
        const owner = controllerOf(r.metadata);
        if (owner)
          this.creatingRevisions.delete(hashKey(owner.uid, r.metadata.labels?.[REVISION_HASH] ?? ''));
      },
    });
    pods.addIndex(ACTIVE_BY_OWNER, (p) => (isActive(p) ? controllerOf(p.metadata)?.uid : undefined));
    pods.addIndex(READY_BY_OWNER, (p) =>
      isActive(p) && isPodReady(p) ? controllerOf(p.metadata)?.uid : undefined,
    );
    pods.addIndex(ACTIVE_BY_OWNER_AND_HASH, (p) => {
      const uid = isActive(p) ? controllerOf(p.metadata)?.uid : undefined;
      return uid === undefined ? undefined : hashKey(uid, p.metadata.labels?.[REVISION_HASH] ?? '');
    });
    pods.addIndex(ACTIVE_BY_OWNER_AND_NODE, (p) => {
      if (!isActive(p)) return undefined;
      const uid = controllerOf(p.metadata)?.uid;
      const node = targetNode(p);
      return uid === undefined || node === undefined ? undefined : coverKey(uid, node);
    });
    const all = () => {
      for (const ds of this.daemonSets.list()) this.enqueue(`${ds.metadata.namespace}/${ds.metadata.name}`);
    };
    this.daemonSets.addHandlers({ onAdd: all, onUpdate: all });
    nodes.addHandlers({
      onAdd: (n) => {
        for (const nodes of this.unsure.values()) nodes.add(n.metadata.name);
        all();
      },
      // Only a change of labels or taints can change where a DaemonSet should run (heartbeats cannot).
      onUpdate: (n, old) => {
        if (!placementChanged(n, old)) return;
        for (const nodes of this.unsure.values()) nodes.add(n.metadata.name);
        all();
      },
      onDelete: (n) => {
        for (const set of this.excluded.values()) set.delete(n.metadata.name);
        all();
      },
    });
    pods.addHandlers({
      onAdd: (p) => this.podEvent(p),
      onUpdate: (p, old) => {
        if (p.metadata.deletionTimestamp) this.deleting.delete(p.metadata.uid);
        this.mayUncover(p);
        this.mayUncover(old);
        // Readiness moves the DaemonSet's status counts.
        if (isPodReady(p) !== isPodReady(old)) this.podEvent(p, false);
      },
      // A pod that goes ends no creation the controller waits to see: the replacement it made for
      // a pod that finished (terminal, then deleted by kubelet) is still on its way.
      onDelete: (p) => {
        this.deleting.delete(p.metadata.uid);
        this.podEvent(p, true, false);
      },
    });
  }

  start(): void {
    this.daemonSets.start();
    this.revisions.start();
  }

  override stop(): void {
    super.stop();
    this.daemonSets.halt();
    this.revisions.halt();
    this.creatingRevisions.clear();
    this.pending.clear();
    this.unsure.clear();
    this.excluded.clear();
    this.deleting.clear();
  }

  private podEvent(pod: Pod, createdOrGone = true, created = createdOrGone): void {
    if (createdOrGone) this.mayUncover(pod);
    const owner = pod.metadata.ownerReferences?.find((r) => r.kind === 'DaemonSet');
    if (!owner) return;
    if (created) this.endPending(owner.uid, targetNode(pod));
    this.enqueue(`${pod.metadata.namespace}/${owner.name}`);
  }

  /** A DaemonSet's pod changed or went: its node may now lack one. */
  private mayUncover(pod: Pod): void {
    const node = targetNode(pod);
    if (node === undefined) return;
    for (const r of pod.metadata.ownerReferences ?? []) this.unsure.get(r.uid)?.add(node);
  }

  private endPending(uid: string, node: string | undefined): void {
    this.pending.delete(`${uid}/${node}`);
    if (node !== undefined) this.unsure.get(uid)?.add(node);
  }

  protected reconcile(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const ds = this.daemonSets.get(namespace, name);
    if (!ds) return;
    const uid = ds.metadata.uid;
    const basis = `${this.pods.generation}/${this.nodes.generation}`;
    if (basis !== this.basis) {
      this.unsure.clear();
      this.basis = basis;
    }
    this.constructHistory(ds);
    const unsure = this.unsure.get(uid);
    const look = unsure ? this.nodes.inOrder(unsure) : [...this.nodes.list()];
    this.unsure.set(uid, new Set());
    let excluded = this.excluded.get(uid);
    if (!unsure || !excluded) this.excluded.set(uid, (excluded = new Set()));
    const tolerations = daemonPodTolerations(
      ds.spec.template.spec.tolerations,
      ds.spec.template.spec.hostNetwork === true,
    );
    const missing: string[] = [];
    const extra: Pod[] = [];
    const surplus: Pod[] = [];
    for (const node of look) {
      const name = node.metadata.name;
      const { run, keep } = shouldRunOn(ds, tolerations, node);
      if (run) excluded.delete(name);
      else excluded.add(name);
      const cover = coverKey(uid, name);
      if (run && this.pods.countIndex(ACTIVE_BY_OWNER_AND_NODE, cover) === 0 && !this.pending.has(cover))
        missing.push(name);
      if (!keep) extra.push(...this.pods.byIndex(ACTIVE_BY_OWNER_AND_NODE, cover));
      else surplus.push(...this.surplus(cover));
    }
    this.createInBatches(ds, missing);
    for (const pod of [...extra, ...surplus]) this.deletePod(ds, pod);
    const replaced = this.rollingUpdate(ds, excluded);
    const diff = [
      ...(missing.length ? [`missing on ${missing.join(', ')}`] : []),
      ...(extra.length ? [`not to run on ${extra.map((p) => targetNode(p)).join(', ')}`] : []),
      ...(surplus.length ? [`more than one pod on ${surplus.map((p) => targetNode(p)).join(', ')}`] : []),
    ];
    if (replaced.length) diff.push(`old template on ${replaced.map((p) => targetNode(p)).join(', ')}`);
    const action = [
      ...(missing.length ? [`create ${missing.length} pod(s)`] : []),
      ...(extra.length + surplus.length ? [`delete ${extra.length + surplus.length} pod(s)`] : []),
      ...(replaced.length ? [`delete ${replaced.length} old pod(s) to replace`] : []),
    ];
    this.note({
      key,
      desired: `one pod on each of ${this.nodes.size - excluded.size} node(s)`,
      actual: `${this.pods.countIndex(ACTIVE_BY_OWNER, uid)} pod(s)`,
      diff: diff.join('; ') || 'none',
      action: action.join(', ') || 'none',
    });
    this.updateStatus(ds, excluded);
  }

  /**
   * constructHistory: the current template has a ControllerRevision, numbered after every other
   * (one of an earlier template that comes back, as after a rollback, is renumbered), and old
   * revisions no pod uses go beyond revisionHistoryLimit.
   */
  private constructHistory(ds: DaemonSet): void {
    const uid = ds.metadata.uid;
    const hash = revisionHash(ds);
    const history = this.revisions.byIndex(BY_OWNER, uid);
    let current: ControllerRevision | undefined;
    let max = 0;
    for (const r of history) {
      if (r.metadata.labels?.[REVISION_HASH] === hash) current = r;
      max = Math.max(max, r.revision);
    }
    const namespace = ds.metadata.namespace ?? 'default';
    if (!current) {
      const key = hashKey(uid, hash);
      if (this.creatingRevisions.has(key)) return;
      this.creatingRevisions.add(key);
      const revision: ControllerRevision = {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: {
          name: `${ds.metadata.name}-${hash}`,
          namespace,
          uid: '',
          resourceVersion: '',
          creationTimestamp: '',
          labels: { ...ds.spec.template.metadata.labels, [REVISION_HASH]: hash },
          ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'DaemonSet',
              name: ds.metadata.name,
              uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        data: { spec: { template: { ...structuredClone(ds.spec.template), $patch: 'replace' } } },
        revision: max + 1,
      };
      this.api.request(
        KCM,
        { verb: 'create', kind: 'ControllerRevision', object: revision },
        (r) => {
          if (!r.ok) this.creatingRevisions.delete(key);
        },
        this.options,
      );
    } else if (current.revision < max) {
      this.api.request(
        KCM,
        { verb: 'update', kind: 'ControllerRevision', object: { ...current, revision: max + 1 } },
        undefined,
        this.options,
      );
    }
    // cleanupHistory: the oldest revisions no live pod was made from, beyond the limit (the pods
    // are looked at only when there are more old revisions than that).
    const limit = ds.spec.revisionHistoryLimit ?? 10;
    if (history.length - (current ? 1 : 0) <= limit) return;
    const inUse = new Set(
      this.pods.byIndex(ACTIVE_BY_OWNER, uid).map((p) => p.metadata.labels?.[REVISION_HASH]),
    );
    const old = history
      .filter((r) => r !== current && !inUse.has(r.metadata.labels?.[REVISION_HASH]))
      .sort((a, b) => a.revision - b.revision);
    for (const r of old.slice(0, Math.max(0, old.length - limit)))
      this.api.request(
        KCM,
        { verb: 'delete', kind: 'ControllerRevision', namespace, name: r.metadata.name },
        undefined,
        this.options,
      );
  }

  /**
   * podsShouldBeOnNode without surge: of more than one running pod on a node, all but the oldest
   * go (scheduled before unscheduled, then by creation time and name).
   */
  private surplus(cover: string): Pod[] {
    if (this.pods.countIndex(ACTIVE_BY_OWNER_AND_NODE, cover) <= 1) return [];
    const running = this.pods
      .byIndex(ACTIVE_BY_OWNER_AND_NODE, cover)
      .filter((p) => !this.deleting.has(p.metadata.uid))
      .sort(
        (a, b) =>
          Number(!a.spec.nodeName) - Number(!b.spec.nodeName) ||
          (a.metadata.creationTimestamp < b.metadata.creationTimestamp
            ? -1
            : a.metadata.creationTimestamp > b.metadata.creationTimestamp
              ? 1
              : a.metadata.name < b.metadata.name
                ? -1
                : 1),
      );
    const extra = running.slice(1);
    for (const pod of extra) this.deleting.add(pod.metadata.uid);
    return extra;
  }

  /**
   * rollingUpdate (maxSurge 0): pods of an old template go, unavailable ones at once and available
   * ones while fewer than maxUnavailable nodes lack an available pod; each node whose pod went then
   * gets one of the new template. Returns the pods it deletes.
   */
  private rollingUpdate(ds: DaemonSet, excluded: ReadonlySet<string>): Pod[] {
    if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return [];
    const uid = ds.metadata.uid;
    const hash = revisionHash(ds);
    const active = this.pods.countIndex(ACTIVE_BY_OWNER, uid);
    if (this.pods.countIndex(ACTIVE_BY_OWNER_AND_HASH, hashKey(uid, hash)) === active) return [];
    const desired = this.nodes.size - excluded.size;
    const old: Pod[] = [];
    let available = 0;
    for (const pod of this.pods.byIndex(ACTIVE_BY_OWNER, uid)) {
      const node = targetNode(pod);
      if (node === undefined || excluded.has(node) || this.deleting.has(pod.metadata.uid)) continue;
      if (isPodReady(pod)) available++;
      if (pod.metadata.labels?.[REVISION_HASH] !== hash) old.push(pod);
    }
    const maxUnavailable = scaledUp(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired) || 1;
    let budget = maxUnavailable - (desired - available);
    const chosen: Pod[] = [];
    for (const pod of old) {
      if (!isPodReady(pod)) chosen.push(pod);
      else if (budget > 0) {
        chosen.push(pod);
        budget--;
      }
    }
    for (const pod of chosen) {
      this.deleting.add(pod.metadata.uid);
      this.deletePod(ds, pod);
    }
    return chosen;
  }

  private deletePod(ds: DaemonSet, pod: Pod): void {
    this.api.request(
      KCM,
      {
        verb: 'delete',
        kind: 'Pod',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
      },
      (r) => {
        if (r.ok) this.recorder.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        else {
          this.deleting.delete(pod.metadata.uid);
          this.retry(`${ds.metadata.namespace}/${ds.metadata.name}`, 1_000);
        }
      },
      this.options,
    );
  }

  /**
   * updateDaemonSetStatus: how many nodes should run the pod, do, have it of the current template
   * and have it ready, and how many run it but should not (misscheduled).
   */
  private updateStatus(ds: DaemonSet, excluded: ReadonlySet<string>): void {
    const uid = ds.metadata.uid;
    const desired = this.nodes.size - excluded.size;
    // Pods on nodes the DaemonSet should not run on count as misscheduled, not current or ready.
    let misscheduled = 0;
    let readyThere = 0;
    for (const node of excluded) {
      const there = this.pods.byIndex(ACTIVE_BY_OWNER_AND_NODE, coverKey(uid, node));
      if (there.length) misscheduled++;
      readyThere += there.filter(isPodReady).length;
    }
    const current = this.pods.countIndex(ACTIVE_BY_OWNER, uid) - misscheduled;
    const ready = this.pods.countIndex(READY_BY_OWNER, uid) - readyThere;
    const status: DaemonSet['status'] = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
    };
    const updated = Math.min(
      current,
      this.pods.countIndex(ACTIVE_BY_OWNER_AND_HASH, hashKey(uid, revisionHash(ds))),
    );
    if (updated) status.updatedNumberScheduled = updated;
    if (ready) status.numberAvailable = ready;
    if (desired > ready) status.numberUnavailable = desired - ready;
    if (sameFields(ds.status, status)) return;
    this.api.request(
      KCM,
      { verb: 'updateStatus', kind: 'DaemonSet', object: { ...ds, status } },
      (r) => {
        if (!r.ok && r.error.reason === 'Conflict')
          this.retry(`${ds.metadata.namespace}/${ds.metadata.name}`, 10);
      },
      this.options,
    );
  }

  /**
   * syncNodes' creates, in slow-start batches. Every node waits as pending meanwhile (the
   * expectations); a batch with a failure ends it, and the nodes not tried are let go, to be
   * tried again at the sync the failed create asks for.
   */
  private createInBatches(ds: DaemonSet, nodes: readonly string[]): void {
    const uid = ds.metadata.uid;
    for (const node of nodes) this.pending.add(coverKey(uid, node));
    const epoch = this.epoch;
    let next = 0;
    slowStartBatch(
      nodes.length,
      (answered) => this.createFor(ds, nodes[next++]!, answered),
      (_successes, failed) => {
        if (!failed) return;
        for (const node of nodes.slice(next)) this.endPending(uid, node);
      },
      () => epoch === this.epoch,
    );
  }

  private createFor(ds: DaemonSet, node: string, answered: (ok: boolean) => void): void {
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid };
    const base = podFromTemplate(
      ds.spec.template,
      ds.metadata.namespace ?? 'default',
      `${ds.metadata.name}-`,
      owner,
    );
    // The revision's hash and the template generation label each pod (the pods of the new
    // template are the ones a rolling update counts as updated).
    base.metadata.labels = {
      ...base.metadata.labels,
      [REVISION_HASH]: revisionHash(ds),
      'pod-template-generation': ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? '1',
    };
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
        tolerations: daemonPodTolerations(base.spec.tolerations, base.spec.hostNetwork === true),
      },
    };
    this.api.request(
      KCM,
      { verb: 'create', kind: 'Pod', object: pod },
      (r) => {
        if (r.ok)
          this.recorder.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`);
        else {
          this.endPending(ds.metadata.uid, node);
          this.retry(`${ds.metadata.namespace}/${ds.metadata.name}`, 1_000);
        }
        answered(r.ok);
      },
      this.options,
    );
  }
}

/**
 * nodeShouldRunDaemonPod: whether the DaemonSet should run on `node` (its node selector and
 * required affinity match, and every NoSchedule or NoExecute taint is tolerated), and whether a
 * pod of it already there may keep running (only an untolerated NoExecute taint drives it away).
 */
function shouldRunOn(
  ds: DaemonSet,
  tolerations: readonly Toleration[],
  node: Node,
): { run: boolean; keep: boolean } {
  const spec = ds.spec.template.spec;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { run: false, keep: false };
  const probe = { spec: { nodeSelector: spec.nodeSelector, affinity: spec.affinity } } as unknown as Pod;
  if (!podMatchesNode(probe, node.metadata.labels ?? {}, node.metadata.name))
    return { run: false, keep: false };
  let run = true;
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule' || toleratesAll(tolerations, taint)) continue;
    if (taint.effect === 'NoExecute') return { run: false, keep: false };
    run = false;
  }
  return { run, keep: true };
}

/** Whether a node update may change where DaemonSets run: its labels or taints changed. */
function placementChanged(n: Node, old: Node): boolean {
  if (n.metadata.labels === old.metadata.labels && n.spec.taints === old.spec.taints) return false;
  return (
    JSON.stringify(n.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {}) ||
    JSON.stringify(n.spec.taints ?? []) !== JSON.stringify(old.spec.taints ?? [])
  );
}

/**
 * AddOrUpdateDaemonPodTolerations: a daemon pod stays on its node through node problems (not-ready
 * and unreachable without a time limit) and is placed despite pressure, cordoning and, with the
 * host's network, an unready pod network.
 */
function daemonPodTolerations(
  template: readonly Toleration[] | undefined,
  hostNetwork: boolean,
): Toleration[] {
  const out = [...(template ?? [])];
  const wanted: [string, 'NoExecute' | 'NoSchedule'][] = [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
    ...(hostNetwork
      ? [['node.kubernetes.io/network-unavailable', 'NoSchedule'] as [string, 'NoSchedule']]
      : []),
  ];
  for (const [key, effect] of wanted) {
    const toleration: Toleration = { key, operator: 'Exists', effect };
    // AddOrUpdateTolerationInPodSpec: one that matches (key, operator, value, effect) is replaced.
    const at = out.findIndex(
      (t) => t.key === key && (t.operator ?? 'Equal') === 'Exists' && !t.value && t.effect === effect,
    );
    if (at >= 0) out[at] = toleration;
    else out.push(toleration);
  }
  return out;
}

/** The label with the hash of the DaemonSet's template (its ControllerRevision's) that a pod was made from. */
const REVISION_HASH = 'controller-revision-hash';
const hashKey = (uid: string, hash: string) => `${uid}#${hash}`;

/** The template's hash, kept per DaemonSet object (stored objects never change). */
const revisionHashes = new WeakMap<DaemonSet, string>();
function revisionHash(ds: DaemonSet): string {
  let hash = revisionHashes.get(ds);
  if (hash === undefined) revisionHashes.set(ds, (hash = templateHash(ds.spec.template)));
  return hash;
}

/** intstr.GetScaledValueFromIntOrPercent, rounding up. */
function scaledUp(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value);
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : Number(value) || 0;
}

/** Pod indexes: active pods by their controller's uid (as ownedBy sees it), and by that uid and their node. */
const ACTIVE_BY_OWNER = 'controller.uid';
const ACTIVE_BY_OWNER_AND_NODE = 'controller.uid+node';
const READY_BY_OWNER = 'controller.uid, ready';
const ACTIVE_BY_OWNER_AND_HASH = 'controller.uid+revision-hash';
/** ControllerRevisions by their controller's uid. */
const BY_OWNER = 'controller.uid';

const coverKey = (uid: string, node: string) => `${uid}/${node}`;

/** The node a DaemonSet pod is meant for (its hostname affinity), or where it is bound. */
function targetNode(pod: Pod): string | undefined {
  return (
    pod.spec.nodeName ??
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]
      ?.matchFields?.[0]?.values?.[0]
  );
}
