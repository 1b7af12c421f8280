import { expect, test } from '@playwright/test';
import { ADDONS, CORE, Explorer, nodeNames } from './pages/explorer';

for (const count of [1, 3, 10]) {
  test(`shows every component by role and name with ${count} node(s)`, async ({ page }) => {
    const explorer = new Explorer(page);
    await explorer.open(`?nodes=${count}`);
    for (const name of ['kubectl', ...CORE, ...ADDONS]) await expect(explorer.component(name)).toHaveCount(1);
    for (const node of nodeNames(count)) {
      await expect(explorer.node(node)).toHaveCount(1);
      for (const part of ['kubelet', 'kube-proxy', 'docker'])
        await expect(explorer.component(`${part} ${node}`)).toHaveCount(1);
    }
    await expect(page.getByRole('button', { name: /^kubelet / })).toHaveCount(count);
    await expect(page.getByRole('group', { name: /^minikube/ })).toHaveCount(count);
    await explorer.screenshot(`diagram-${count}-nodes-en`);
  });
}

test('draws no overlapping components and clips no label, at 1 and 10 nodes', async ({ page }) => {
  const explorer = new Explorer(page);
  for (const count of [1, 10]) {
    await explorer.open(`?nodes=${count}`);
    // At 1:1 zoom every label is drawn at full size.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const report = await page.evaluate(() => {
      const cards = [...document.querySelectorAll<HTMLElement>('button[data-kind]')];
      const rects = cards.map((c) => c.getBoundingClientRect());
      let overlaps = 0;
      rects.forEach((a, i) =>
        rects.slice(i + 1).forEach((b) => {
          if (
            a.left < b.right - 0.5 &&
            b.left < a.right - 0.5 &&
            a.top < b.bottom - 0.5 &&
            b.top < a.bottom - 0.5
          )
            overlaps++;
        }),
      );
      const clipped = [...document.querySelectorAll<HTMLElement>('[data-label], [data-short]')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent);
      return { cards: cards.length, overlaps, clipped };
    });
    expect(report.cards).toBe(7 + 3 * count);
    expect(report.overlaps).toBe(0);
    expect(report.clipped).toEqual([]);
  }
});

test('selects the runtime from the URL and from the Runtime control', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&runtime=containerd');
  await expect(explorer.component('containerd minikube-m02')).toBeVisible();
  await explorer.control('Runtime').selectOption('cri-o');
  await expect(explorer.component('cri-o minikube')).toBeVisible();
  await expect(explorer.component('containerd minikube')).toHaveCount(0);
  await expect(page).toHaveURL(/runtime=cri-o/);
  await explorer.screenshot('diagram-cri-o');
});

test('adds and removes nodes with the Nodes control and keeps the URL in step', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open();
  await expect(explorer.node('minikube')).toBeVisible();
  await explorer.control('Nodes').selectOption('4');
  await expect(explorer.node('minikube-m04')).toBeVisible();
  await expect(page).toHaveURL(/nodes=4/);
  await explorer.control('Nodes').selectOption('2');
  await expect(explorer.node('minikube-m03')).toHaveCount(0);
  await page.reload();
  await expect(explorer.node('minikube-m02')).toBeVisible();
});

test('marks the addons as addons, apart from the core components', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open();
  for (const addon of ADDONS) await expect(explorer.component(addon)).toContainText('addon');
  for (const core of CORE) await expect(explorer.component(core)).not.toContainText('addon');
});

test('offers zoom, fit and an overview map', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=10');
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const map = page.getByRole('img', { name: 'Overview map' });
  // The whole cluster is in view: no overview map covering part of it.
  await expect(map).toHaveCount(0);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
  await expect(map).toBeVisible();
  await page.getByRole('button', { name: 'Fit the whole cluster' }).click();
  await expect(map).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeVisible();
});

test('the bar above the panel under the diagram resizes it, by dragging and from the keyboard', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2');
  await explorer.openTerminal();
  const bar = page.getByRole('separator', { name: 'Resize the panel below the diagram' });
  const diagram = page.locator('.react-flow');
  const heightOf = async () => Number(await bar.getAttribute('aria-valuenow'));
  const start = await heightOf();
  const diagramStart = (await diagram.boundingBox())!.height;
  // Dragged 150 px down: the panel loses 150 px and the diagram gains them.
  const box = (await bar.boundingBox())!;
  await page.mouse.move(box.x + 200, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + box.height / 2 + 150, { steps: 5 });
  await page.mouse.up();
  await expect.poll(heightOf).toBe(start - 150);
  await expect.poll(async () => (await diagram.boundingBox())!.height).toBeCloseTo(diagramStart + 150, -1);
  // ↑ gives the panel 32 px back; End shrinks it to its least; the page's shortcuts do not hear the keys.
  const clock = await page.locator('[data-clock]').textContent();
  await bar.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(heightOf).toBe(start - 150 + 32);
  await page.keyboard.press('End');
  await expect.poll(heightOf).toBe(80);
  await expect(page.locator('[data-clock]')).toHaveText(clock ?? '');
});

test('a node that lost power is drawn off: its processes Stopped, the box marked Powered off', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=node-failure&step=2&nodes=3');
  const m03 = explorer.node('minikube-m03');
  await expect(m03.locator('[data-off-pill]')).toHaveText('Powered off');
  await expect(page.locator('[data-powered-off]')).toHaveCount(1);
  for (const name of ['kubelet minikube-m03', 'kube-proxy minikube-m03', 'docker minikube-m03'])
    await expect(explorer.component(name).locator('[data-stopped]')).toHaveText('Stopped');
  // The other nodes run on.
  await expect(explorer.component('kubelet minikube-m02').locator('[data-stopped]')).toHaveCount(0);
  // At the start of the run, before the power went, the node is drawn as running.
  await explorer.open('?scenario=node-failure&step=1&nodes=3');
  await expect(m03.locator('[data-off-pill]')).toHaveCount(0);
});

test('kube-apiserver’s long bar repeats its name, so a view of any part of it names it', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3');
  const bar = explorer.component('kube-apiserver');
  expect(await bar.locator('[data-bar-label]').count()).toBeGreaterThan(0);
  await expect(bar.locator('[data-bar-label]').first()).toHaveText('kube-apiserver');
  await expect(bar.locator('[data-bar-label]').first()).toHaveAttribute('aria-hidden', 'true');
});
