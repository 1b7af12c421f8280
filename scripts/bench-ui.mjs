/* global document, window, requestAnimationFrame, MutationObserver */
// The UI benchmark: drives headless Chromium on the production build and prints one figure a line
// as `name: value unit`. Run with `npm run bench:ui` (it builds first). Keep the machine quiet while
// it runs: figures move ±20 % with anything else using the two cores.
//
// Workload (issue bar in brackets): 10 nodes, a Deployment of 100 pods, speed 16×, 10 s of playback:
// frame interval p95 [≤ 17.5 ms], long tasks over 50 ms [0], main-thread time per frame [≤ 8 ms];
// page load: gzipped JavaScript before the first paint [≤ 180 KB] and the largest contentful paint [≤ 1.0 s].
// BENCH_UI_PORT sets the preview server's port (4175 by default).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';

const PORT = Number(process.env.BENCH_UI_PORT ?? 4175);
const BASE = `http://127.0.0.1:${PORT}/`;
const PLAY_MS = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 10) * 1000;
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);

const print = (name, value, unit) =>
  console.log(`${name}: ${Number(value.toFixed(value < 10 ? 2 : 1))} ${unit}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const gzipKB = (urlPath) => gzipSync(readFileSync(`dist/${urlPath}`)).length / 1024;

const server = spawn(
  'node',
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { detached: true, stdio: 'ignore' },
);
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(BASE).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the preview server did not start');
}

/** Loads the page cold and reports the JS it fetched before its first paint and in all, and its LCP. */
async function measureLoad(browser, query) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // When the run is ready and the event log shows the cluster's Events.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-ready]')) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(`${BASE}${query}`, { waitUntil: 'load' });
  await page.getByRole('slider', { name: 'Timeline' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-ready]') !== null);
  await page.waitForTimeout(500);
  // The page's own timings: when each script finished loading, and when the first and largest paints were.
  const { lcp, fcp, scripts, ready } = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) lcp = Math.max(lcp, e.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.endsWith('.js'))
          .map((e) => ({ path: new URL(e.name).pathname.slice(1), end: e.responseEnd }));
        setTimeout(() => resolve({ lcp, fcp, scripts, ready: window.__ready ?? 0 }), 100);
      }),
  );
  let initial = 0;
  let all = 0;
  for (const { path, end } of scripts) {
    const kb = gzipKB(path);
    all += kb;
    if (end <= fcp) initial += kb;
  }
  await context.close();
  return { lcp, fcp, ready, initial, all };
}

/** Plays 10 nodes / 100 pods at 16× and measures frames, long tasks and main-thread time per frame. */
async function measurePlayback(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}?nodes=10&pods=100&speed=16`);
  await page.waitForFunction(() => document.querySelector('[data-ready]') !== null);
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    const loop = (t) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(loop);
    };
    w.__recording = true;
    requestAnimationFrame(loop);
  });
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  const before = await metric();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(PLAY_MS);
  const after = await metric();
  const result = await page.evaluate(() => {
    const w = window;
    w.__recording = false;
    return {
      frames: w.__frames,
      longTasks: w.__longTasks,
      running: document.querySelectorAll('[data-pod-status="Running"]').length,
      tokens: Number(document.querySelector('[data-flights]')?.dataset.inFlight ?? 0),
      clock: document.querySelector('[role="timer"]')?.textContent,
    };
  });
  await context.close();
  const intervals = result.frames.slice(1).map((t, i) => t - result.frames[i]);
  const frames = intervals.length;
  const threadTime =
    after.ThreadTime !== undefined
      ? after.ThreadTime - before.ThreadTime
      : after.TaskDuration - before.TaskDuration;
  return {
    p95: percentile(intervals, 95),
    fps: (frames / PLAY_MS) * 1000,
    dropped: intervals.filter((d) => d > 1.5 * median(intervals)).length,
    longTasks: result.longTasks.length,
    longest: Math.max(0, ...result.longTasks),
    perFrame: (threadTime * 1000) / frames,
    layouts: (after.LayoutCount - before.LayoutCount) / frames,
    running: result.running,
    clock: result.clock,
  };
}

try {
  await waitForServer();
  const path = chromiumPath();
  const browser = await chromium.launch({ ...(path ? { executablePath: path } : {}), args: CHROMIUM_ARGS });
  const loads = [];
  const bigLoads = [];
  for (let i = 0; i < RUNS; i++) {
    loads.push(await measureLoad(browser, ''));
    bigLoads.push(await measureLoad(browser, '?nodes=10&pods=100'));
  }
  print('ui-initial-js', median(loads.map((l) => l.initial)), 'KB (gzip, loaded before the first paint)');
  print(
    'ui-page-js',
    median(loads.map((l) => l.all)),
    'KB (gzip, everything loaded without a click, the simulation included)',
  );
  print('ui-lcp', median(loads.map((l) => l.lcp)), 'ms (median; the default page)');
  print('ui-lcp-10-nodes', median(bigLoads.map((l) => l.lcp)), 'ms (median; ?nodes=10&pods=100)');
  print('ui-fcp', median(loads.map((l) => l.fcp)), 'ms (median; the default page)');
  print(
    'ui-run-ready',
    median(loads.map((l) => l.ready)),
    'ms (the run recorded to its start, the log filled; default page)',
  );
  print('ui-run-ready-10-nodes', median(bigLoads.map((l) => l.ready)), 'ms (?nodes=10&pods=100)');
  const plays = [];
  for (let i = 0; i < RUNS; i++) {
    plays.push(await measurePlayback(browser));
    await new Promise((r) => setTimeout(r, 2000));
  }
  const m = (k) => median(plays.map((p) => p[k]));
  print('ui-frame-interval-p95', m('p95'), 'ms (median of runs)');
  print('ui-fps', m('fps'), 'frames/s');
  print('ui-dropped-frames', m('dropped'), `frames in ${PLAY_MS / 1000} s`);
  print('ui-long-tasks', Math.max(...plays.map((p) => p.longTasks)), 'over 50 ms (worst run)');
  print('ui-longest-task', Math.max(...plays.map((p) => p.longest)), 'ms (worst run)');
  print('ui-main-thread-per-frame', m('perFrame'), 'ms (ThreadTime ÷ frames, median of runs)');
  print('ui-layouts-per-frame', m('layouts'), '');
  print('ui-pods-running-at-end', m('running'), `pods (cluster clock ${plays.at(-1).clock})`);
  await browser.close();
} finally {
  stop();
}
