/** The engine-check page: runs the reference scenario in the browser and shows its trace hash (for the determinism test). */
import { referenceRun } from '../engine/testing/referenceRun';

const seed = Number(new URLSearchParams(window.location.search).get('seed') ?? '1');
const out = document.getElementById('hash');
if (out) {
  const result = Number.isInteger(seed) ? referenceRun(seed) : null;
  out.textContent = result ? `${result.messages} ${result.hash}` : 'bad seed';
}
