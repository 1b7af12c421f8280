/**
 * Notable moments on the timeline: scheduling decisions, failures (Warning events and pods that fit
 * nowhere) and reconciliations that acted. Buckets keep the markers to a few hundred, however long
 * the run; in a bucket a failure outranks a decision, which outranks a reconciliation.
 */
import { useMemo } from 'react';
import { useAppStore } from '../storeContext';

export type MarkerKind = 'schedule' | 'failure' | 'reconcile';

/** Each kind's colour, on the timeline and in the diagram's Legend. */
export const MARKER_COLORS: Record<MarkerKind, string> = {
  schedule: 'bg-k8s',
  failure: 'bg-red-600',
  reconcile: 'bg-amber-500',
};

export interface Marker {
  /** Position along the timeline, 0–1. */
  readonly at: number;
  readonly kind: MarkerKind;
  /** Virtual ms, to jump to. */
  readonly time: number;
}

const BUCKETS = 240;
const RANK: Record<MarkerKind, number> = { reconcile: 0, schedule: 1, failure: 2 };

export function useTimelineMarkers(): readonly Marker[] {
  const player = useAppStore((s) => s.player);
  // Recount only when the recording grows by a noticeable amount.
  const recorded = useAppStore((s) => Math.floor(s.playback.recorded / 2_000));
  const end = useAppStore((s) => Math.round(Math.log(Math.max(s.playback.end, 1)) * 50));
  return useMemo(() => {
    void recorded;
    void end;
    if (!player) return [];
    const { timeline, run } = player;
    const total = timeline.end;
    if (total <= 0) return [];
    const buckets = new Map<number, Marker>();
    const add = (time: number, kind: MarkerKind) => {
      const at = timeline.toPresentation(time) / total;
      const b = Math.min(BUCKETS - 1, Math.floor(at * BUCKETS));
      const old = buckets.get(b);
      if (!old || RANK[kind] > RANK[old.kind]) buckets.set(b, { at, kind, time });
    };
    for (const r of run.reconciliations) if (r.action !== 'none') add(r.time, 'reconcile');
    for (const d of run.decisions) add(d.time, d.winner ? 'schedule' : 'failure');
    for (const c of run.cluster.etcd.changes)
      if (c.value?.kind === 'Event' && c.value.type === 'Warning') add(c.time, 'failure');
    return [...buckets.values()].sort((a, b) => a.at - b.at);
  }, [player, recorded, end]);
}
