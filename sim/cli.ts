/**
 * `npm run sim -- script.txt [--nodes N] [--runtime docker|containerd|cri-o] [--seed S]`: runs a
 * text file of terminal commands against a fresh simulated cluster and prints what the terminal
 * would print. Files named by `kubectl apply -f NAME` are read next to the script. A first
 * `# options: --nodes 2 …` line in the script sets its own options; flags given here win.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isRuntimeName } from '../src/engine/clusterConfig';
import { runScript } from '../src/kubectl/sim/runScript';
import { scriptOptions } from '../src/kubectl/sim/scriptOptions';

function option(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
}

const args = process.argv.slice(2);
const scriptPath = args.find(
  (a, i) => !a.startsWith('--') && !(i > 0 && /^--(nodes|runtime|seed)$/.test(args[i - 1]!)),
);
if (!scriptPath) {
  console.error(
    'usage: npm run sim -- script.txt [--nodes N] [--runtime docker|containerd|cri-o] [--seed S]',
  );
  process.exit(2);
}
const script = readFileSync(scriptPath, 'utf8');
const own = scriptOptions(script);
const runtime = option('runtime') ?? own.runtime ?? 'docker';
if (!isRuntimeName(runtime)) {
  console.error(`unknown runtime "${runtime}": use docker, containerd or cri-o`);
  process.exit(2);
}
const files = new Map<string, string>();
for (const m of script.matchAll(/-f\s+(?:=\s*)?([^\s-][^\s]*)/g)) {
  const path = join(dirname(scriptPath), m[1]!);
  if (existsSync(path)) files.set(m[1]!, readFileSync(path, 'utf8'));
}
const output = await runScript(script, {
  nodes: Number(option('nodes') ?? own.nodes ?? 1),
  runtime,
  seed: Number(option('seed') ?? own.seed ?? 1),
  files,
});
process.stdout.write(output);
