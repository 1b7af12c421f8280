/**
 * The living cluster: playing the run, stepping and scrubbing, the event log and the Details panel
 * agreeing with the diagram, keyboard shortcuts and reduced motion.
 */
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './pages/explorer';

/** What the diagram shows: every pod chip by node and STATUS, and the clock. */
async function diagramState(page: Page) {
  return page.evaluate(() => ({
    clock: document.querySelector('[role="timer"]')?.textContent,
    pods: [...document.querySelectorAll<HTMLElement>('[data-pod-status]')]
      .map(
        (el) =>
          `${el.closest('.react-flow__node')?.getAttribute('data-id')} ${el.getAttribute('aria-label')} ${el.dataset.podStatus}`,
      )
      .sort(),
    nodes: [...document.querySelectorAll<HTMLElement>('[data-node-status]')].map(
      (el) => el.dataset.nodeStatus,
    ),
  }));
}

test('plays a short run: the Deployment’s pods are scheduled and reach Running on the workers', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3&speed=16');
  await explorer.ready();
  // The page opens on a running cluster: every node registered and Ready, no workload yet.
  await expect(page.locator('[data-node-status="Ready"]')).toHaveCount(3);
  await expect(page.locator('[data-pod-status]')).toHaveCount(1); // storage-provisioner on minikube
  await explorer.screenshot('playback-start-en');

  let shotWhileFlying = false;
  await explorer.playUntil(async () => {
    if (!shotWhileFlying && (await explorer.flightLabels()).length > 0) {
      shotWhileFlying = true;
      await explorer.screenshot('playback-messages-en');
    }
    return (await page.locator('[data-pod-status="Running"][aria-label^="web-"]').count()) === 3;
  });
  expect(shotWhileFlying).toBe(true);
  // The three replicas are spread over the nodes by the scheduler's scores.
  const running = await diagramState(page);
  const onWorkers = running.pods.filter((p) => p.includes(' web-') && p.endsWith(' Running'));
  expect(onWorkers).toHaveLength(3);
  expect(new Set(onWorkers.map((p) => p.split(' ')[0])).size).toBeGreaterThan(1);
  await explorer.screenshot('playback-running-en');
  expect(errors).toEqual([]);
});

test('steps back and forward to exactly the same state, and scrubs the timeline', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&speed=16');
  await explorer.ready();
  await explorer.playUntil(
    async () => (await page.locator('[data-pod-status="ContainerCreating"]').count()) > 0,
  );
  const before = await diagramState(page);
  const stepBack = explorer.button('Step back');
  const stepForward = explorer.button('Step forward');
  for (let i = 0; i < 12; i++) await stepBack.click();
  const earlier = await diagramState(page);
  expect(earlier.clock).not.toBe(before.clock);
  for (let i = 0; i < 12; i++) await stepForward.click();
  const back = await diagramState(page);
  for (let i = 0; i < 12; i++) await stepBack.click();
  expect(await diagramState(page)).toEqual(earlier);
  for (let i = 0; i < 12; i++) await stepForward.click();
  expect(await diagramState(page)).toEqual(back);

  // Scrub: the start of the run has no Node objects yet; the end has the pods running.
  await explorer.timeline.focus();
  await page.keyboard.press('Home');
  await expect(explorer.clock).toHaveText('0:00.000');
  await expect(page.locator('[data-node-status="joining"]')).toHaveCount(2);
  await expect(page.locator('[data-pod-status]')).toHaveCount(0);
  await explorer.screenshot('playback-scrub-start-en');
  await page.keyboard.press('End');
  await expect(page.locator('[data-pod-status="Running"][aria-label^="web-"]')).toHaveCount(3);
  // A scrub to the middle via the slider itself.
  const box = (await explorer.timeline.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
  await expect(explorer.clock).not.toHaveText('0:00.000');
});

test('the event log, the diagram and the Details panel agree', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&speed=16');
  await explorer.ready();
  await explorer.playUntil(
    async () => (await page.locator('[data-pod-status="Running"][aria-label^="web-"]').count()) === 3,
  );
  const log = explorer.eventLog;
  await expect(log).toContainText('ScalingReplicaSet');
  await expect(log).toContainText('Scaled up replica set web-');
  await expect(log.getByText('Started container nginx')).toHaveCount(3);
  // Clicking an Event jumps to a moment where it has happened: it is still listed there.
  await log.getByText('Started container nginx').first().click();
  await expect(log.getByText('Started container nginx').first()).toBeVisible();
  await explorer.timeline.focus();
  await page.keyboard.press('End');
  await expect(log.getByText('Started container nginx')).toHaveCount(3);

  // A pod on the diagram: its Details show the same STATUS and node, and kubelet's Events.
  const chip = explorer.podsOn('minikube-m02', 'Running').first();
  const name = (await chip.getAttribute('aria-label'))!;
  await chip.click();
  const details = explorer.details;
  await expect(details.getByRole('heading', { name })).toBeVisible();
  await expect(details.locator('[data-pod-summary]')).toContainText('Running');
  await expect(details.locator('[data-pod-summary]')).toContainText('minikube-m02');
  await expect(details.locator('[data-object-events]')).toContainText(
    `Successfully assigned default/${name} to minikube-m02`,
  );
  await expect(details.locator('[data-object-events]')).toContainText('Started container nginx');
  await expect(details.locator('[data-yaml]')).toContainText(`name: ${name}`);
  await expect(details.locator('[data-yaml]')).toContainText('phase: Running');
  await explorer.screenshot('playback-pod-details-en');

  // kube-scheduler: the decision that placed it, with per-node scores and the winner.
  await explorer.component('kube-scheduler').click();
  const decision = details.locator(`[data-decision="default/${name}"]`);
  await expect(decision.locator('[data-winner]')).toHaveText('minikube-m02');
  await expect(decision.locator('tr[data-node]')).toHaveCount(2);
  await explorer.screenshot('playback-scheduler-en');

  // kube-controller-manager: each loop's desired / actual / diff / action.
  await page.keyboard.press('Escape');
  await explorer.component('kube-controller-manager').click();
  await expect(details.locator('[data-controller="replicaset-controller"]')).toContainText('desired');
  await expect(details.locator('[data-controller="deployment-controller"]')).toBeVisible();

  // Messages in plain words; clicking one jumps there.
  await log.page().getByRole('button', { name: 'Messages', exact: true }).click();
  const entry = log.getByRole('button').filter({ hasText: 'reports the status of Pod' }).first();
  const text = (await entry.textContent())!;
  await entry.click();
  await expect(log.locator('[data-in-flight]').filter({ hasText: text.slice(9, 60) })).toHaveCount(1);
  // Its token is in the air on the diagram, among the others in flight at that moment.
  await expect.poll(() => explorer.flightLabels()).not.toEqual([]);
});

test('keyboard: Space plays and pauses, arrows step, ? shows the shortcuts', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=1');
  await explorer.ready();
  const clock = await explorer.clock.textContent();
  await page.keyboard.press('Space');
  await expect(explorer.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(explorer.button('Play')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(explorer.clock).not.toHaveText(clock!);
  const stepped = await explorer.clock.textContent();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(explorer.clock).toHaveText(stepped!);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Play or pause');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('reduced motion: messages sit still at the middle of their line instead of flying', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const explorer = new Explorer(page);
  await explorer.open('?nodes=1&speed=0.25');
  await explorer.ready();
  await explorer.button('Step forward').click();
  await explorer.button('Play').click();
  await expect.poll(() => explorer.flightLabels()).not.toEqual([]);
  // At 0.25× a moment lasts over two seconds: within it nothing may move.
  const a = await explorer.flightPixels();
  await page.waitForTimeout(120);
  expect(await explorer.flightPixels()).toBe(a);
  // Without reduced motion the same moment moves.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.waitForTimeout(100);
  const c = await explorer.flightPixels();
  await page.waitForTimeout(120);
  expect(await explorer.flightPixels()).not.toBe(c);
});

test('heartbeats can be hidden: no Lease renewal flies', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3&pods=0&speed=16');
  await explorer.ready();
  await explorer.control('Heartbeats').selectOption('show');
  await explorer.playUntil(async () => (await explorer.flightLabels()).includes('renew Lease'));
  await explorer.control('Heartbeats').selectOption('hide');
  await explorer.button('Step forward').click();
  await explorer.button('Play').click();
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(100);
    expect(await explorer.flightLabels()).not.toContain('renew Lease');
    await expect(page.locator('canvas[data-flights]')).toHaveAttribute('data-routine', '0');
  }
});

test('kubelet probes CoreDNS as it starts: a readiness probe flies from kubelet to the pods, and fails at first', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=1&speed=4');
  await explorer.ready();
  await explorer.playUntil(async () => (await explorer.flightLabels()).includes('readiness probe'));
  await page.getByRole('button', { name: 'Messages', exact: true }).click();
  // The probe in words, in the Messages log at the cursor.
  await expect(
    explorer.eventLog
      .getByText(
        /kubelet \(minikube\) checks whether pod kube-system\/coredns-\S+ is ready for traffic \(readiness probe\): GET http:\/\/10\.244\.0\.\d+:8181\/ready/,
      )
      .first(),
  ).toBeVisible();
  await explorer.screenshot('probe-coredns-en');
  // Its ready plugin is not ready yet: kubelet records why, and CoreDNS shows 0/1 for a moment.
  await page.getByRole('button', { name: 'Events', exact: true }).click();
  await explorer.playUntil(async () =>
    ((await explorer.eventLog.textContent()) ?? '').includes(
      'Readiness probe failed: HTTP probe failed with statuscode: 503',
    ),
  );
});

test('in Chinese: controls, log and labels are translated, real names are not', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&lang=zh&speed=16');
  await explorer.ready();
  await expect(explorer.button('播放')).toBeVisible();
  await expect(explorer.button('前进一步')).toBeVisible();
  await expect(explorer.button('后退一步')).toBeVisible();
  await expect(explorer.button('从头开始')).toBeVisible();
  await expect(explorer.control('速度')).toBeVisible();
  await explorer.playUntil(
    async () => (await page.locator('[data-pod-status="Running"][aria-label^="web-"]').count()) === 3,
  );
  await expect(explorer.eventLog).toContainText('Started container nginx');
  await page.getByRole('button', { name: '消息', exact: true }).click();
  await expect(explorer.eventLog).toContainText('kube-apiserver');
  await explorer.button('后退一步').click();
  await explorer.screenshot('playback-running-zh');
  await explorer.podsOn('minikube-m02').first().click();
  await expect(explorer.details).toContainText('状况（Conditions）');
  await explorer.screenshot('playback-pod-details-zh');
});

test('stopping a kubelet at the cursor forks the run: the node goes NotReady, then comes back', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=3&pods=0&speed=16');
  await explorer.ready();
  await explorer.button('Node minikube-m02').click();
  await explorer.details.getByRole('button', { name: 'Stop kubelet' }).click();
  await expect(explorer.details.getByRole('button', { name: 'Start kubelet' })).toBeVisible();
  const m02 = page.locator('.react-flow__node[data-id="node/minikube-m02"] [data-node-status]');
  await explorer.playUntil(async () => (await m02.getAttribute('data-node-status')) === 'Unknown');
  await expect(
    page.locator('.react-flow__node[data-id="node/minikube-m03"] [data-node-status]'),
  ).toHaveAttribute('data-node-status', 'Ready');
  await expect(explorer.details.locator('[data-conditions]')).toContainText('NodeStatusUnknown');
  await explorer.screenshot('playback-node-not-ready-en');
  await explorer.details.getByRole('button', { name: 'Start kubelet' }).click();
  await explorer.playUntil(async () => (await m02.getAttribute('data-node-status')) === 'Ready');
});

test('stopping kube-scheduler moves its manifest out: new pods stay Pending until it is back', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&pods=0&speed=16');
  await explorer.ready();
  await explorer.button('kube-scheduler').click();
  await explorer.details.getByRole('button', { name: 'Stop it' }).click();
  await expect(explorer.details.getByRole('button', { name: 'Start it again' })).toBeVisible();
  await expect(explorer.details).toContainText('Its manifest is in /tmp/kube-scheduler.yaml');
  const card = page.locator('.react-flow__node').getByRole('button', { name: 'kube-scheduler', exact: true });
  await explorer.openTerminal();
  // kubelet notices the file has gone and stops the container a moment later: play until its mirror pod is gone.
  const last = explorer.terminalOutput.locator('[data-entry]').last();
  await explorer.playUntil(async () => {
    await explorer.run('kubectl get pods -n kube-system');
    return !((await last.textContent()) ?? 'kube-scheduler').includes('kube-scheduler');
  });
  // The card's badge follows the process, which is stopped by now.
  await expect(card.locator('[data-stopped]')).toHaveText('Stopped');
  await explorer.run('kubectl create deployment web --image=nginx --replicas=2');
  await expect(explorer.terminalOutput).toContainText('deployment.apps/web created');
  // The command plays the run on: the pods are made, and nothing schedules them.
  await expect(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '2', { timeout: 30_000 });
  await explorer.run('minikube ssh');
  await explorer.run('ls /etc/kubernetes/manifests');
  await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
    'etcd.yaml  kube-apiserver.yaml  kube-controller-manager.yaml',
  );
  await expect(explorer.terminalOutput.locator('[data-entry]').last()).not.toContainText('kube-scheduler');
  await explorer.run('ls /tmp');
  await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText('kube-scheduler.yaml');
  await explorer.screenshot('playback-scheduler-stopped-en');
  // Put back by hand in the node's shell: the panel's button follows.
  await explorer.run('sudo mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/');
  await expect(explorer.details.getByRole('button', { name: 'Stop it' })).toBeVisible();
  await expect(explorer.webPods('Running')).toHaveCount(2, { timeout: 60_000 });
  // kubelet has started kube-scheduler again, which has scheduled the pods: the badge is gone.
  await expect(card.locator('[data-stopped]')).toHaveCount(0);
  await explorer.run('exit');
  await explorer.run('kubectl get pods -n kube-system');
  await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
    'kube-scheduler-minikube',
  );
});

test('停止 etcd：中文界面的按钮与提示', async ({ page }) => {
  const explorer = new Explorer(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await explorer.open('?nodes=1&pods=0&lang=zh');
  await explorer.ready();
  await explorer.button('etcd').click();
  await explorer.details.getByRole('button', { name: '停止它' }).click();
  await expect(explorer.details.getByRole('button', { name: '重新启动它' })).toBeVisible();
  await expect(explorer.details).toContainText('它的清单现在在 /tmp/etcd.yaml');
  // Once kubelet has stopped etcd, kube-apiserver cannot answer a read.
  const card = page.locator('.react-flow__node').getByRole('button', { name: 'etcd', exact: true });
  await explorer.playUntil(async () => (await card.locator('[data-stopped]').count()) > 0);
  await explorer.screenshot('phone-etcd-stopped-zh');
  await page.getByRole('tab', { name: '日志' }).click();
  await explorer.openTerminal();
  await explorer.run('kubectl get pods');
  await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
    'Error from server: etcdserver: request timed out',
  );
});

test('with kube-apiserver stopped kubectl is refused; kubectl get cs shows a stopped scheduler', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=1&pods=0');
  await explorer.ready();
  await explorer.button('kube-scheduler').click();
  await explorer.details.getByRole('button', { name: 'Stop it' }).click();
  // kube-apiserver probes the process, which kubelet stops a moment after the manifest leaves.
  await expect(explorer.details.locator('[data-stopping]')).toContainText('Still running');
  const card = page.locator('.react-flow__node').getByRole('button', { name: 'kube-scheduler', exact: true });
  await explorer.playUntil(async () => (await card.locator('[data-stopped]').count()) > 0);
  await expect(explorer.details.locator('[data-stopping]')).toHaveCount(0);
  await explorer.openTerminal();
  const last = explorer.terminalOutput.locator('[data-entry]').last();
  await explorer.run('kubectl get cs');
  await expect(last).toContainText('Warning: v1 ComponentStatus is deprecated in v1.19+');
  await expect(last).toContainText('scheduler            Unhealthy');
  await explorer.button('kube-apiserver').click();
  await explorer.details.getByRole('button', { name: 'Stop it' }).click();
  await explorer.run('kubectl get pods');
  await expect(last).toContainText('The connection to the server 192.168.49.2:8443 was refused');
  await explorer.details.getByRole('button', { name: 'Start it again' }).click();
  await explorer.run('kubectl get pods -n kube-system');
  await expect(last).toContainText('kube-apiserver-minikube');
});

test('with kube-apiserver stopped the kubelets’ messages to it are not delivered: red, crossed, and marked in Messages', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?nodes=2&pods=0&speed=4');
  await explorer.ready();
  await explorer.control('Heartbeats').selectOption('dim');
  await explorer.button('kube-apiserver').click();
  await explorer.details.getByRole('button', { name: 'Stop it' }).click();
  const canvas = page.locator('canvas[data-flights]');
  await explorer.playUntil(async () => Number(await canvas.getAttribute('data-undelivered')) > 0);
  await page.getByRole('button', { name: 'Messages' }).click();
  const lost = explorer.eventLog.locator('li[data-undelivered]');
  await expect(lost.last()).toContainText('not delivered: kube-apiserver is stopped');
  await explorer.screenshot('apiserver-stopped-messages');
  // Jumping to it shows it in the air, drawn in full (even a routine Lease renewal) and labelled so.
  await lost.last().getByRole('button').click();
  await expect.poll(() => canvas.getAttribute('data-undelivered')).not.toBe('0');
  expect((await explorer.flightLabels()).some((l) => l.endsWith(': not delivered'))).toBe(true);
  await explorer.screenshot('apiserver-stopped-undelivered');
  // Once it is back, what the kubelets send arrives again.
  await explorer.details.getByRole('button', { name: 'Start it again' }).click();
  await explorer.control('Heartbeats').selectOption('show');
  await explorer.playUntil(async () => (await explorer.flightLabels()).includes('renew Lease'));
  await expect(canvas).toHaveAttribute('data-undelivered', '0');
});

test('the timeline’s marks are explained: in the Legend, and on the slider itself', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=scheduling&step=3&speed=16');
  await expect(page.locator('[data-marker="schedule"]').first()).toBeAttached();
  await expect(page.locator('[data-step-mark="3"]')).toBeAttached();
  await expect(explorer.timeline).toHaveAttribute('title', /blue, a pod scheduled; red, a failure/);
  await page.getByText('Legend', { exact: true }).click();
  for (const text of [
    'On the timeline',
    'A pod scheduled',
    'A controller acted',
    'Where a workflow step begins',
  ])
    await expect(page.getByText(text, { exact: true })).toBeVisible();
});
