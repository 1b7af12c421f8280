import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './pages/explorer';

/** axe's serious and critical violations on the page, each with up to five of its targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

const VIEWS = [
  { query: '?nodes=3', open: null },
  { query: '?nodes=3&lang=zh', open: 'kubelet minikube-m02' },
  { query: '?nodes=10&theme=dark', open: 'kube-apiserver' },
  { query: '?theme=dark&lang=zh', open: 'CoreDNS' },
];

for (const view of VIEWS) {
  test(`has no serious or critical axe violations: ${view.query}${view.open ? ` with ${view.open} open` : ''}`, async ({
    page,
  }) => {
    const explorer = new Explorer(page);
    await explorer.open(view.query);
    if (view.open) {
      await explorer.component(view.open).click();
      await expect(explorer.details).toBeVisible();
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}

/** The living screens: a run played until its pods run, then a pod, kube-scheduler or the shortcuts open. */
const LIVE = [
  { query: '?nodes=2&speed=16', then: 'pod' },
  { query: '?nodes=2&speed=16&theme=dark&lang=zh', then: 'kube-scheduler' },
  { query: '?nodes=2&speed=16&theme=dark', then: 'messages' },
  { query: '?nodes=2&speed=16', then: 'shortcuts' },
] as const;

for (const view of LIVE) {
  test(`has no serious or critical axe violations while playing: ${view.query} then ${view.then}`, async ({
    page,
  }) => {
    const explorer = new Explorer(page);
    await explorer.open(view.query);
    await explorer.ready();
    await explorer.playUntil(
      async () => (await page.locator('[data-pod-status="Running"][aria-label^="web-"]').count()) === 3,
    );
    if (view.then === 'pod') await explorer.podsOn('minikube-m02').first().click();
    if (view.then === 'kube-scheduler') await explorer.component('kube-scheduler').click();
    if (view.then === 'messages') await page.getByRole('button', { name: 'Messages', exact: true }).click();
    if (view.then === 'shortcuts') await page.keyboard.press('?');
    if (view.then === 'pod' || view.then === 'kube-scheduler') await expect(explorer.details).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

/** Workflow screens: a step being narrated, a prediction asked, its answer revealed, in both themes and languages. */
const GUIDED = [
  { query: '?scenario=apply-to-running&step=4&speed=16', phase: 'done' },
  { query: '?scenario=node-failure&step=2&speed=16&theme=dark&lang=zh', phase: 'predict' },
  { query: '?scenario=node-failure&step=2&speed=16&theme=dark', phase: 'reveal' },
  { query: '?scenario=tour&speed=16', phase: 'phone' },
] as const;

for (const view of GUIDED) {
  test(`has no serious or critical axe violations in a workflow: ${view.query} (${view.phase})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    if (view.phase === 'phone') await page.setViewportSize({ width: 390, height: 760 });
    const explorer = new Explorer(page);
    await explorer.open(view.query);
    const panel = page.locator('[data-guide]');
    if (view.phase === 'reveal') {
      await expect(panel).toHaveAttribute('data-phase', 'predict', { timeout: 30_000 });
      await panel.locator('[data-predict] [role="group"] button').first().click();
      await expect(panel.locator('[data-reveal]')).toBeVisible({ timeout: 100_000 });
    } else {
      await expect(panel).toHaveAttribute('data-phase', view.phase === 'phone' ? 'done' : view.phase, {
        timeout: 60_000,
      });
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('has no serious or critical axe violations in embed mode, on a phone and wide', async ({ page }) => {
  test.setTimeout(60_000);
  for (const size of [
    { width: 320, height: 480 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    const explorer = new Explorer(page);
    await explorer.open('?embed=1&scenario=tour&steps=2-4&step=2&speed=16&theme=dark');
    await expect(page.locator('[data-guide]')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('has no serious or critical axe violations with the Share dialog open', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=tour&lang=zh');
  await page.getByRole('button', { name: '分享', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
