/**
 * kubelet's status manager (status_manager.go): sends each pod's status as kubelet works it out,
 * keeps its own view of every pod's status, and every 10 s (syncBatch) checks the API's status
 * against it, sending its own again where they disagree in what kubelet owns.
 */
import type { Pod, PodStatus } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import type { Informer } from '../client/informer';
import { timestamp } from '../core/time';
import type { Sim } from '../sim';
import type { ComponentId } from '../topology';
import { observedStatus } from './podStatus';

/** A pod status is sent again only if it went out at least this long ago (not while an update is in flight). */
const STATUS_RESEND_AFTER_MS = 5_000;
/** The pod conditions kubelet owns (the status manager keeps the others as the API has them). */
const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

/** Whether two pod statuses agree in what kubelet owns: the phase, its conditions, container readiness. */
function sameKubeletStatus(a: PodStatus, b: PodStatus): boolean {
  if (a.phase !== b.phase) return false;
  for (const type of KUBELET_CONDITIONS) {
    const x = a.conditions?.find((c) => c.type === type)?.status;
    const y = b.conditions?.find((c) => c.type === type)?.status;
    if (x !== y) return false;
  }
  const ac = a.containerStatuses ?? [];
  const bc = b.containerStatuses ?? [];
  return ac.length === bc.length && ac.every((c, i) => c.ready === bc[i]!.ready);
}

/** A pod worker as the status manager sees it. */
export interface StatusWorker {
  pod: Pod;
  readonly state: string;
  /** The status kubelet last sent (its own view of the pod), and when. */
  mine?: PodStatus;
  sentAt?: number;
  /**
   * The API's status last found to agree with `mine` (statuses are never changed in place, so
   * the same pair is not compared again every 10 s).
   */
  agreedApi?: PodStatus;
  agreedMine?: PodStatus;
}

/** What the status manager needs of its kubelet. */
export interface StatusManagerHost<W extends StatusWorker> {
  readonly sim: Sim;
  readonly api: ApiServer;
  readonly id: ComponentId;
  /** The pods bound to the node, as kubelet's watch has them. */
  readonly pods: Informer<'Pod'>;
  /** kubelet's pod workers. */
  workers(): Iterable<W>;
  /** The probe manager's part of a status: container readiness and started, the Ready conditions. */
  probed(uid: string, status: PodStatus, now: string): PodStatus;
  alive(epoch: number): boolean;
  /** kubelet's own status of a pod changed: the status loop looks again at its next tick. */
  changed(): void;
}

export class StatusManager<W extends StatusWorker> {
  /**
   * Bumped whenever kubelet's own status of a pod changes (`mine`): with the pod informer's
   * version, what tells a pass that nothing it compares has changed since a pass that found every
   * pod settled (`quiet`).
   */
  private minesVersion = 0;
  private quiet: { readonly pods: number; readonly mines: number } | null = null;

  constructor(private readonly host: StatusManagerHost<W>) {}

  /** Whether the last pass found every pod settled and nothing it compares has changed since. */
  settled(): boolean {
    const q = this.quiet;
    return q !== null && q.pods === this.host.pods.version && q.mines === this.minesVersion;
  }

  /** Sends the pod's status, with what the status manager adds to every status (observedStatus). */
  post(w: W, computed: PodStatus, stored?: () => void): void {
    const { host } = this;
    const probed = host.probed(w.pod.metadata.uid, computed, timestamp(host.sim.now));
    const status = observedStatus(w.pod, probed);
    // Spread, then set: one literal with a spread and more keys takes V8's slow path.
    const pod = { ...w.pod };
    pod.status = status;
    w.pod = pod;
    const metadata = { ...pod.metadata };
    metadata.resourceVersion = '';
    const sent = { ...pod };
    sent.metadata = metadata;
    this.setMine(w, status);
    w.sentAt = host.sim.now;
    host.api.request(
      host.id,
      { verb: 'updateStatus', kind: 'Pod', object: sent, asPatch: true },
      stored && (() => stored()),
    );
  }

  /**
   * The check of one pod (syncBatch, and each sync of the pod): where the API's status of the pod
   * differs from kubelet's own in what kubelet owns (the phase, its conditions, container
   * readiness), kubelet's is sent again, with the conditions others own kept. That puts back an
   * update lost while kube-apiserver was down, and a pod node-lifecycle-controller marked not
   * Ready while the node was silent. Not while an update of its own may still be on its way.
   * Returns whether the pod is settled.
   */
  correct(w: W, api: Pod): boolean {
    const mine = w.mine;
    if (!mine || w.state === 'terminated' || api.metadata.uid !== w.pod.metadata.uid) return true;
    if (w.agreedApi === api.status && w.agreedMine === mine) return true;
    // Too soon after its own update: looked at again later.
    if (this.host.sim.now - (w.sentAt ?? 0) < STATUS_RESEND_AFTER_MS) return false;
    if (sameKubeletStatus(api.status, mine)) {
      w.agreedApi = api.status;
      w.agreedMine = mine;
      return true;
    }
    const theirs = (api.status.conditions ?? []).filter(
      (c) => !KUBELET_CONDITIONS.has(c.type) && !mine.conditions?.some((m) => m.type === c.type),
    );
    this.post(w, theirs.length ? { ...mine, conditions: [...(mine.conditions ?? []), ...theirs] } : mine);
    return false;
  }

  /** kubelet's own status of the pod. */
  setMine(w: W, status: PodStatus): void {
    w.mine = status;
    this.minesVersion++;
    this.host.changed();
  }

  /** syncBatch, every 10 s: each pod's status checked against the API's. */
  syncBatch(epoch: number): void {
    const { host } = this;
    if (!host.alive(epoch)) return;
    // Every pod was settled, and neither the API's pods nor kubelet's statuses changed since.
    if (this.settled()) return;
    this.quiet = null;
    let settled = true;
    for (const w of host.workers()) {
      if (w.mine === undefined) continue;
      const api = host.pods.get(w.pod.metadata.namespace, w.pod.metadata.name);
      if (api && !this.correct(w, api)) settled = false;
    }
    if (settled) this.quiet = { pods: host.pods.version, mines: this.minesVersion };
  }
}
