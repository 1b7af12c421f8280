/**
 * Runs a write against a live cluster until its answers have come: the engine advances in 10 ms
 * steps until output has arrived and nothing more came for 200 ms (at most `limitMs`), so the
 * cluster moves on about as far as it would while kubectl waits for its answers.
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
  for (let t = 0; t < limitMs; t += 10) {
    if (out.length > 0 && quiet >= 200) break;
    cluster.run(10);
    quiet = out.length === seen ? quiet + 10 : 0;
    seen = out.length;
  }
  return out;
}
