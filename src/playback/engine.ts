/**
 * The playback engine as one lazily loaded piece: the whole simulation and the player. The page
 * draws the cluster's architecture first and loads this right after, so the first paint never
 * waits for the simulation.
 */
import { Player, type FrameClock, type PlayerOptions } from './player';
import type { RunSpec } from './run';

export function createPlayer(spec: RunSpec, clock: FrameClock, options: PlayerOptions): Player {
  return new Player(spec, clock, options);
}
