// `npm test`: typecheck, lint, unit tests, production build, end-to-end tests in Chromium;
// then one plain closing line "tests: N passed, N failed". Exits 1 on any failure or when no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (label, cmd, args, env = {}) => {
  console.log(`\n== ${label}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
};
const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;
const broken = [];

if (run('typecheck', bin('tsc'), ['--noEmit', '-p', '.']) !== 0) broken.push('typecheck');
if (run('lint', bin('eslint'), ['.']) !== 0) broken.push('lint');
if (run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']) !== 0) broken.push('format');

const unit = run('unit', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=reports/vitest.json',
]);
const v = readJson('reports/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (unit !== 0 || !v) broken.push('unit');

if (run('build', bin('vite'), ['build']) !== 0) {
  broken.push('build');
} else if (run('chromium', 'node', ['scripts/check-chromium.mjs']) !== 0) {
  broken.push('e2e (no Chromium)');
} else {
  const e2e = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json',
  });
  const p = readJson('reports/playwright.json');
  if (p) {
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected;
  }
  if (e2e !== 0 || !p) broken.push('e2e');
}

if (broken.length) console.log(`\nfailed steps: ${broken.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(broken.length || failed > 0 || passed === 0 ? 1 : 0);
