/* global document */
// Takes the README's screenshots from the production build: `npm run build && npm run screenshots`.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';

const PORT = 4174;
const server = spawn(
  'node',
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    detached: true,
    stdio: 'ignore',
  },
);
const stop = () => process.kill(-server.pid);

const SHOTS = [
  // Played until the Deployment's pods run, then stepped to a moment with messages in flight.
  { file: 'docs/screenshot.png', query: '?nodes=3&speed=16', play: 3, click: null, size: [1440, 900] },
  {
    file: 'docs/screenshot-scheduler.png',
    query: '?nodes=3&speed=16',
    play: 3,
    click: 'kube-scheduler',
    size: [1440, 900],
  },
  {
    file: 'docs/screenshot-zh-pod.png',
    query: '?nodes=2&speed=16&lang=zh&theme=dark',
    play: 3,
    pod: true,
    size: [1440, 900],
  },
  { file: 'docs/screenshot-phone.png', query: '?nodes=2&speed=16', play: 2, click: null, size: [390, 760] },
  {
    file: 'docs/screenshot-details.png',
    query: '?nodes=3',
    click: 'kubelet minikube-m02',
    size: [1440, 860],
  },
  {
    file: 'docs/screenshot-zh-dark.png',
    query: '?nodes=3&lang=zh&theme=dark',
    click: 'kube-apiserver',
    size: [1440, 860],
  },
  { file: 'docs/screenshot-10-nodes.png', query: '?nodes=10', click: null, size: [1440, 900] },
  // Guided workflows: shown when the step has done what it promised (or asks its prediction).
  {
    file: 'docs/screenshot-workflow.png',
    query: '?scenario=apply-to-running&step=4&speed=16',
    guide: 'done',
    size: [1440, 900],
  },
  {
    file: 'docs/screenshot-workflow-predict-zh.png',
    query: '?scenario=node-failure&step=2&speed=16&lang=zh&theme=dark',
    guide: 'predict',
    size: [1440, 900],
  },
];

try {
  const path = chromiumPath();
  const browser = await chromium.launch({
    ...(path ? { executablePath: path } : {}),
    args: CHROMIUM_ARGS,
  });
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: { width: shot.size[0], height: shot.size[1] },
      reducedMotion: shot.play ? 'no-preference' : 'reduce',
    });
    await page.goto(`http://127.0.0.1:${PORT}/${shot.query}`);
    await page.getByRole('button', { name: 'kube-apiserver', exact: true }).waitFor();
    if (shot.play) {
      await page.waitForFunction(() => document.querySelector('[data-ready]') !== null);
      await page.getByRole('button', { name: /^(Play|播放)$/ }).click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-pod-status="Running"][aria-label^="web-"]').length >= n,
        shot.play,
        { timeout: 60_000 },
      );
      await page.getByRole('button', { name: /^(Pause|暂停)$/ }).click();
      // Back to a moment with a few labelled messages in the air.
      for (let i = 0; i < 40; i++) {
        const labels = await page.locator('canvas[data-flights]').getAttribute('data-labels');
        if (labels && labels.split('|').length >= 2) break;
        await page.getByRole('button', { name: /^(Step back|后退一步)$/ }).click();
      }
    }
    if (shot.guide)
      await page.waitForSelector(`[data-guide][data-phase="${shot.guide}"]`, { timeout: 120_000 });
    if (shot.click) await page.getByRole('button', { name: shot.click, exact: true }).click();
    if (shot.pod) await page.locator('[data-pod-status="Running"][aria-label^="web-"]').first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: shot.file });
    console.log(`saved ${shot.file}`);
    await page.close();
  }
  await browser.close();
} finally {
  stop();
}
