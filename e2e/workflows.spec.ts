/**
 * Every built-in workflow played to its end in the browser, in English and in Chinese: each step's
 * narration is shown and read out, the components it is about are outlined, a prediction is asked
 * and then revealed, and what the step promises is on screen when it is done.
 */
import { expect, test, type Page } from '@playwright/test';
import { WORKFLOWS, type Scenario, type Step, type Until } from '../src/scenarios';
import { Explorer } from './pages/explorer';

const RUNTIME_NAMES = ['docker', 'containerd', 'cri-o'];

/** The diagram elements a step's focus names must outline. */
async function expectFocus(page: Page, step: Step) {
  const explorer = new Explorer(page);
  for (const name of step.focus ?? []) {
    if (/^minikube(-m\d\d)?$/.test(name)) {
      await expect(explorer.node(name).locator('[data-node-status][data-focus]'), name).toHaveCount(1);
      continue;
    }
    // `kubelet` names every node's kubelet, `kubelet minikube-m02` one, `container runtime` the runtime.
    const [who, node] = name.split(/\s+(?=minikube)/) as [string, string | undefined];
    const kinds = who === 'container runtime' ? RUNTIME_NAMES : [who];
    const names = await page
      .locator('button[data-kind]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    const wanted = names.filter((n) => {
      const [kind, on] = n.split(' ');
      return kinds.some((k) => k.toLowerCase() === kind!.toLowerCase()) && (!node || on === node);
    });
    expect(wanted.length, `${name} is in the diagram`).toBeGreaterThan(0);
    for (const n of wanted) await expect(explorer.component(n), name).toHaveAttribute('data-focus', 'true');
  }
}

/** What a finished step promises, where the screen can show it. */
async function expectPromise(page: Page, until: Until | undefined) {
  if (!until) return;
  const explorer = new Explorer(page);
  // System pods (kube-system's) are counted, not drawn, on a node: only the workload's are checked.
  const systemPods =
    until.podsRunning?.namespace === 'kube-system' ||
    /^(k8s-app|component|tier)=/.test(until.podsRunning?.selector ?? '');
  if (until.podsRunning && !systemPods) {
    // Workflows name their pods after the selector's value (Deployment `web` → pods `web-…`).
    const value = until.podsRunning.selector.split(',')[0]!.split('=')[1]!;
    const names = await page
      .locator('[data-pod-status="Running"]')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('aria-label') ?? c.textContent ?? ''));
    const matching = names.filter((n) => n === value || n.startsWith(`${value}-`));
    expect(matching.length, `pods ${until.podsRunning.selector} Running`).toBeGreaterThanOrEqual(
      until.podsRunning.count,
    );
  }
  if (until.nodeReady) {
    const status = { True: 'Ready', False: 'NotReady', Unknown: 'Unknown' }[until.nodeReady.status];
    await expect(
      explorer.node(until.nodeReady.node).locator('[data-node-status]'),
      `${until.nodeReady.node} ${status}`,
    ).toHaveAttribute('data-node-status', status);
  }
  if (until.podUnschedulable)
    await expect(explorer.component('kube-scheduler').locator('[data-waiting]')).toBeVisible();
  if (until.event) await expect(explorer.eventLog).toContainText(until.event.reason);
}

async function playWorkflow(page: Page, scenario: Scenario, lang: 'en' | 'zh') {
  const explorer = new Explorer(page);
  await explorer.open(`?scenario=${scenario.id}&lang=${lang}&speed=16`);
  const panel = page.locator(`[data-guide="${scenario.id}"]`);
  await expect(panel).toBeVisible({ timeout: 15_000 });
  const next = page.getByRole('button', { name: lang === 'en' ? 'Next' : '下一步', exact: true });
  for (const [i, step] of scenario.steps.entries()) {
    await expect(panel).toHaveAttribute('data-step', String(i + 1));
    const narration = panel.locator('[data-narration]');
    await expect(narration).toHaveAttribute('aria-live', 'polite');
    await expect(narration.locator('h2')).toHaveText(step.title[lang]);
    await expectFocus(page, step);
    if (step.predict) {
      await expect(panel).toHaveAttribute('data-phase', 'predict');
      await panel.locator('[data-predict] [role="group"] button').first().click();
    }
    await expect(panel, `step ${i + 1} done`).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
    if (step.predict) {
      const answer = panel.locator('[data-reveal] [data-answer]');
      await expect(answer).toBeVisible();
      // "Which node?": the pod is drawn on the node the answer names.
      const { answer: expected } = step.predict;
      if (typeof expected === 'object') {
        const node = await answer.getAttribute('data-answer');
        const value = expected.podNode.split(',')[0]!.split('=')[1]!;
        await expect(
          explorer.podsOn(node!).and(page.locator(`[aria-label^="${value}"]`)),
          `a ${expected.podNode} pod on ${node}`,
        ).not.toHaveCount(0);
      }
    }
    await expectPromise(page, step.until);
    expect(new URL(page.url()).searchParams.get('step')).toBe(String(i + 1));
    if (i < scenario.steps.length - 1) await next.click();
  }
  await expect(next).toBeDisabled();
}

for (const entry of WORKFLOWS) {
  for (const lang of ['en', 'zh'] as const) {
    test(`workflow ${entry.id} plays to its end (${lang})`, async ({ page }) => {
      test.setTimeout(300_000);
      await playWorkflow(page, await entry.load(), lang);
    });
  }
}

test('a step opens directly from the URL, and the URL follows Next and Back', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=apply-to-running&step=4&speed=16');
  const panel = page.locator('[data-guide="apply-to-running"]');
  await expect(panel).toHaveAttribute('data-step', '4');
  await expect(explorer.details).toContainText('kube-scheduler');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(panel).toHaveAttribute('data-step', '3');
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('3');
  await page.getByRole('button', { name: /^Step 6:/ }).click();
  await expect(panel).toHaveAttribute('data-step', '6');
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('6');
});

test('a step that waits minutes of cluster time offers to skip to its end', async ({ page }) => {
  const explorer = new Explorer(page);
  // The pods' 300-s tolerations, at 1×: five minutes of watching.
  await explorer.open('?scenario=node-failure&step=4');
  const panel = page.locator('[data-guide="node-failure"]');
  const skip = panel.getByRole('button', { name: 'Skip to the end', exact: true });
  await expect(skip).toBeVisible({ timeout: 15_000 });
  await skip.click();
  await expect(panel).toHaveAttribute('data-phase', 'done');
  await expect(skip).toHaveCount(0);
  await expect(panel.locator('[data-guide-status]')).toHaveText('Done. Press Next when you are ready.');
});

test('Next closes the Details the last step opened, as the new step looks opened from its address', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=services&step=3&speed=16');
  const panel = page.locator('[data-guide="services"]');
  await expect(explorer.details).toContainText('kube-controller-manager');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(panel).toHaveAttribute('data-step', '4');
  await expect(explorer.details).toHaveCount(0);
});

test('with autoplay a finished step moves on by itself, after a pause to read it', async ({ page }) => {
  test.setTimeout(60_000);
  const explorer = new Explorer(page);
  await explorer.open('?scenario=tour&autoplay=1&speed=16');
  const panel = page.locator('[data-guide="tour"]');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 15_000 });
  await expect(panel).toHaveAttribute('data-step', '2', { timeout: 15_000 });
  await expect(panel).toHaveAttribute('data-step', '3', { timeout: 20_000 });
});

test('the Workflow picker opens a workflow and goes back to free play', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?speed=16');
  await explorer.control('Workflow').selectOption('tour');
  const panel = page.locator('[data-guide="tour"]');
  await expect(panel).toBeVisible();
  await expect(explorer.control('Nodes')).toBeDisabled();
  await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBe('tour');
  await page.getByRole('button', { name: 'Close the workflow' }).click();
  await expect(panel).toHaveCount(0);
  await expect(explorer.control('Workflow')).toHaveValue('');
  await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBeNull();
});

test('an unknown or hostile workflow is ignored with a notice, and the page works', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E&step=99');
  await expect(page.getByRole('status').first()).toContainText('Ignored ?scenario=<script>alert(1)</script>');
  await expect(page.getByRole('status').first()).toContainText('Using free play (no workflow).');
  await expect(page.locator('[data-guide]')).toHaveCount(0);
  await explorer.ready();
  await explorer.open('?scenario=tour&step=99');
  await expect(page.getByRole('status').first()).toContainText('Ignored ?step=99');
  await expect(page.locator('[data-guide="tour"]')).toHaveAttribute('data-step', '1');
});

test('a workflow file that is not there is named as missing, and the address no longer names it', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=workflows/nope.json');
  await expect(page.getByRole('status').first()).toContainText(
    'The workflow workflows/nope.json could not be used: no such file on this site',
  );
  await expect(page.locator('[data-guide]')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBeNull();
  await explorer.ready();
});

test('a course author’s workflow file loads from this site and plays', async ({ page }) => {
  test.setTimeout(120_000);
  const explorer = new Explorer(page);
  await explorer.open('?scenario=workflows/example.json&speed=16');
  const panel = page.locator('[data-guide="my-course-scale"]');
  await expect(panel).toBeVisible({ timeout: 15_000 });
  await expect(explorer.control('Workflow')).toHaveValue('workflows/example.json');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(
    explorer.podsOn('minikube', 'Running').or(explorer.podsOn('minikube-m02', 'Running')),
  ).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(panel).toHaveAttribute('data-phase', 'predict');
  await panel.getByRole('button', { name: 'kube-controller-manager', exact: true }).click();
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(panel.locator('[data-answer]')).toContainText('Right!');
});

test('an inline workflow in the URL fragment plays; a broken one is refused with where and why', async ({
  page,
}) => {
  const explorer = new Explorer(page);
  const scenario = {
    id: 'inline-demo',
    title: { en: 'Inline', zh: '内联' },
    summary: { en: 'A workflow in the address.', zh: '写在地址里的工作流程。' },
    steps: [
      {
        title: { en: 'Watch a heartbeat', zh: '观察心跳' },
        narration: { en: 'kubelet renews its Lease.', zh: 'kubelet 续约它的 Lease。' },
        until: { message: { from: 'kubelet', summary: 'leases/' } },
        focus: ['kubelet'],
      },
    ],
  };
  await explorer.open(`?speed=16#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  const panel = page.locator('[data-guide="inline-demo"]');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();

  const bad = { ...scenario, steps: [{ ...scenario.steps[0], until: { seconds: 'soon' } }] };
  await explorer.open(`?x=1#scenario=${encodeURIComponent(JSON.stringify(bad))}`);
  await expect(page.getByRole('status').first()).toContainText(
    'could not be used: steps[0].until.seconds: Invalid input: expected number',
  );
  await expect(page.locator('[data-guide]')).toHaveCount(0);
  // The broken workflow leaves the address: a reload opens free play without the notice.
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await explorer.ready();
});

test('“Try it yourself” runs a command in the terminal, against the cluster at that step', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const explorer = new Explorer(page);
  await explorer.open('?scenario=tour&speed=16');
  await expect(page.locator('[data-guide="tour"]')).toHaveAttribute('data-phase', 'done', {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Run in the terminal: kubectl get node' }).click();
  await expect(explorer.terminalOutput).toContainText('NAME', { timeout: 15_000 });
  const output = await explorer.lastOutput();
  expect(output).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  expect(output).toMatch(/\nminikube\s+Ready\s+control-plane\s/);
  expect(output).toMatch(/\nminikube-m02\s+Ready\s+<none>\s/);
});

test('the services workflow’s commands run: nslookup and wget in the client pod, iptables on the node', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const explorer = new Explorer(page);
  await explorer.open('?scenario=services&step=6&speed=16');
  const panel = page.locator('[data-guide="services"]');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await page
    .getByRole('button', { name: 'Run in the terminal: kubectl exec client -- wget -qO- http://web' })
    .click();
  await expect(explorer.terminalOutput).toContainText('Welcome to nginx!', { timeout: 15_000 });
  await page.getByRole('button', { name: /^Step 5:/ }).click();
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await page
    .getByRole('button', { name: 'Run in the terminal: kubectl exec client -- nslookup web' })
    .click();
  await expect(explorer.terminalOutput).toContainText('Name:\tweb.default.svc.cluster.local', {
    timeout: 15_000,
  });
  await page.getByRole('button', { name: /^Step 4:/ }).click();
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run in the terminal: minikube ssh' }).click();
  await page
    .getByRole('button', { name: 'Run in the terminal: sudo iptables -t nat -L KUBE-SERVICES -n | grep web' })
    .click();
  await expect(explorer.terminalOutput).toContainText('/* default/web cluster IP */ tcp dpt:80', {
    timeout: 15_000,
  });
});

test('a guess made from the keyboard leaves focus on the guess, not on the page', async ({ page }) => {
  const explorer = new Explorer(page);
  await explorer.open('?scenario=scheduling&step=3&speed=16');
  const panel = page.locator('[data-guide="scheduling"]');
  await expect(panel).toHaveAttribute('data-phase', 'predict', { timeout: 15_000 });
  const choice = panel.locator('[data-predict] [role="group"] button').first();
  await choice.focus();
  await page.keyboard.press('Enter');
  const reveal = panel.locator('[data-predict] [tabindex="-1"]');
  await expect(reveal).toBeFocused();
  await expect(reveal).toContainText('Your guess');
});

test('on a phone a step frames what it is about at a readable size, and Skip to the end stays in sight', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const explorer = new Explorer(page);
  await explorer.open('?scenario=node-failure&step=4&nodes=3');
  const zoom = async () => {
    const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 0);
  };
  // The whole three-node cluster fits at about 0.2 here; the step's kube-controller-manager is framed.
  await expect.poll(zoom).toBeGreaterThan(0.6);
  await expect(explorer.component('kube-controller-manager')).toBeInViewport({ ratio: 1 });
  const skip = page.getByRole('button', { name: 'Skip to the end', exact: true });
  await expect(skip).toBeInViewport({ ratio: 1, timeout: 15_000 });
  await skip.click();
  await expect(page.locator('[data-guide="node-failure"]')).toHaveAttribute('data-phase', 'done');
  await expect(page.getByRole('button', { name: 'Replay', exact: true })).toBeInViewport();
  // Closing the workflow leaves nothing to frame: the whole cluster again.
  await page.getByRole('button', { name: 'Close the workflow' }).click();
  await expect.poll(zoom).toBeLessThan(0.45);
});

test('on a phone, Next into a step that opens Details keeps the step in sight, read from its top', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const explorer = new Explorer(page);
  await explorer.open('?scenario=scheduling&step=2&speed=16');
  const panel = page.locator('[data-guide="scheduling"]');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  // The learner had scrolled down to the commands to try.
  const body = panel.locator('[data-narration]').locator('..');
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(panel).toHaveAttribute('data-step', '3');
  // Step 3 opens kube-scheduler's Details: its tab is there, but the step stays in front.
  await expect(page.getByRole('tab', { name: 'Details' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Workflow' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('heading', { level: 2 })).toBeInViewport();
  expect(await body.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeInViewport();
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(explorer.details).toContainText('kube-scheduler');
});
