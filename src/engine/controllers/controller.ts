/**
 * The shape every controller in kube-controller-manager shares: informers feed a deduplicating
 * workqueue of `namespace/name` keys; one key at a time, `reconcile` reads the desired state,
 * observes the actual state, computes the difference and acts through kube-apiserver.
 */
import type { ApiServer, RequestOptions } from '../apiserver/apiServer';
import { controllerUser } from '../apiserver/identity';
import { EventRecorder } from '../client/eventRecorder';
import type { Sim } from '../sim';
import { componentId } from '../topology';

export const KCM = componentId('kube-controller-manager');

/** One pass of a control loop, kept for the UI: what it wanted, what it saw, and what it did about it. */
export interface Reconciliation {
  readonly controller: string;
  readonly key: string;
  readonly time: number;
  readonly desired: string;
  readonly actual: string;
  readonly diff: string;
  readonly action: string;
}

/**
 * Whether two flat status objects hold the same fields with the same values. Both key sets count:
 * an omitempty count that fell to zero is a missing key, and that is a change.
 */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The workqueue's per-item backoff after failed syncs. */
const FAILURE_BASE_MS = 5;
const FAILURE_MAX_MS = 1_000_000;

/** Time one reconcile takes (virtual ms). */
const SYNC_MS = 1;
const KEEP = 100;

export abstract class Controller {
  /** The controller's canonical name, e.g. `replicaset-controller`. */
  abstract readonly name: string;
  /** Its service account, e.g. `replicaset-controller`, `node-controller`. */
  abstract readonly serviceAccount: string;
  /** `source.component` of its Events: the controller's name unless upstream's recorder says otherwise. */
  protected get eventComponent(): string {
    return this.name;
  }
  readonly history: Reconciliation[] = [];
  private readonly queue = new Set<string>();
  /** Failed syncs in a row, by key, and the keys with a retry after a failure already waiting. */
  private readonly failures = new Map<string, number>();
  private readonly failedRetries = new Set<string>();
  private busy = false;
  protected epoch = 0;
  private recorderCache: EventRecorder | undefined;
  private optionsCache: RequestOptions | undefined;

  constructor(
    protected readonly sim: Sim,
    protected readonly api: ApiServer,
  ) {}

  /**
   * Its identity, and a refused connection is heard: a create or delete that kube-apiserver never
   * answers (it went down meanwhile) fails like any other, lowering the expectations it raised,
   * rather than leaving the controller waiting for a change that will not come.
   */
  protected get options(): RequestOptions {
    return (this.optionsCache ??= { as: controllerUser(this.serviceAccount), refused: true });
  }

  protected get recorder(): EventRecorder {
    return (this.recorderCache ??= new EventRecorder(
      this.sim,
      this.api,
      KCM,
      { component: this.eventComponent },
      this.options,
    ));
  }

  get running(): boolean {
    return this.sim.isUp(KCM);
  }

  /** Starts informers and periodic work; called when kube-controller-manager starts. */
  abstract start(): void;

  /** Stops everything; informers keep a stale cache. */
  stop(): void {
    this.epoch++;
    this.queue.clear();
    this.busy = false;
  }

  protected abstract reconcile(key: string): void;

  enqueue(key: string): void {
    if (!this.running) return;
    this.queue.add(key);
    this.pump();
  }

  private pump(): void {
    if (this.busy || this.queue.size === 0) return;
    this.busy = true;
    const epoch = this.epoch;
    this.sim.after(SYNC_MS, () => {
      this.busy = false;
      if (epoch !== this.epoch || !this.running) return;
      const key = this.queue.values().next().value as string;
      this.queue.delete(key);
      this.reconcile(key);
      this.pump();
    });
  }

  /**
   * A sync of `key` failed: queue it again after client-go's per-item backoff
   * (ItemExponentialFailureRateLimiter: 5 ms doubling to 1000 s), once however many of its
   * requests failed. `forgetFailures` starts the backoff over once one works.
   */
  protected retryFailed(key: string): void {
    if (this.failedRetries.has(key)) return;
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    this.failedRetries.add(key);
    const epoch = this.epoch;
    this.sim.after(Math.min(FAILURE_BASE_MS * 2 ** failures, FAILURE_MAX_MS), () => {
      this.failedRetries.delete(key);
      if (epoch === this.epoch) this.enqueue(key);
    });
  }

  protected forgetFailures(key: string): void {
    this.failures.delete(key);
  }

  /** Re-tries a key later (after an error), as AddRateLimited does. */
  protected retry(key: string, afterMs = 100): void {
    const epoch = this.epoch;
    this.sim.after(afterMs, () => epoch === this.epoch && this.enqueue(key));
  }

  /** Runs `fn` every `ms` while the controller runs. */
  protected every(ms: number, fn: () => void): void {
    const epoch = this.epoch;
    const loop = () =>
      this.sim.after(ms, () => {
        if (epoch !== this.epoch || !this.running) return;
        fn();
        loop();
      });
    loop();
  }

  /** Told of every pass as it is noted (a recorder keeps them all; `history` keeps the last few). */
  onReconciled: ((r: Reconciliation) => void) | null = null;

  protected note(r: Omit<Reconciliation, 'controller' | 'time'>): void {
    const record = { controller: this.name, time: this.sim.now, ...r };
    this.history.push(record);
    if (this.history.length > KEEP) this.history.shift();
    this.onReconciled?.(record);
  }
}
