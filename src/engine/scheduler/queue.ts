/**
 * The scheduling queue (backend/queue/scheduling_queue.go): activeQ ordered by priority then
 * arrival; backoffQ for pods waiting out their backoff (1 s doubling to 10 s); unschedulable pods
 * parked until a cluster change might help them, or for at most 5 minutes.
 */
import type { Pod } from '../api/types';

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

interface QueuedPod {
  pod: Pod;
  /** The pod's priority, kept with it so that heap comparisons need not reach into the pod. */
  priority: number;
  /** Bumped on every entry into activeQ, so stale heap entries are skipped (lazy deletion); -1 when not in activeQ. */
  activeSeq: number;
  /** When the pod was first added (PrioritySort's tie-breaker). */
  readonly since: number;
  attempts: number;
  /** When its current backoff ends. */
  backoffUntil: number;
  /** When it was parked as unschedulable. */
  parkedAt: number;
  /** Whether it is still known to the queue (false once removed). */
  queued: boolean;
  /** Whether it is in backoffQ, and among the unschedulable pods (what the two Sets hold). */
  inBackoff: boolean;
  inUnschedulable: boolean;
}

/**
 * activeQ: a binary heap by (priority desc, arrival asc). Each heap entry is a pod and the
 * sequence number it entered with, in two parallel arrays; an entry whose pod has since left (or
 * entered again) is skipped when it comes up.
 */
class ActiveQueue {
  private readonly heap: QueuedPod[] = [];
  private readonly seqs: number[] = [];
  private members = 0;
  private seq = 0;

  get size(): number {
    return this.members;
  }

  add(q: QueuedPod): void {
    if (q.activeSeq === -1) this.members++;
    const seq = (q.activeSeq = ++this.seq);
    const { heap, seqs } = this;
    let i = heap.length;
    heap.push(q);
    seqs.push(seq);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent]!;
      if (!higher(q, above)) break;
      heap[i] = above;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    heap[i] = q;
    seqs[i] = seq;
  }

  delete(q: QueuedPod): void {
    if (q.activeSeq === -1) return;
    q.activeSeq = -1;
    this.members--;
  }

  pop(): QueuedPod | undefined {
    const { heap, seqs } = this;
    while (heap.length > 0) {
      const top = heap[0]!;
      const topSeq = seqs[0]!;
      const last = heap.pop()!;
      const lastSeq = seqs.pop()!;
      const n = heap.length;
      if (n > 0) {
        // Sift `last` down from the root.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= n) break;
          const r = l + 1;
          const child = r < n && higher(heap[r]!, heap[l]!) ? r : l;
          const below = heap[child]!;
          if (!higher(below, last)) break;
          heap[i] = below;
          seqs[i] = seqs[child]!;
          i = child;
        }
        heap[i] = last;
        seqs[i] = lastSeq;
      }
      if (top.activeSeq === topSeq) {
        top.activeSeq = -1;
        this.members--;
        return top;
      }
    }
    return undefined;
  }
}

export class SchedulingQueue {
  private readonly active = new ActiveQueue();
  /** backoffQ and the unschedulable pods, each in the order they entered. */
  private readonly backoff = new Set<QueuedPod>();
  private readonly unschedulable = new Set<QueuedPod>();
  /** Every queued pod, by namespace and name. */
  private readonly known = new Map<string, Map<string, QueuedPod>>();
  /**
   * The last namespace looked up and its map (namespaces are never dropped from `known`): most
   * clusters queue pods of one or two namespaces, so this saves a lookup per call.
   */
  private lastNamespace: string | null = null;
  private lastByName: Map<string, QueuedPod> | undefined;
  /**
   * The pod pop returned last and its entry: done() and requeue() are nearly always called with
   * that very object, and then need no lookup by name to find it.
   */
  private popped: QueuedPod | null = null;

  get activeCount(): number {
    return this.active.size;
  }

  get backoffCount(): number {
    return this.backoff.size;
  }

  get unschedulableCount(): number {
    return this.unschedulable.size;
  }

  /** The names in `namespace` (created when `create`). */
  private namespace(namespace: string, create: boolean): Map<string, QueuedPod> | undefined {
    if (namespace === this.lastNamespace) return this.lastByName;
    let byName = this.known.get(namespace);
    if (!byName) {
      if (!create) return undefined;
      this.known.set(namespace, (byName = new Map()));
    }
    this.lastNamespace = namespace;
    this.lastByName = byName;
    return byName;
  }

  private find(pod: Pod): QueuedPod | undefined {
    const popped = this.popped;
    // The entry still holds this object only while the pod is queued under its name: remove and
    // update replace or drop it.
    if (popped !== null && popped.pod === pod && popped.queued) return popped;
    return this.namespace(pod.metadata.namespace ?? '', false)?.get(pod.metadata.name);
  }

  has(pod: Pod): boolean {
    return this.find(pod) !== undefined;
  }

  /** A new pod to schedule goes straight to activeQ. */
  add(pod: Pod, now: number): void {
    const byName = this.namespace(pod.metadata.namespace ?? '', true)!;
    const existing = byName.get(pod.metadata.name);
    if (existing) {
      setPod(existing, pod);
      return;
    }
    const q: QueuedPod = {
      pod,
      priority: pod.spec.priority ?? 0,
      activeSeq: -1,
      since: now,
      attempts: 0,
      backoffUntil: 0,
      parkedAt: 0,
      queued: true,
      inBackoff: false,
      inUnschedulable: false,
    };
    byName.set(pod.metadata.name, q);
    this.active.add(q);
  }

  /** The pod changed (or went away): keep the newest copy, or forget it. */
  update(pod: Pod): void {
    const q = this.find(pod);
    if (q) setPod(q, pod);
  }

  remove(pod: Pod): void {
    const q = this.find(pod);
    if (!q) return;
    this.namespace(pod.metadata.namespace ?? '', false)!.delete(pod.metadata.name);
    q.queued = false;
    if (this.popped === q) this.popped = null;
    this.active.delete(q);
    // A bound pod was popped from activeQ and is in neither Set: skip the Sets' lookups.
    if (q.inBackoff) this.leaveBackoff(q);
    if (q.inUnschedulable) this.leaveUnschedulable(q);
  }

  /** Pops the highest-priority, longest-waiting pod from activeQ. */
  pop(): Pod | undefined {
    const best = this.active.pop();
    if (!best) return undefined;
    best.attempts++;
    this.popped = best;
    return best.pod;
  }

  /** The cycle failed: park the pod as unschedulable (plugins refused it) or back it off (an error). */
  requeue(pod: Pod, now: number, unschedulable: boolean): void {
    const q = this.find(pod);
    if (!q) return;
    setPod(q, pod);
    q.backoffUntil = now + backoffDuration(q.attempts);
    if (unschedulable) {
      q.parkedAt = now;
      this.enterUnschedulable(q);
    } else {
      this.enterBackoff(q);
    }
  }

  /** The pod is bound: it leaves the queue for good. */
  done(pod: Pod): void {
    this.remove(pod);
  }

  /** A cluster change that may help: every parked pod moves to backoffQ, or activeQ if its backoff is over. */
  moveAllToActiveOrBackoff(now: number): void {
    for (const q of this.unschedulable) {
      this.leaveUnschedulable(q);
      if (q.backoffUntil > now) this.enterBackoff(q);
      else this.active.add(q);
    }
  }

  /** Background flushes: backoffs that ended (every 1 s) and pods parked over 5 minutes (every 30 s). */
  flushBackoff(now: number): void {
    for (const q of this.backoff) {
      if (q.backoffUntil <= now) {
        this.leaveBackoff(q);
        this.active.add(q);
      }
    }
  }

  flushUnschedulableLeftover(now: number): void {
    for (const q of this.unschedulable) {
      if (now - q.parkedAt >= MAX_UNSCHEDULABLE_MS) {
        this.leaveUnschedulable(q);
        if (q.backoffUntil > now) this.enterBackoff(q);
        else this.active.add(q);
      }
    }
  }

  attemptsOf(pod: Pod): number {
    return this.find(pod)?.attempts ?? 0;
  }

  // The Sets and the entries' flags change together.
  private enterBackoff(q: QueuedPod): void {
    this.backoff.add(q);
    q.inBackoff = true;
  }

  private leaveBackoff(q: QueuedPod): void {
    this.backoff.delete(q);
    q.inBackoff = false;
  }

  private enterUnschedulable(q: QueuedPod): void {
    this.unschedulable.add(q);
    q.inUnschedulable = true;
  }

  private leaveUnschedulable(q: QueuedPod): void {
    this.unschedulable.delete(q);
    q.inUnschedulable = false;
  }
}

/** 1 s × 2^(attempts−1), at most 10 s. */
export function backoffDuration(attempts: number): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
}

function setPod(q: QueuedPod, pod: Pod): void {
  q.pod = pod;
  q.priority = pod.spec.priority ?? 0;
}

function higher(a: QueuedPod, b: QueuedPod): boolean {
  const pa = a.priority;
  const pb = b.priority;
  if (pa !== pb) return pa > pb;
  return a.since !== b.since ? a.since < b.since : a.activeSeq < b.activeSeq;
}
