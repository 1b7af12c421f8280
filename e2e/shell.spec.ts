import { expect, test } from '@playwright/test';
import { Explorer } from './pages/explorer';

test('switches language with the Language control, keeping Kubernetes names', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('K8s Architecture Explorer');
  await explorer.control('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('K8s 架构探索器');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('K8s 架构探索器');
  await expect(page).toHaveURL(/lang=zh/);
  await expect(explorer.component('kube-apiserver')).toContainText('API 服务器');
  await expect(explorer.component('kubelet minikube')).toBeVisible();
  await expect(explorer.control('语言')).toHaveValue('zh');
  await explorer.screenshot('shell-zh');
});

test('opens in Chinese from ?lang=zh', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?lang=zh&nodes=3');
  await expect(page.getByRole('group', { name: '集群设置' })).toBeVisible();
  await expect(explorer.node('minikube-m03')).toBeVisible();
  await explorer.screenshot('diagram-3-nodes-zh');
});

test('switches theme, and opens in the theme the URL names', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?theme=dark&nodes=3');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await explorer.screenshot('diagram-3-nodes-dark');
  await explorer.control('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await expect(page).toHaveURL(/theme=light/);
});

test('ignores hostile and broken URL parameters with a visible notice, and still works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const explorer = new Explorer(page);
  const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
  await explorer.open(`?nodes=99999999999&runtime=${hostile}&lang=xx&theme=%00`);
  const notice = page.getByRole('status');
  await expect(notice).toContainText('Ignored ?nodes=99999999999');
  await expect(notice).toContainText('Ignored ?runtime=<img src=x onerror=alert(1)>');
  await expect(notice).toContainText('expected en or zh');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The address bar is rewritten to what is shown: the ignored values are gone.
  await expect(page).not.toHaveURL(/runtime=|nodes=|theme=/);
  await expect(page).toHaveURL(/lang=en/);
  await expect(explorer.node('minikube')).toBeVisible();
  await expect(explorer.component('docker minikube')).toBeVisible();
  await explorer.screenshot('notices');
  for (let i = 0; i < 4; i++) await notice.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('fits a phone screen: the Details panel opens as a sheet', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 760 });
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&lang=zh');
  const kubelet = explorer.component('kubelet minikube');
  await kubelet.click();
  await expect(explorer.details).toBeVisible();
  const box = await explorer.details.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
  // The tapped card stays in view above the sheet.
  await expect
    .poll(async () => {
      const card = await kubelet.boundingBox();
      if (!card || !box) return false;
      return card.y >= 0 && card.y + card.height <= box.y && card.x >= 0 && card.x + card.width <= 390;
    })
    .toBe(true);
  await explorer.screenshot('phone-zh');
  await page.keyboard.press('Escape');
  await expect(explorer.details).toHaveCount(0);
});

test('on a phone the cluster settings fold behind a Settings button; the workflow picker stays', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 760 });
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2');
  const toggle = page.getByRole('button', { name: 'Settings', exact: true });
  await expect(explorer.control('Workflow')).toBeVisible();
  await expect(explorer.control('Language')).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const headerClosed = (await page.locator('header').first().boundingBox())!.height;
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('group', { name: 'Cluster settings' })).toBeVisible();
  await explorer.screenshot('phone-settings-open');
  await explorer.control('Language').selectOption('zh');
  await expect(page).toHaveURL(/lang=zh/);
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await expect(explorer.control('语言')).toBeHidden();
  // Folded, the header leaves the diagram the height of two rows of controls.
  expect(headerClosed).toBeLessThan(100);
  // Wide, every control shows and there is nothing to unfold.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(explorer.control('语言')).toBeVisible();
  await expect(page.getByRole('button', { name: '设置', exact: true })).toBeHidden();
});

test('on a phone Esc folds the open Settings first, then closes Details', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 760 });
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2');
  await explorer.button('etcd').click();
  await expect(explorer.details).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Settings', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(explorer.details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(explorer.details).toBeHidden();
});

test('serves from a sub-path (relative asset URLs)', async ({ page }) => {
  const response = await page.goto('./');
  const html = (await response?.text()) ?? '';
  expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
});
