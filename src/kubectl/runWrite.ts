/**
 * Runs a write against a live cluster until its answers have come: the engine advances in 10 ms
 * steps until output has arrived and nothing more came for 200 ms (at most `limitMs`), so the
 * cluster moves on about as far as it would while kubectl waits for its answers; then, a second
 * at a time, until what kubectl waits for after them has happened (at most `waitLimitMs` more).
 */
import type { Cluster } from '../engine/cluster';
import { clusterReader } from './reader';
import type { Command, Output } from './types';

export function runWrite(
  cluster: Cluster,
  command: Extract<Command, { type: 'write' }>,
  limitMs = 30_000,
  waitLimitMs = 10 * 60_000,
): Output[] {
  const out: Output[] = [];
  command.run(cluster, (o) => out.push(o));
  let quiet = 0;
  let seen = out.length;
  for (let t = 0; t < limitMs; t += 10) {
    if (out.length > 0 && quiet >= 200) break;
    cluster.run(10);
    quiet = out.length === seen ? quiet + 10 : 0;
    seen = out.length;
  }
  // Then what kubectl waits for (a deletion), a second at a time as a terminal's watch is followed.
  const wait = command.waitAfter?.();
  if (wait) {
    const first = wait.first(clusterReader(cluster));
    if (first.text !== '') out.push(first);
    for (let t = 0; t < waitLimitMs && !wait.ended!(); t += 1_000) {
      cluster.run(1_000);
      const next = wait.next(clusterReader(cluster));
      if (next) out.push(next);
    }
  }
  return out;
}
