/**
 * What the store loads after the first paint, in one piece: the simulation and its player, how a
 * workflow becomes a run, and the terminal's logic (tests import it at once).
 */
export { createPlayer } from '../playback/engine';
export { scenarioSpec } from './scenarioScript';
export { createTerminal } from './terminal';
