/**
 * Runs a write against a live cluster until its answers have come: the engine advances in 100 ms
 * steps until output has arrived and nothing more came for a second (at most `limitMs`).
 */
import type { Cluster } from '../engine/cluster';
import type { Command, Output } from './types';

export function runWrite(
  cluster: Cluster,
  command: Extract<Command, { type: 'write' }>,
  limitMs = 30_000,
): Output[] {
  const out: Output[] = [];
  command.run(cluster, (o) => out.push(o));
  let quiet = 0;
  let seen = out.length;
  for (let t = 0; t < limitMs; t += 100) {
    if (out.length > 0 && quiet >= 1_000) break;
    cluster.run(100);
    quiet = out.length === seen ? quiet + 100 : 0;
    seen = out.length;
  }
  return out;
}
