import { expect, test } from '@playwright/test';
import { MESSAGES } from '../src/i18n/messages';
import { Explorer } from './pages/explorer';

/** Each kind of thing in the diagram: the button to click, its catalog key, a command it must show, how it runs. */
const KINDS = [
  { button: 'kubectl', key: 'kubectl', command: 'kubectl get node', runs: 'runsOutside' },
  {
    button: 'kube-apiserver',
    key: 'kube-apiserver',
    command: 'kubectl get pod -n kube-system',
    runs: 'runsInContainer',
  },
  { button: 'etcd', key: 'etcd', command: 'etcd-minikube', runs: 'runsInContainer' },
  {
    button: 'kube-scheduler',
    key: 'kube-scheduler',
    command: 'kube-scheduler-minikube',
    runs: 'runsInContainer',
  },
  {
    button: 'kube-controller-manager',
    key: 'kube-controller-manager',
    command: 'kube-controller-manager-minikube',
    runs: 'runsInContainer',
  },
  { button: 'kubelet minikube-m02', key: 'kubelet', command: 'ps -ef | grep kubelet', runs: 'runsOnHost' },
  {
    button: 'kube-proxy minikube-m02',
    key: 'kube-proxy',
    command: 'docker ps | grep kube-proxy',
    runs: 'runsInContainer',
  },
  { button: 'docker minikube-m02', key: 'docker', command: 'docker ps', runs: 'runsOnHost' },
  { button: 'CoreDNS', key: 'coredns', command: 'kube-dns', runs: 'runsInContainer' },
  { button: 'Dashboard', key: 'dashboard', command: 'minikube dashboard', runs: 'runsInContainer' },
] as const;

for (const lang of ['en', 'zh'] as const) {
  const m = MESSAGES[lang];
  for (const kind of KINDS) {
    test(`explains ${kind.key} in ${lang}`, async ({ page }) => {
      const explorer = new Explorer(page);
      await explorer.open(`?nodes=2&lang=${lang}`);
      await explorer.component(kind.button).click();
      const details = explorer.details;
      await expect(details).toBeVisible();
      const text = m.components[kind.key];
      await expect(details.getByRole('heading', { level: 2 })).toHaveText(kind.button.split(' ')[0]!);
      await expect(details).toContainText(text.analogy);
      await expect(details).toContainText(m.inspector.talksTo);
      await expect(details).toContainText(m.inspector.neverTalksTo);
      await expect(details).toContainText(m.inspector[kind.runs]);
      // Live lists (scheduling decisions, control loops) come on top of the explanation's own.
      await expect(details.locator('li:not([data-decision]):not([data-controller])')).toHaveCount(
        text.talksTo.length + text.commands.length,
      );
      await expect(details.locator('code').filter({ hasText: kind.command }).first()).toBeVisible();
      await expect(details).not.toContainText('{{');
      if (kind.button.includes('minikube-m02')) await expect(details).toContainText('minikube-m02');
      await explorer.screenshot(`inspector-${kind.key}-${lang}`);
    });
  }
}

test('explains a node and the control plane node', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3');
  await page.getByRole('button', { name: 'Node minikube-m03', exact: true }).click();
  await expect(explorer.details).toContainText(MESSAGES.en.components.node.analogy);
  await expect(explorer.details).toContainText('minikube ssh -n minikube-m03');
  await page.getByRole('button', { name: 'Fit the whole cluster' }).click();
  await page.getByRole('button', { name: 'Node minikube', exact: true }).click();
  await expect(explorer.details).toContainText(MESSAGES.en.components.controlPlaneNode.analogy);
  await expect(explorer.details).toContainText('control-plane');
});

test('lights up the clicked component’s paths and dims the rest', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3');
  const active = page.locator('[data-edge][data-active]');
  await expect(active).toHaveCount(0);
  await explorer.component('kubelet minikube-m02').click();
  await expect(page.locator('[data-edge="kubelet/minikube-m02->kube-apiserver"][data-active]')).toHaveCount(
    1,
  );
  await expect(
    page.locator('[data-edge="kubelet/minikube-m02->container-runtime/minikube-m02"][data-active]'),
  ).toHaveCount(1);
  await expect(active).toHaveCount(2);
  await expect(explorer.component('kubelet minikube-m02')).toHaveAttribute('aria-pressed', 'true');
  await explorer.component('kube-apiserver').click();
  // kubectl, etcd, scheduler, controller-manager, 2 addons, and kubelet + kube-proxy on each of 3 nodes.
  await expect(active).toHaveCount(6 + 2 * 3);
  await explorer.component('etcd').click();
  await expect(active).toHaveCount(1);
  await explorer.screenshot('highlight-etcd');
});

test('works from the keyboard: Tab to a component, Enter opens Details, Esc closes and returns focus', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open();
  const api = explorer.component('kube-apiserver');
  let guard = 0;
  while (!(await api.evaluate((el) => el === document.activeElement)) && guard++ < 40)
    await page.keyboard.press('Tab');
  await expect(api).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(explorer.details).toContainText(MESSAGES.en.components['kube-apiserver'].analogy);
  // Opened from the keyboard, the panel takes focus so it can be read at once.
  await expect(explorer.details.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(explorer.details).toHaveCount(0);
  await expect(api).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(explorer.component('kube-apiserver')).not.toBeFocused();
});

test('closes with its close button and reopens for another component', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open();
  await explorer.component('etcd').click();
  await explorer.details.getByRole('button', { name: 'Close details' }).click();
  await expect(explorer.details).toHaveCount(0);
  await expect(explorer.component('etcd')).toBeFocused();
  await explorer.component('CoreDNS').click();
  await expect(explorer.details).toContainText(MESSAGES.en.components.coredns.analogy);
});

test('keeps a component in view when Details opens over it', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3');
  const target = explorer.component('kube-proxy minikube-m03');
  await target.click();
  await expect(explorer.details).toBeVisible();
  await expect
    .poll(async () => {
      const [card, panel] = await Promise.all([target.boundingBox(), explorer.details.boundingBox()]);
      return card && panel ? card.x + card.width <= panel.x : false;
    })
    .toBe(true);
});

test('frames a component with few peers without losing the rest of the cluster', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3');
  const pane = page.locator('.react-flow');
  // Wholly inside the diagram's pane, left of the Details panel.
  const inView = async (name: string) => {
    const [card, box, panel] = await Promise.all([
      explorer.component(name).boundingBox(),
      pane.boundingBox(),
      explorer.details.boundingBox(),
    ]);
    if (!card || !box || !panel) return false;
    const right = Math.min(box.x + box.width, panel.x);
    return (
      card.x >= box.x &&
      card.x + card.width <= right &&
      card.y >= box.y &&
      card.y + card.height <= box.y + box.height
    );
  };
  for (const selected of ['kube-scheduler', 'etcd']) {
    await explorer.component(selected).click();
    await expect(explorer.details).toBeVisible();
    // kube-scheduler's one line goes to kube-apiserver; the view still shows kubectl and the first worker.
    for (const name of [selected, 'kubectl', 'kubelet minikube'])
      await expect
        .poll(() => inView(name), { message: `${name} in view with ${selected} selected` })
        .toBe(true);
    await page.getByRole('button', { name: 'Close details' }).click();
  }
});

test('centres the whole cluster again when Details closes, with the terminal open too', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3');
  await explorer.openTerminal();
  await explorer.component('kubectl').click();
  await expect(explorer.details).toBeVisible();
  await explorer.details.getByRole('button', { name: 'Close details' }).click();
  await expect(explorer.details).toHaveCount(0);
  // The cards' span is centred in the pane, which is full width again.
  const offCentre = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const cards = [...document.querySelectorAll('button[data-kind]')].map((c) => c.getBoundingClientRect());
      const left = Math.min(...cards.map((r) => r.left));
      const right = Math.max(...cards.map((r) => r.right));
      return Math.abs((left + right) / 2 - (pane.left + pane.right) / 2);
    });
  await expect.poll(offCentre).toBeLessThan(30);
});

test('reaches the legend, then kubectl and the control plane first when tabbing', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2');
  const order: string[] = [];
  // The top bar first (Workflow, Nodes, Runtime, Language, Theme, Share), then the diagram.
  for (let i = 0; i < 24; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      ),
    );
  }
  const start = order.indexOf('kubectl');
  expect(start).toBeGreaterThan(order.findIndex((o) => o.includes('Legend')));
  expect(order.slice(start, start + 5)).toEqual([
    'kubectl',
    'kube-apiserver',
    'etcd',
    'kube-scheduler',
    'kube-controller-manager',
  ]);
  expect(order.slice(start + 5, start + 9)).toEqual([
    'Node minikube',
    'kubelet minikube',
    'kube-proxy minikube',
    'docker minikube',
  ]);
});

test('shows the container commands of the runtime in use', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?runtime=containerd');
  await explorer.component('kube-apiserver').click();
  await expect(explorer.details.locator('code').filter({ hasText: 'crictl ps' }).first()).toBeVisible();
  await expect(explorer.details.locator('code').filter({ hasText: 'docker ps' })).toHaveCount(0);
});

test('selecting the node minikube lights up the control plane it runs; a worker does not', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2');
  await page.getByRole('button', { name: 'Node minikube-m02', exact: true }).click();
  await expect(explorer.component('etcd')).toHaveClass(/opacity-45/);
  await expect(explorer.component('kubelet minikube-m02')).not.toHaveClass(/opacity-45/);
  await page.getByRole('button', { name: 'Fit the whole cluster' }).click();
  await page.getByRole('button', { name: 'Node minikube', exact: true }).click();
  for (const name of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet minikube']) {
    await expect(explorer.component(name)).not.toHaveClass(/opacity-45/);
  }
});

test('shows a hint until something is selected', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open();
  const hint = page.getByText(MESSAGES.en.diagram.hint);
  await expect(hint).toBeVisible();
  await explorer.component('etcd').click();
  await expect(hint).toHaveCount(0);
});

test('the event log is one stop in the tab order; the arrow keys move between its entries', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&speed=16');
  await explorer.ready();
  // playUntil pauses once there: the rows stay put while the keys move among them.
  await explorer.playUntil(async () => (await explorer.eventLog.locator('[data-row-button]').count()) > 5);
  const log = explorer.eventLog;
  await log.focus();
  // Tab leaves the log at once: its forty rows are not forty stops.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="log"]') === null)).toBe(true);
  await log.focus();
  const rows = log.locator('[data-row-button]');
  const count = await rows.count();
  const focusedRow = () =>
    page.evaluate(() => [...document.querySelectorAll('[data-row-button]')].indexOf(document.activeElement!));
  await page.keyboard.press('ArrowUp');
  expect(await focusedRow()).toBe(count - 1);
  await page.keyboard.press('ArrowUp');
  expect(await focusedRow()).toBe(count - 2);
  await page.keyboard.press('Home');
  expect(await focusedRow()).toBe(0);
  await page.keyboard.press('ArrowDown');
  expect(await focusedRow()).toBe(1);
  // Enter jumps the cursor to that entry.
  const clock = await explorer.clock.textContent();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(explorer.clock).not.toHaveText(clock!);
  // The chosen entry, still focused, stays in sight as the rows before the new cursor fill in.
  await expect(page.locator('[data-row-button]:focus')).toBeInViewport();
});

test('keyboard focus on a component the framed view leaves out pans the view to it', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=node-failure&step=2&nodes=3');
  // The step opens kube-controller-manager's Details: the view frames it once the panel is open.
  await expect(explorer.details).toContainText('kube-controller-manager');
  const viewport = page.locator('.react-flow__viewport');
  let last: string | null = '';
  await expect
    .poll(
      async () => {
        const now = await viewport.getAttribute('style');
        const settled = now === last;
        last = now;
        return settled;
      },
      { intervals: [400] },
    )
    .toBe(true);
  const scheduler = explorer.component('kube-scheduler');
  await expect(scheduler).not.toBeInViewport();
  await scheduler.focus();
  await expect(scheduler).toBeInViewport({ ratio: 0.9 });
});
