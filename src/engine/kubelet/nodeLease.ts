/**
 * kubelet's node Lease controller (component-helpers' lease controller): renews
 * `kube-node-lease/<node>` every 10 s. A renewal that fails is tried again at once, up to 5 times
 * in all (maxUpdateRetries); then the controller falls back to making sure the Lease exists: it
 * GETs it (creating it if it is gone), waiting 200 ms, 400 ms, … up to 7 s (maxBackoff) between
 * tries for as long as kube-apiserver cannot answer, and renews it once it can. Meanwhile no new
 * renewal starts.
 */
import type { Lease, Node } from '../api/types';
import type { ApiServer, RequestOptions } from '../apiserver/apiServer';
import type { ApiResult } from '../apiserver/request';
import { microTimestamp, timestamp } from '../core/time';
import type { Sim } from '../sim';
import type { ComponentId } from '../topology';

export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
/** maxUpdateRetries: renewals tried in a row before falling back to ensuring the Lease. */
export const LEASE_UPDATE_TRIES = 5;
/** backoffEnsureLease's first wait is twice this; the waits double up to LEASE_MAX_BACKOFF_MS. */
const ENSURE_FIRST_SLEEP_MS = 100;
export const LEASE_MAX_BACKOFF_MS = 7_000;
const LEASE_NAMESPACE = 'kube-node-lease';

/** Renewals are routine traffic; a client's refused connection is heard, so it can try again. */
const RENEW: RequestOptions = { routine: true, refused: true };
const ENSURE: RequestOptions = { refused: true };

export class NodeLease {
  /** Whether the Lease is known to exist (renewals update it rather than create it). */
  private exists = false;
  /** The Lease's metadata, made once per registration (objects are never mutated, so renewals share it). */
  private meta: Lease['metadata'] | null = null;
  /** The renewal in flight is the how-manieth in a row (0 the first). */
  private attempt = 0;
  /** The renewals in flight come after an ensure: if they fail too, the next tick tries again. */
  private afterEnsure = false;
  /** A failed renewal is being worked out: ticks start no new one meanwhile. */
  private busy = false;
  /**
   * What hears every renewal's answer in this kubelet run: one function per run rather than a
   * closure per renewal (one every 10 s per node), and answers to an earlier run are ignored.
   */
  private renewed: (r: ApiResult) => void = () => {};

  constructor(
    private readonly sim: Sim,
    private readonly api: ApiServer,
    private readonly from: ComponentId,
    private readonly nodeName: string,
    /** Whether kubelet run `epoch` still runs, and its registered Node. */
    private readonly alive: (epoch: number) => boolean,
    private readonly node: () => Node | undefined,
  ) {}

  /** A restarted kubelet starts over: it knows of no Lease until it has made or found one. */
  reset(epoch: number): void {
    this.renewed = (r) => this.heard(epoch, r);
    this.exists = false;
    this.meta = null;
    this.busy = false;
  }

  /** The controller's periodic sync: renew, unless a failed renewal is still being worked out. */
  sync(epoch: number): void {
    if (this.busy || !this.alive(epoch)) return;
    this.afterEnsure = false;
    this.renew(epoch, 0);
  }

  private renew(epoch: number, attempt: number): void {
    const lease = this.alive(epoch) ? this.lease() : null;
    if (!lease) return;
    this.attempt = attempt;
    this.api.request(
      this.from,
      { verb: this.exists ? 'update' : 'create', kind: 'Lease', object: lease },
      this.renewed,
      RENEW,
    );
  }

  /** The Lease as this kubelet asserts it now (null before its Node is registered). */
  private lease(): Lease | null {
    const node = this.node();
    if (!node) return null;
    this.meta ??= {
      name: this.nodeName,
      namespace: LEASE_NAMESPACE,
      uid: '',
      resourceVersion: '',
      creationTimestamp: timestamp(this.sim.now),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }],
    };
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: this.meta,
      spec: {
        holderIdentity: this.nodeName,
        leaseDurationSeconds: LEASE_DURATION_SECONDS,
        renewTime: microTimestamp(this.sim.now),
      },
    };
  }

  /** A renewal's answer, in kubelet run `epoch`. */
  private heard(epoch: number, r: ApiResult): void {
    if (!this.alive(epoch)) return;
    if (r.ok || r.error.reason === 'AlreadyExists') {
      this.exists = true;
      this.busy = false;
      return;
    }
    // Creating it failed (kubelet's first sync goes through ensure too): make sure it exists.
    if (!this.exists) return this.ensure(epoch, ENSURE_FIRST_SLEEP_MS);
    if (this.attempt + 1 < LEASE_UPDATE_TRIES) {
      this.busy = true;
      return this.renew(epoch, this.attempt + 1);
    }
    // "failed 5 attempts to update lease": after an ensure, wait for the next tick; else ensure.
    if (this.afterEnsure) {
      this.busy = false;
      return;
    }
    this.ensure(epoch, ENSURE_FIRST_SLEEP_MS);
  }

  /** backoffEnsureLease: GET the Lease (create it if it is gone) until kube-apiserver answers, then renew it. */
  private ensure(epoch: number, sleep: number): void {
    if (!this.alive(epoch)) return;
    this.busy = true;
    const retry = () => {
      const next = Math.min(2 * sleep, LEASE_MAX_BACKOFF_MS);
      this.sim.after(next, () => this.ensure(epoch, next));
    };
    this.api.request(
      this.from,
      { verb: 'get', kind: 'Lease', namespace: LEASE_NAMESPACE, name: this.nodeName },
      (r) => {
        if (!this.alive(epoch)) return;
        if (r.ok) {
          this.exists = true;
          this.afterEnsure = true;
          return this.renew(epoch, 0);
        }
        if (r.error.reason !== 'NotFound') return retry();
        this.createAfresh(epoch, retry);
      },
      ENSURE,
    );
  }

  /** The Lease is gone: made afresh, which renews it too; a failed create is tried again after the next wait. */
  private createAfresh(epoch: number, retry: () => void): void {
    this.exists = false;
    this.meta = null;
    const lease = this.lease();
    if (!lease) return;
    this.api.request(
      this.from,
      { verb: 'create', kind: 'Lease', object: lease },
      (r) => {
        if (!this.alive(epoch)) return;
        if (!r.ok) return retry();
        this.exists = true;
        this.busy = false;
      },
      ENSURE,
    );
  }
}
