/**
 * The simulation kernel: virtual clock, the one event queue, the seeded PRNG, the trace, and
 * message delivery along allowed routes only. Components build on it; nothing here knows Kubernetes.
 */
import { EventQueue } from './core/eventQueue';
import { Prng } from './core/prng';
import type { SimMillis } from './core/time';
import { isAllowedRoute } from './routes';
import type { Endpoint } from './topology';
import { Trace, type MessageKind, type ObjectRef } from './trace';

export interface SendOptions {
  readonly kind: MessageKind;
  readonly summary: string;
  readonly object?: ObjectRef;
  /** Network and processing time until delivery; defaults to 1 ms. */
  readonly latency?: number;
  readonly routine?: boolean;
}

/** A message on an illegal route: the engine refuses it. */
export class RouteError extends Error {}

/**
 * A route checked once (`Sim.route`), for a component that sends along it again and again:
 * kube-apiserver to etcd, to each watcher, from each client.
 */
export interface Route {
  readonly from: Endpoint;
  readonly to: Endpoint;
}

/** Only routes made by `Sim.route` (this class, not exported) are trusted by `sendOn`. */
class CheckedRoute implements Route {
  constructor(
    readonly from: Endpoint,
    readonly to: Endpoint,
  ) {}
}

export class Sim {
  now = 0 as SimMillis;
  readonly rng: Prng;
  readonly trace = new Trace();
  /** Messages that arrived at a component that was down, by id. */
  readonly dropped = new Set<number>();
  /**
   * For the few messages whose sender hears when it is not delivered (a client's connection
   * refused by a stopped kube-apiserver): what it does then, by message id, until delivery.
   */
  private readonly onLost = new Map<number, () => void>();
  /** The id of the message being delivered right now: every change made meanwhile is tied to it. */
  cause: number | null = null;
  private readonly queue = new EventQueue();
  private readonly down = new Set<Endpoint>();
  /** Each endpoint's ups and downs in time order (a few per run): what was up at an earlier moment. */
  private readonly upChanges = new Map<Endpoint, { at: SimMillis; up: boolean }[]>();
  private readonly afterEvent: (() => void)[] = [];

  constructor(seed: number) {
    this.rng = Prng.fromSeed(seed);
  }

  /** Runs `fn` at virtual time `at` (never in the past). */
  at(at: number, fn: () => void): void {
    this.queue.push(Math.max(at, this.now) as SimMillis, fn);
  }

  after(delay: number, fn: () => void): void {
    this.at(this.now + delay, fn);
  }

  isUp(endpoint: Endpoint): boolean {
    // Nearly always nothing is down: no need to look the endpoint up.
    return this.down.size === 0 || !this.down.has(endpoint);
  }

  setUp(endpoint: Endpoint, up: boolean): void {
    if (up === !this.down.has(endpoint)) return;
    if (up) this.down.delete(endpoint);
    else this.down.add(endpoint);
    let changes = this.upChanges.get(endpoint);
    if (!changes) this.upChanges.set(endpoint, (changes = []));
    changes.push({ at: this.now, up });
  }

  /**
   * Whether `endpoint` was up once every event at virtual time `at` had run (the UI asks at its
   * cursor, behind the run). Before any change an endpoint counts as up.
   */
  wasUp(endpoint: Endpoint, at: number): boolean {
    const changes = this.upChanges.get(endpoint);
    if (!changes) return true;
    let up = true;
    for (const change of changes) {
      if (change.at > at) break;
      up = change.up;
    }
    return up;
  }

  /** Checks a route once, for `sendOn`; throws RouteError if the architecture has no such path. */
  route(from: Endpoint, to: Endpoint): Route {
    if (!isAllowedRoute(from, to)) throw new RouteError(`no route from ${from} to ${to}`);
    return new CheckedRoute(from, to);
  }

  /**
   * Sends a message along a route `route()` checked. Returns its id. `lost` runs, at the time it
   * would have arrived, if its receiver is down then (the sender learns its connection failed).
   */
  sendOn(route: Route, options: SendOptions, deliver: () => void, lost?: () => void): number {
    if (!(route instanceof CheckedRoute))
      throw new RouteError(`unchecked route from ${route.from} to ${route.to}`);
    const id = this.emit(route.from, route.to, options, deliver);
    if (lost) this.onLost.set(id, lost);
    return id;
  }

  /** Sends a message along an allowed route; `deliver` runs on arrival unless the receiver is down. Returns its id. */
  send(from: Endpoint, to: Endpoint, options: SendOptions, deliver: () => void): number {
    if (!isAllowedRoute(from, to)) throw new RouteError(`no route from ${from} to ${to}`);
    return this.emit(from, to, options, deliver);
  }

  private emit(from: Endpoint, to: Endpoint, options: SendOptions, deliver: () => void): number {
    const deliverAt = (this.now + (options.latency ?? 1)) as SimMillis;
    const id = this.trace.push(
      this.now,
      deliverAt,
      from,
      to,
      options.kind,
      options.summary,
      options.object,
      options.routine === true,
    );
    // Delivery is an event carrying the message id (no wrapper closure: there are millions of these).
    this.queue.push(deliverAt, deliver, id);
    return id;
  }

  /** Runs a message's delivery at its receiver, unless the receiver is down; changes made meanwhile are tied to it. */
  private deliver(id: number, run: () => void): void {
    const lost = this.onLost.size === 0 ? undefined : this.onLost.get(id);
    if (lost) this.onLost.delete(id);
    if (!this.isUp(this.trace.receiver(id))) {
      this.dropped.add(id);
      if (lost) this.within(id, lost);
      return;
    }
    this.within(id, run);
  }

  /** Runs `fn` with message `id` as the cause of what it changes. */
  private within(id: number, fn: () => void): void {
    const previous = this.cause;
    this.cause = id;
    try {
      fn();
    } finally {
      this.cause = previous;
    }
  }

  /**
   * Whether message `id` does not reach its receiver: it arrived while the receiver was down, or,
   * not delivered yet, its receiver is down now (the UI asks about messages still in the air).
   */
  undelivered(id: number): boolean {
    if (this.trace.deliverAt(id) > this.now) return !this.isUp(this.trace.receiver(id));
    return this.dropped.has(id);
  }

  /** Registers a check run after every event (test builds use it for invariants). */
  onAfterEvent(check: () => void): void {
    this.afterEvent.push(check);
  }

  /** Runs every event up to and including virtual time `until`, then sets the clock there. */
  runUntil(until: number): void {
    const queue = this.queue;
    for (;;) {
      const next = queue.peekTime();
      if (next === undefined || next > until) break;
      const run = queue.popRun()!;
      this.now = queue.poppedTime;
      const message = queue.poppedMessage;
      if (message < 0) run();
      else this.deliver(message, run);
      for (const check of this.afterEvent) check();
    }
    this.now = Math.max(this.now, until) as SimMillis;
  }

  get pendingEvents(): number {
    return this.queue.size;
  }
}
