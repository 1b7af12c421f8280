/**
 * A script's own run options, from a first `# options: --nodes 2 --runtime containerd --seed 4`
 * line: the golden tests and `npm run sim` read them the same way (flags on the command line win).
 */
import { isRuntimeName, type RuntimeName } from '../../engine/clusterConfig';

export interface ScriptOptions {
  readonly nodes?: number;
  readonly runtime?: RuntimeName;
  readonly seed?: number;
}

export function scriptOptions(script: string): ScriptOptions {
  const line = /^# options:(.*)$/m.exec(script)?.[1] ?? '';
  const get = (name: string) => new RegExp(`--${name}[ =](\\S+)`).exec(line)?.[1];
  const nodes = get('nodes');
  const runtime = get('runtime');
  const seed = get('seed');
  return {
    ...(nodes !== undefined && Number.isFinite(Number(nodes)) ? { nodes: Number(nodes) } : {}),
    ...(runtime !== undefined && isRuntimeName(runtime) ? { runtime } : {}),
    ...(seed !== undefined && Number.isFinite(Number(seed)) ? { seed: Number(seed) } : {}),
  };
}
