/** Share and export: a link, an embed snippet with a live preview, the diagram as PNG/SVG and the run log as JSON. */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Explorer } from './pages/explorer';

test('the Share dialog gives a link, an embed snippet with a live preview, and exports', async ({ page }) => {
  test.setTimeout(90_000);
  const explorer = new Explorer(page);
  await explorer.open('?scenario=apply-to-running&step=3&speed=16&lang=zh');
  await expect(page.locator('[data-guide]')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await page.getByRole('button', { name: '分享', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '分享与导出' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '当前视图的链接' })).toHaveValue(page.url());

  const code = dialog.getByRole('textbox', { name: '嵌入代码' });
  await expect(code).toHaveValue(/embed=1/);
  await dialog.getByRole('checkbox', { name: '仅限步骤' }).check();
  await dialog.getByRole('spinbutton', { name: '结束步骤' }).fill('5');
  await expect(code).toHaveValue(/steps=3-5/);
  await expect(code).toHaveValue(/sandbox="allow-scripts allow-same-origin"/);
  const preview = page.frameLocator('iframe[title="嵌入效果预览"]');
  await expect(preview.locator('[data-embed]')).toBeVisible({ timeout: 15_000 });
  await expect(preview.locator('[data-guide="apply-to-running"]')).toHaveAttribute('data-step', '3');

  const save = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name }).click(),
    ]);
    return { name: file.suggestedFilename(), data: await readFile((await file.path())!) };
  };
  const svg = await save('示意图（SVG）');
  expect(svg.name).toBe('k8s-apply-to-running-step3.svg');
  const text = svg.data.toString('utf8');
  expect(text).toContain('>kube-apiserver</text>');
  expect(text).toContain('>minikube-m03</text>');
  expect(text).toContain('Kubernetes 集群');
  const png = await save('示意图（PNG）');
  expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
  const json = await save('运行日志（JSON）');
  const log = JSON.parse(json.data.toString('utf8'));
  expect(log.format).toBe('k8s-architecture-explorer/run-log@1');
  expect(log.workflow).toEqual({ id: 'apply-to-running', step: 3 });
  expect(log.messages.length).toBeGreaterThan(100);
  expect(log.messages.at(-1).sentAt).toBeLessThanOrEqual(log.until);
  expect(log.events.some((e: { reason: string }) => e.reason === 'SuccessfulCreate')).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the Share dialog says the link leaves out what the learner changed here', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?speed=16');
  await explorer.ready();
  await explorer.openTerminal();
  // A read changes nothing: no note.
  await explorer.run('kubectl get nodes');
  const share = page.getByRole('button', { name: 'Share', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Share and export' });
  await share.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-link-note]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await explorer.terminal.click();
  await explorer.run('minikube node add');
  await expect(explorer.terminalOutput).toContainText('Successfully added', { timeout: 15_000 });
  await share.click();
  await expect(dialog.locator('[data-link-note]')).toHaveText(
    'The link opens the cluster as it started: what you changed here, in the terminal or in Details (an added node too), is not in it.',
  );
});
