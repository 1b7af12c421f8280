/**
 * The app embedded as a course page would embed it: an iframe with `sandbox="allow-scripts"` (no
 * allow-same-origin: the app's origin is `null`), served with the strict Content-Security-Policy
 * the README documents and the CORS header module scripts need there, inside a host page that has
 * a CSP of its own and drives the embed with the host-side helper over postMessage.
 */
import { expect, test, type Page } from '@playwright/test';

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const HOST = 'http://course.test';
/** The policy README.md documents for the app's files. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

function hostPage(src: string, width: number, height: number): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>A course page</title></head>
<body style="margin:0">
<h1 style="font:16px sans-serif">Chapter 3: the architecture</h1>
<iframe id="k8s" title="K8s Architecture Explorer" src="${src}" sandbox="allow-scripts"
  style="width:${width}px;height:${height}px;border:0"></iframe>
<script type="module" nonce="course">
  import { connect } from '${APP}/embed/k8s-explorer-embed.js';
  window.steps = [];
  window.explorer = connect(document.getElementById('k8s'));
  window.explorer.onStep((s) => window.steps.push(s));
</script>
</body></html>`;
}

/** Serves the host page, and the app's files as a static host following the README would. */
async function serve(page: Page, src: string, width: number, height: number) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: {
        'content-security-policy': `default-src 'none'; script-src 'nonce-course' ${APP}; frame-src ${APP}; style-src 'unsafe-inline'`,
      },
      body: hostPage(src, width, height),
    }),
  );
  await page.route(`${APP}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'access-control-allow-origin': '*',
        'content-security-policy': APP_CSP,
      },
    });
  });
  await page.goto(`${HOST}/chapter-3.html`);
  return violations;
}

for (const [width, height] of [
  [320, 480],
  [768, 560],
  [1280, 800],
] as const) {
  test(`an embed in a sandboxed ${width}×${height} iframe plays its workflow, with no scrollbars and no CSP violation`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const violations = await serve(
      page,
      `${APP}/?embed=1&scenario=apply-to-running&steps=2-4&step=2&lang=zh&speed=16`,
      width,
      height,
    );
    const frame = page.frameLocator('#k8s');
    const panel = frame.locator('[data-guide="apply-to-running"]');
    await expect(panel).toHaveAttribute('data-step', '2', { timeout: 20_000 });
    await expect(frame.getByRole('button', { name: 'kube-apiserver', exact: true })).toBeVisible();
    await expect(frame.getByRole('button', { name: '播放', exact: true })).toBeVisible();
    // Only the diagram, playback and narration: no settings, no event log, no Details.
    await expect(frame.getByRole('combobox', { name: '工作流程' })).toHaveCount(0);
    await expect(frame.getByRole('log', { name: '集群事件' })).toHaveCount(0);
    await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
    await expect(frame.getByRole('button', { name: '上一步', exact: true })).toBeDisabled();
    const embedded = page.frames().find((f) => f.url().startsWith(APP))!;
    expect(await embedded.evaluate(() => window.origin)).toBe('null');
    const fits = await embedded.evaluate(() => {
      const root = document.documentElement;
      return root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth;
    });
    expect(fits, 'no page scrollbars').toBe(true);
    expect(violations).toEqual([]);
  });
}

test('the host page drives the embed and hears each step (postMessage both ways)', async ({ page }) => {
  test.setTimeout(90_000);
  await serve(page, `${APP}/?embed=1&scenario=tour&steps=2-5&step=2&speed=16`, 900, 600);
  const panel = page.frameLocator('#k8s').locator('[data-guide="tour"]');
  await expect(panel).toHaveAttribute('data-step', '2', { timeout: 20_000 });
  // The embed answers the host's hello with its state, to the host's origin.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { steps: { step: number }[] }).steps.at(-1)?.step))
    .toBe(2);
  await page.evaluate(() =>
    (window as unknown as { explorer: { goToStep(n: number): void } }).explorer.goToStep(4),
  );
  await expect(panel).toHaveAttribute('data-step', '4');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const steps = (window as unknown as { steps: { step: number; steps: number; scenario: string }[] })
          .steps;
        return steps.at(-1);
      }),
    )
    .toMatchObject({ step: 4, steps: 10, scenario: 'tour' });
  // Outside the locked range: clamped to its end.
  await page.evaluate(() =>
    (window as unknown as { explorer: { goToStep(n: number): void } }).explorer.goToStep(9),
  );
  await expect(panel).toHaveAttribute('data-step', '5');
  await page.evaluate(() => (window as unknown as { explorer: { pause(): void } }).explorer.pause());
  await expect(page.frameLocator('#k8s').getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('the embed ignores messages of any other shape, and from any window but its parent', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await serve(page, `${APP}/?embed=1&scenario=tour&speed=16`, 900, 600);
  const panel = page.frameLocator('#k8s').locator('[data-guide="tour"]');
  await expect(panel).toHaveAttribute('data-step', '1', { timeout: 20_000 });
  const replies = () => page.evaluate(() => (window as unknown as { steps: unknown[] }).steps.length);
  await expect.poll(replies).toBeGreaterThan(0);
  const before = await replies();
  // A window that is not the parent (the embed itself) is not obeyed.
  const embedded = page.frames().find((f) => f.url().startsWith(APP))!;
  await embedded.evaluate(() => window.postMessage({ type: 'k8s-explorer:goToStep', step: 5 }, '*'));
  await page.evaluate(() => {
    const frame = (document.getElementById('k8s') as HTMLIFrameElement).contentWindow!;
    for (const message of [
      { type: 'k8s-explorer:goToStep', step: '5' },
      { type: 'k8s-explorer:goToStep', step: 5, extra: '<img src=x onerror=alert(1)>' },
      { type: 'goToStep', step: 5 },
      'k8s-explorer:goToStep',
    ])
      frame.postMessage(message, '*');
    // A valid message last: once it is answered, everything before it has been read.
    frame.postMessage({ type: 'k8s-explorer:hello' }, '*');
  });
  await expect.poll(replies).toBeGreaterThan(before);
  await expect(panel).toHaveAttribute('data-step', '1');
  await page.evaluate(() =>
    (window as unknown as { explorer: { goToStep(n: number): void } }).explorer.goToStep(3),
  );
  await expect(panel).toHaveAttribute('data-step', '3');
});

test('a course author’s workflow file plays in the strict sandbox under the CSP', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await serve(page, `${APP}/?embed=1&scenario=workflows/example.json&speed=16`, 900, 600);
  const panel = page.frameLocator('#k8s').locator('[data-guide="my-course-scale"]');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  expect(violations).toEqual([]);
});

test('the build works from a sub-path of another host', async ({ page }) => {
  test.setTimeout(60_000);
  const BASE = 'http://static.test/courses/k8s/explorer/';
  await page.route('http://static.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/courses/k8s/explorer', '');
    const response = await route.fetch({ url: `${APP}${path}` });
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': APP_CSP } });
  });
  await page.goto(`${BASE}?scenario=tour&speed=16`);
  await expect(page.locator('[data-guide="tour"]')).toHaveAttribute('data-phase', 'done', {
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: 'kube-apiserver', exact: true })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/courses/k8s/explorer/');
});
