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
  readonly key: string;
  pod: Pod;
  /** The pod's priority, kept with it so that heap comparisons need not reach into the pod. */
  priority: number;
  /** Bumped on every entry into activeQ, so stale heap entries are skipped (lazy deletion). */
  activeSeq: number;
  /** When the pod was first added (PrioritySort's tie-breaker). */
  readonly since: number;
  attempts: number;
  /** When its current backoff ends. */
  backoffUntil: number;
  /** When it was parked as unschedulable. */
  parkedAt: number;
}

const key = (pod: Pod) => `${pod.metadata.namespace}/${pod.metadata.name}`;

/** activeQ: a binary heap by (priority desc, arrival asc), with a map saying which entries are current. */
class ActiveQueue {
  private readonly heap: { q: QueuedPod; seq: number }[] = [];
  private readonly members = new Map<string, QueuedPod>();
  private seq = 0;

  get size(): number {
    return this.members.size;
  }

  set(k: string, q: QueuedPod): void {
    this.members.set(k, q);
    q.activeSeq = ++this.seq;
    const heap = this.heap;
    const entry = { q, seq: q.activeSeq };
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent]!;
      if (!higher(q, above.q)) break;
      heap[i] = above;
      heap[parent] = entry;
      i = parent;
    }
  }

  delete(k: string): void {
    const q = this.members.get(k);
    if (q) q.activeSeq = -1;
    this.members.delete(k);
  }

  values(): IterableIterator<QueuedPod> {
    return this.members.values();
  }

  pop(): QueuedPod | undefined {
    const heap = this.heap;
    while (heap.length > 0) {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= heap.length) break;
          const r = l + 1;
          const child = r < heap.length && higher(heap[r]!.q, heap[l]!.q) ? r : l;
          const below = heap[child]!;
          const current = heap[i]!;
          if (!higher(below.q, current.q)) break;
          heap[i] = below;
          heap[child] = current;
          i = child;
        }
      }
      if (top.q.activeSeq === top.seq) {
        this.members.delete(top.q.key);
        top.q.activeSeq = -1;
        return top.q;
      }
    }
    return undefined;
  }
}

export class SchedulingQueue {
  private readonly active = new ActiveQueue();
  private readonly backoff = new Map<string, QueuedPod>();
  private readonly unschedulable = new Map<string, QueuedPod>();
  private readonly known = new Map<string, QueuedPod>();

  get activeCount(): number {
    return this.active.size;
  }

  get backoffCount(): number {
    return this.backoff.size;
  }

  get unschedulableCount(): number {
    return this.unschedulable.size;
  }

  has(pod: Pod): boolean {
    return this.known.has(key(pod));
  }

  /** A new pod to schedule goes straight to activeQ. */
  add(pod: Pod, now: number): void {
    const k = key(pod);
    const existing = this.known.get(k);
    if (existing) {
      setPod(existing, pod);
      return;
    }
    const q: QueuedPod = {
      key: k,
      pod,
      priority: pod.spec.priority ?? 0,
      activeSeq: -1,
      since: now,
      attempts: 0,
      backoffUntil: 0,
      parkedAt: 0,
    };
    this.known.set(k, q);
    this.active.set(k, q);
  }

  /** The pod changed (or went away): keep the newest copy, or forget it. */
  update(pod: Pod): void {
    const q = this.known.get(key(pod));
    if (q) setPod(q, pod);
  }

  remove(pod: Pod): void {
    const k = key(pod);
    this.known.delete(k);
    this.active.delete(k);
    this.backoff.delete(k);
    this.unschedulable.delete(k);
  }

  /** Pops the highest-priority, longest-waiting pod from activeQ. */
  pop(): Pod | undefined {
    const best = this.active.pop();
    if (!best) return undefined;
    best.attempts++;
    return best.pod;
  }

  /** The cycle failed: park the pod as unschedulable (plugins refused it) or back it off (an error). */
  requeue(pod: Pod, now: number, unschedulable: boolean): void {
    const k = key(pod);
    const q = this.known.get(k);
    if (!q) return;
    setPod(q, pod);
    q.backoffUntil = now + backoffDuration(q.attempts);
    if (unschedulable) {
      q.parkedAt = now;
      this.unschedulable.set(k, q);
    } else {
      this.backoff.set(k, q);
    }
  }

  /** The pod is bound: it leaves the queue for good. */
  done(pod: Pod): void {
    this.remove(pod);
  }

  /** A cluster change that may help: every parked pod moves to backoffQ, or activeQ if its backoff is over. */
  moveAllToActiveOrBackoff(now: number): void {
    for (const [k, q] of this.unschedulable) {
      this.unschedulable.delete(k);
      if (q.backoffUntil > now) this.backoff.set(k, q);
      else this.active.set(k, q);
    }
  }

  /** Background flushes: backoffs that ended (every 1 s) and pods parked over 5 minutes (every 30 s). */
  flushBackoff(now: number): void {
    for (const [k, q] of this.backoff) {
      if (q.backoffUntil <= now) {
        this.backoff.delete(k);
        this.active.set(k, q);
      }
    }
  }

  flushUnschedulableLeftover(now: number): void {
    for (const [k, q] of this.unschedulable) {
      if (now - q.parkedAt >= MAX_UNSCHEDULABLE_MS) {
        this.unschedulable.delete(k);
        if (q.backoffUntil > now) this.backoff.set(k, q);
        else this.active.set(k, q);
      }
    }
  }

  attemptsOf(pod: Pod): number {
    return this.known.get(key(pod))?.attempts ?? 0;
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
