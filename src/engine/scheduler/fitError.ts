/** FitError's message (framework/types.go): "0/3 nodes are available: …" with the preemption part 1.34 adds. */
import type { FilterStatus } from './framework';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** "<count> <reason>" per reason, sorted as Go's sort.Strings sorts them (lexically, so "10 …" before "2 …"). */
function histogram(reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** The full message for a pod no node can take; `statuses` has one entry per node. */
export function fitErrorMessage(numNodes: number, statuses: readonly FilterStatus[]): string {
  if (numNodes === 0) return NO_NODES_AVAILABLE;
  const filter = histogram(statuses.flatMap((s) => s.reasons));
  // DefaultPreemption: all pods here share one priority, so no node has lower-priority victims.
  const preemption = histogram(
    statuses.map((s) => (s.code === 'UnschedulableAndUnresolvable' ? PREEMPTION_NOT_HELPFUL : NO_VICTIMS)),
  );
  const message = `0/${numNodes} nodes are available: ${filter}. preemption: 0/${numNodes} nodes are available: ${preemption}.`;
  return message.length > 1024 ? `${message.slice(0, 1024 - 4)} ...` : message;
}
