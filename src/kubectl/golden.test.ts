/**
 * Golden outputs: each script in golden/*.txt runs through the headless runner on a fresh cluster
 * (options on a first `# options:` line) and must print exactly golden/*.out. To accept a change
 * on purpose: `UPDATE_GOLDEN=1 npx vitest run src/kubectl/golden.test.ts`, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runScript, type RunOptions } from './sim/runScript';
import { scriptOptions } from './sim/scriptOptions';

const DIR = join(import.meta.dirname, 'golden');
const EXAMPLES = join(import.meta.dirname, '../../sim/examples');

function options(script: string): RunOptions {
  const own = scriptOptions(script);
  return { nodes: own.nodes ?? 1, runtime: own.runtime ?? 'docker', seed: own.seed ?? 1 };
}

async function check(scriptPath: string, goldenPath: string) {
  const script = readFileSync(scriptPath, 'utf8');
  const actual = await runScript(script, options(script));
  if (process.env.UPDATE_GOLDEN || !existsSync(goldenPath)) writeFileSync(goldenPath, actual);
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}

describe('golden outputs', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')))
    test(file, () => check(join(DIR, file), join(DIR, file.replace(/\.txt$/, '.out'))));

  test('sim/examples/basics.txt (npm run sim)', () =>
    check(join(EXAMPLES, 'basics.txt'), join(EXAMPLES, 'basics.out')));
});
