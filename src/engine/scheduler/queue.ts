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

  get activeCount(): number {
    return this.active.size;
  }

  get backoffCount(): number {
    return this.backoff.size;
  }

  get unschedulableCount(): number {
    return this.unschedulable.size;
  }

  private find(pod: Pod): QueuedPod | undefined {
    return this.known.get(pod.metadata.namespace ?? '')?.get(pod.metadata.name);
  }

  has(pod: Pod): boolean {
    return this.find(pod) !== undefined;
  }

  /** A new pod to schedule goes straight to activeQ. */
  add(pod: Pod, now: number): void {
    const namespace = pod.metadata.namespace ?? '';
    let byName = this.known.get(namespace);
    if (!byName) this.known.set(namespace, (byName = new Map()));
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
    const byName = this.known.get(pod.metadata.namespace ?? '');
    const q = byName?.get(pod.metadata.name);
    if (!q) return;
    byName!.delete(pod.metadata.name);
    this.active.delete(q);
    this.backoff.delete(q);
    this.unschedulable.delete(q);
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
    const q = this.find(pod);
    if (!q) return;
    setPod(q, pod);
    q.backoffUntil = now + backoffDuration(q.attempts);
    if (unschedulable) {
      q.parkedAt = now;
      this.unschedulable.add(q);
    } else {
      this.backoff.add(q);
    }
  }

  /** The pod is bound: it leaves the queue for good. */
  done(pod: Pod): void {
    this.remove(pod);
  }

  /** A cluster change that may help: every parked pod moves to backoffQ, or activeQ if its backoff is over. */
  moveAllToActiveOrBackoff(now: number): void {
    for (const q of this.unschedulable) {
      this.unschedulable.delete(q);
      if (q.backoffUntil > now) this.backoff.add(q);
      else this.active.add(q);
    }
  }

  /** Background flushes: backoffs that ended (every 1 s) and pods parked over 5 minutes (every 30 s). */
  flushBackoff(now: number): void {
    for (const q of this.backoff) {
      if (q.backoffUntil <= now) {
        this.backoff.delete(q);
        this.active.add(q);
      }
    }
  }

  flushUnschedulableLeftover(now: number): void {
    for (const q of this.unschedulable) {
      if (now - q.parkedAt >= MAX_UNSCHEDULABLE_MS) {
        this.unschedulable.delete(q);
        if (q.backoffUntil > now) this.backoff.add(q);
        else this.active.add(q);
      }
    }
  }

  attemptsOf(pod: Pod): number {
    return this.find(pod)?.attempts ?? 0;
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
