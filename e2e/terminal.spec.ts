import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { Explorer } from './pages/explorer';

/** Long tasks (ms) since the page loaded or since the last reset. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return {
    reset: () =>
      page.evaluate(() => void ((window as unknown as { __longTasks: number[] }).__longTasks = [])),
    longest: () =>
      page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks)),
  };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}`);
}

/** A free-play cluster of `nodes` nodes with its web pods running, paused, the terminal open. */
async function runningCluster(page: Page, nodes = 2, lang = 'en') {
  const explorer = new Explorer(page);
  await explorer.open(`?nodes=${nodes}&speed=16&lang=${lang}`);
  await explorer.ready();
  await explorer.playUntil(async () => (await explorer.webPods('Running').count()) === 3);
  await explorer.openTerminal();
  return explorer;
}

test.describe('the terminal', () => {
  test('takes a here-document typed line by line, or pasted whole, as bash does', async ({ page }) => {
    test.setTimeout(60_000);
    const explorer = await runningCluster(page);
    await explorer.run('kubectl apply -f - <<EOF');
    await expect(explorer.prompt).toHaveText('> ');
    for (const line of [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: typed',
      'spec:',
      '  containers:',
    ])
      await explorer.run(line);
    await expect(page.locator('[data-document]')).toContainText('> kind: Pod');
    await explorer.run('    - name: app');
    await explorer.run('      image: nginx:1.27');
    await explorer.run('EOF');
    await expect(explorer.terminalOutput).toContainText('pod/typed created', { timeout: 15_000 });
    await expect(explorer.prompt).toHaveText('$ ');
    await expect(page.locator('[data-document]')).toHaveCount(0);

    // A block pasted at once runs the same way; what follows its last newline stays typed.
    await explorer.paste(
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pasted\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\nEOF\nkubectl get pod pasted',
    );
    await expect(explorer.terminalOutput).toContainText('pod/pasted created', { timeout: 15_000 });
    await expect(explorer.terminalOutput).toContainText('> image: nginx:1.27'.replace('> ', '>       '));
    await expect(explorer.terminal).toHaveValue('kubectl get pod pasted');
  });

  test('a pasted create, expose and get run in turn: each read finds what the write before it made', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    await explorer.paste(
      'kubectl create deployment api --image=nginx:1.27 --replicas=2\nkubectl expose deployment api --port=80\nkubectl get service api\n',
    );
    const entries = explorer.terminalOutput.locator('[data-entry]');
    // The lines after the first wait their turn, as a shell reads typed-ahead lines.
    await expect(entries.nth(-1).locator('[data-queued]')).toBeVisible();
    await expect(entries.nth(-3)).toContainText('deployment.apps/api created', { timeout: 15_000 });
    await expect(entries.nth(-2)).toContainText('service/api exposed', { timeout: 15_000 });
    await expect(entries.nth(-1)).toContainText(/api\s+ClusterIP\s+10\.\d+\.\d+\.\d+/, { timeout: 15_000 });
    await expect(entries.nth(-1)).not.toContainText('NotFound');
  });

  test('kubectl get nodes prints the real table for a 2-node cluster', async ({ page }) => {
    const explorer = new Explorer(page);
    await explorer.open('?nodes=2');
    await explorer.ready();
    await explorer.openTerminal();
    await explorer.run('kubectl get nodes');
    await expect(explorer.terminalOutput.locator('[data-entry]')).toHaveCount(1);
    const lines = (await explorer.lastOutput()).split('\n');
    expect(lines[0]).toBe('NAME           STATUS   ROLES           AGE   VERSION');
    expect(lines[1]).toMatch(/^minikube {7}Ready {4}control-plane {3}\d+s +v1\.34\.0$/);
    expect(lines[2]).toMatch(/^minikube-m02 {3}Ready {4}<none> {10}\d+s +v1\.34\.0$/);
    expect(lines).toHaveLength(3);
    // AGE may be 5s or 12s: VERSION stays in its column either way.
    for (const line of lines.slice(1)) expect(line.indexOf('v1.34.0')).toBe(lines[0]!.indexOf('VERSION'));
    // The line as typed, after the prompt.
    await expect(explorer.terminalOutput.locator('[data-entry] pre').first()).toHaveText(
      '$ kubectl get nodes',
    );
  });

  test('kubectl scale: kubectl → kube-apiserver flies, the run plays on and 5 web pods are drawn', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    // Until the Deployment's own status has caught up (its controller writes it as the pods start).
    await explorer.playUntil(async () => {
      await explorer.run('kubectl get deployment web');
      return /^web\s+3\/3\s+3\s+3\s/m.test(await explorer.lastOutput());
    });
    const before = await explorer.clock.textContent();
    await explorer.run('kubectl scale deployment web --replicas=5');
    await expect(explorer.terminalOutput).toContainText('deployment.apps/web scaled');
    await expect(explorer.button(/^(Pause|暂停)$/)).toBeVisible();
    await expect(explorer.webPods('Running')).toHaveCount(5, { timeout: 30_000 });
    expect(await explorer.clock.textContent()).not.toBe(before);
  });

  test('kubectl cordon shows SchedulingDisabled on the node', async ({ page }) => {
    const explorer = await runningCluster(page);
    await explorer.run('kubectl cordon minikube-m02');
    await expect(explorer.terminalOutput).toContainText('node/minikube-m02 cordoned');
    await expect(explorer.node('minikube-m02')).toContainText('SchedulingDisabled', { timeout: 15_000 });
    await explorer.button(/^(Pause|暂停)$/).click();
    await explorer.run('kubectl get nodes');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'Ready,SchedulingDisabled',
    );
    // kube-controller-manager's node-lifecycle-controller adds the unschedulable taint; read it with JSONPath.
    await explorer.button(/^(Play|播放)$/).click();
    await expect
      .poll(
        async () => {
          await explorer.run("kubectl get node minikube-m02 -o jsonpath='{.spec.taints[*].key}'");
          return explorer.lastOutput();
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBe('node.kubernetes.io/unschedulable');
    await explorer.run(
      'kubectl get nodes -o custom-columns=NAME:.metadata.name,UNSCHEDULABLE:.spec.unschedulable',
    );
    expect((await explorer.lastOutput()).split('\n')).toEqual([
      'NAME           UNSCHEDULABLE',
      'minikube       <none>',
      'minikube-m02   true',
    ]);
  });

  test('kubectl expose, label, set image and rollout undo: the Service gets endpoints, revisions are listed, pods are redrawn', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    // A write forks the run at the cursor and plays on: each check below reads the cluster as it moves.
    await explorer.run('kubectl expose deployment web --port=80');
    await expect(explorer.terminalOutput).toContainText('service/web exposed');
    // The EndpointSlice controller fills the Service's endpoints with the three ready pods' IPs.
    await expect
      .poll(
        async () => {
          await explorer.run('kubectl get endpoints web');
          return /^web\s+(10\.244\.\d+\.\d+:80,?){3}\s/m.test(await explorer.lastOutput());
        },
        { timeout: 60_000, intervals: [250] },
      )
      .toBe(true);
    await explorer.run('kubectl label pods -l app=web tier=front');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText('labeled');
    await explorer.run('kubectl set image deployment/web nginx=nginx:1.28');
    await expect(explorer.terminalOutput).toContainText('deployment.apps/web image updated');
    await expect
      .poll(
        async () => {
          await explorer.run('kubectl rollout history deployment/web');
          return /^2\s+<none>$/m.test(await explorer.lastOutput());
        },
        { timeout: 60_000, intervals: [250] },
      )
      .toBe(true);
    await explorer.run('kubectl rollout undo deployment/web');
    await expect(explorer.terminalOutput).toContainText('deployment.apps/web rolled back');
    await expect
      .poll(
        async () => {
          await explorer.run('kubectl get deployment web -o wide');
          return /^web\s+3\/3\s+3\s+3\s.*nginx:1\.27/m.test(await explorer.lastOutput());
        },
        { timeout: 60_000, intervals: [250] },
      )
      .toBe(true);
    await expect(explorer.webPods('Running')).toHaveCount(3, { timeout: 30_000 });
    await explorer.run('kubectl rollout history deployment/web');
    expect(await explorer.lastOutput()).toMatch(/^2\s+<none>\n3\s+<none>/m);
  });

  test('kubectl rollout status follows a rollout and returns to the prompt; kubectl events lists what happened', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    await explorer.run('kubectl set image deployment/web nginx=nginx:1.28');
    await expect(explorer.terminalOutput).toContainText('deployment.apps/web image updated');
    await explorer.run('kubectl rollout status deployment/web');
    const entry = explorer.terminalOutput.locator('[data-entry]').last();
    await expect(entry).toContainText('deployment "web" successfully rolled out', { timeout: 60_000 });
    // The stream has ended: no "watching" line and no Stop button.
    await expect(entry).not.toContainText('watching as the cluster plays on');
    await expect(explorer.button(/^(Stop|停止)/)).toHaveCount(0);
    await explorer.run('kubectl events --types=Normal');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      /ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-/,
    );
  });

  test('kubectl delete waits until the pod is gone: a busybox sleep takes its whole grace period', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const explorer = await runningCluster(page);
    await explorer.run('kubectl run sleeper --image=busybox -- sleep 3600');
    await expect
      .poll(
        async () => {
          await explorer.run('kubectl get pod sleeper --no-headers');
          return /\bRunning\b/.test(await explorer.lastOutput());
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBe(true);
    await explorer.run('kubectl delete pod sleeper');
    const entry = explorer.terminalOutput.locator('[data-entry]').last();
    await expect(entry).toContainText('pod "sleeper" deleted from default namespace');
    // sh as PID 1 ignores SIGTERM: kubectl stays until kubelet's SIGKILL at 30 s and the pod is gone.
    await expect(entry).toContainText('kubectl waits until the deletion is done');
    await expect(explorer.button(/^(Stop|停止)/)).toHaveCount(1);
    await expect(entry).not.toContainText('kubectl waits until the deletion is done', { timeout: 60_000 });
    await expect(explorer.button(/^(Stop|停止)/)).toHaveCount(0);
    await explorer.run('kubectl get pod sleeper');
    expect(await explorer.lastOutput()).toBe('Error from server (NotFound): pods "sleeper" not found');
  });

  test('kubectl wait prints "condition met" when the rollout is available, and kubectl’s error on a timeout', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    // A wait follows the cluster as it plays.
    await explorer.button(/^(Play|播放)$/).click();
    await explorer.run('kubectl wait --for=condition=Ready=False pod -l app=web --timeout=3s');
    await expect(explorer.terminalOutput.locator('[data-entry]').last().locator('[data-error]')).toHaveText(
      /^error: timed out waiting for the condition on pods\/web-/,
      { timeout: 30_000 },
    );
    await explorer.run('kubectl set image deployment/web nginx=nginx:1.28');
    await explorer.run('kubectl wait --for=jsonpath={.status.updatedReplicas}=3 deployment/web --timeout=2m');
    const entry = explorer.terminalOutput.locator('[data-entry]').last();
    await expect(entry).toContainText('deployment.apps/web condition met', { timeout: 60_000 });
    await expect(explorer.button(/^(Stop|停止)/)).toHaveCount(0);
    await explorer.run('kubectl get deploy web -o jsonpath={.status.conditions[*].type}');
    expect(await explorer.lastOutput()).toBe('Available Progressing');
  });

  test('rollout pause holds a new image back until resume; logs of a Deployment name the pod it reads', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    await explorer.run('kubectl logs deploy/web --tail=1');
    const logs = explorer.terminalOutput.locator('[data-entry]').last();
    await expect(logs.locator('[data-stderr]')).toHaveText(/^Found 3 pods, using pod\/web-/);
    await expect(logs).toContainText('[notice]');
    await explorer.run('kubectl rollout pause deployment/web');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'deployment.apps/web paused',
    );
    // A change plays the run on from the cursor.
    await explorer.run('kubectl set image deployment/web nginx=nginx:1.28 --record');
    await explorer.run('kubectl wait --for=condition=Progressing=Unknown deployment/web');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'deployment.apps/web condition met',
    );
    await explorer.run('kubectl get rs -o custom-columns=IMAGE:.spec.template.spec.containers[0].image');
    expect(await explorer.lastOutput()).toBe('IMAGE\nnginx:1.27');
    await explorer.run('kubectl rollout resume deployment/web');
    await explorer.run('kubectl rollout status deployment/web');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'deployment "web" successfully rolled out',
      { timeout: 60_000 },
    );
    await explorer.run('kubectl rollout history deployment/web');
    expect(await explorer.lastOutput()).toContain(
      '2         kubectl set image deployment/web nginx=nginx:1.28 --record=true',
    );
  });

  test('minikube node add: a new node is drawn and joins', async ({ page }) => {
    const explorer = await runningCluster(page);
    await explorer.run('minikube node add');
    // minikube answers once the new node's kubelet has registered it.
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'Successfully added m03 to minikube!',
      { timeout: 15_000 },
    );
    await expect(explorer.node('minikube-m03')).toBeVisible({ timeout: 15_000 });
    await expect(explorer.node('minikube-m03')).toContainText('Ready', { timeout: 30_000 });
    // The Nodes control counts the machines the cluster has now; picking the count the address
    // named builds that cluster afresh.
    const nodes = page.getByRole('combobox', { name: 'Nodes' });
    await expect(nodes).toHaveValue('3');
    await nodes.selectOption('2');
    await expect(explorer.node('minikube-m03')).toHaveCount(0);
    await expect(nodes).toHaveValue('2');
  });

  test('minikube ssh, docker ps | grep kube-proxy, exit', async ({ page }) => {
    const explorer = await runningCluster(page);
    await expect(explorer.prompt).toHaveText('$');
    await explorer.run('minikube ssh');
    await expect(explorer.prompt).toHaveText('docker@minikube:~$');
    await explorer.run('docker ps | grep kube-proxy');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText('k8s_kube-proxy');
    await explorer.run('ps -ef | grep kubelet');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      '/var/lib/minikube/binaries/',
    );
    await explorer.run('exit');
    await expect(explorer.prompt).toHaveText('$');
    await expect(explorer.terminalOutput.locator('[data-entry] pre').first()).toHaveText('$ minikube ssh');
  });

  test('minikube addons enable dashboard, then minikube dashboard opens its Details', async ({ page }) => {
    const explorer = await runningCluster(page);
    // Until it is enabled, the Dashboard's card says it is off.
    const off = explorer.component('Dashboard').locator('[data-off]');
    await expect(off).toBeVisible();
    await explorer.run('minikube addons enable dashboard');
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText('dashboard');
    // Its web UI runs once its pod does: the badge goes.
    await expect(off).toHaveCount(0, { timeout: 60_000 });
    await explorer.button(/^(Pause|暂停)$/).click();
    await explorer.run('minikube dashboard');
    await expect(explorer.details).toBeVisible();
    await expect(explorer.details).toContainText('Dashboard');
    await expect(explorer.terminalOutput).toContainText(
      'The Dashboard is selected in the diagram and its Details are open.',
    );
  });

  test('kubectl get pods -w streams as the run plays; Ctrl+C stops it', async ({ page }) => {
    const explorer = new Explorer(page);
    await explorer.open('?nodes=2&speed=4');
    await explorer.ready();
    await explorer.openTerminal();
    await explorer.run('kubectl get pods -w');
    const entry = explorer.terminalOutput.locator('[data-entry]').last();
    await expect(entry).toContainText('watching');
    await explorer.button(/^(Play|播放)$/).click();
    await expect(entry).toContainText(/web-\w+-\w+ +0\/1 +Pending/, { timeout: 20_000 });
    await explorer.terminal.press('Control+c');
    await expect(entry).not.toContainText('watching');
    await expect(entry.locator('pre').last()).toHaveText('^C');
  });

  test('↑/↓ recall the history; Tab completes; Ctrl+L clears', async ({ page }) => {
    const explorer = new Explorer(page);
    await explorer.open('?nodes=2');
    await explorer.ready();
    await explorer.openTerminal();
    await explorer.run('kubectl get nodes');
    await explorer.run('kubectl get pods');
    await explorer.terminal.press('ArrowUp');
    await expect(explorer.terminal).toHaveValue('kubectl get pods');
    await explorer.terminal.press('ArrowUp');
    await expect(explorer.terminal).toHaveValue('kubectl get nodes');
    await explorer.terminal.press('ArrowDown');
    await expect(explorer.terminal).toHaveValue('kubectl get pods');
    await explorer.terminal.press('ArrowDown');
    await expect(explorer.terminal).toHaveValue('');

    await explorer.terminal.fill('kubectl get deploym');
    await explorer.terminal.press('Tab');
    await expect(explorer.terminal).toHaveValue('kubectl get deployments ');
    // Names come from the cluster at the cursor.
    await explorer.terminal.fill('kubectl cordon minikube-m');
    await explorer.terminal.press('Tab');
    await expect(explorer.terminal).toHaveValue('kubectl cordon minikube-m02 ');
    await explorer.terminal.fill('kubectl d');
    await explorer.terminal.press('Tab');
    await expect(page.locator('[data-candidates]')).toContainText('describe');
    await expect(page.locator('[data-candidates]')).toContainText('delete');

    await explorer.terminal.press('Control+l');
    await expect(explorer.terminalOutput.locator('[data-entry]')).toHaveCount(0);
    await explorer.run('kubectl get nodes');
    await explorer.run('clear');
    await expect(explorer.terminalOutput.locator('[data-entry]')).toHaveCount(0);
  });

  test('in Chinese: 终端 and 终端输出', async ({ page }) => {
    const explorer = new Explorer(page);
    await explorer.open('?nodes=2&lang=zh');
    await explorer.ready();
    await explorer.openTerminal();
    await expect(page.getByRole('textbox', { name: '终端', exact: true })).toBeFocused();
    await explorer.run('kubectl get nodes');
    await expect(page.getByRole('log', { name: '终端输出', exact: true })).toContainText('minikube-m02');
    await page.getByRole('button', { name: '清单（Manifest）…' }).click();
    await expect(page.getByRole('dialog', { name: '清单编辑器' })).toBeVisible();
  });
});

/** Bad input: a clear error at once, the page keeps working, the cluster unchanged, no long task. */
test.describe('bad input never breaks the page', () => {
  /** `server`: kube-apiserver refuses it (a request flies and the run plays on to the answer); else kubectl does. */
  const TERMINAL_CASES: { name: string; line: string; error: RegExp; server?: true }[] = [
    {
      name: 'an enormous replica count',
      line: 'kubectl scale deployment web --replicas=1000000',
      error: /replicas/,
    },
    {
      name: 'a negative replica count',
      line: 'kubectl scale deployment web --replicas=-1',
      error: /replicas|invalid/i,
    },
    {
      name: 'an unknown resource type',
      line: 'kubectl get foos',
      error: /doesn't have a resource type "foos"/,
    },
    { name: 'an unknown command', line: 'kubectl frobnicate', error: /unknown command "frobnicate"/ },
    {
      name: 'an invalid name',
      line: 'kubectl scale deployment Bad_Name! --replicas=2',
      error: /NotFound/,
      server: true,
    },
    {
      name: 'a 10,000-character command',
      line: `kubectl get pods ${'x'.repeat(10_000)}`,
      error: /4096|long/,
    },
    {
      name: 'HTML in a name',
      line: 'kubectl get pod "<img src=x onerror=window.__pwned=1>"',
      error: /<img src=x onerror=window.__pwned=1>|not found|invalid/,
    },
    {
      name: 'a script in a name',
      line: 'kubectl describe pod <script>window.__pwned=1</script>',
      error: /.+/,
    },
  ];

  for (const c of TERMINAL_CASES) {
    test(`terminal: ${c.name}`, async ({ page }) => {
      const tasks = await watchLongTasks(page);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const explorer = await runningCluster(page);
      const pods = await explorer.webPods().count();
      await tasks.reset();
      const started = Date.now();
      await explorer.run(c.line);
      const error = explorer.terminalOutput.locator('[data-entry]').last().locator('[data-error]');
      await expect(error).toBeVisible({ timeout: 1_000 });
      expect(Date.now() - started).toBeLessThan(1_000);
      await expect(error).toHaveText(c.error);
      expect(await tasks.longest()).toBeLessThan(200);
      // Nothing injected or run; the cluster as it was; the page still answers.
      expect(dialogs).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(explorer.terminalOutput.locator('img, script')).toHaveCount(0);
      await expect(explorer.webPods()).toHaveCount(pods);
      // A command kubectl refused has nothing to show: the run stays paused where it was.
      if (!c.server) await expect(explorer.button(/^(Play|播放)$/)).toBeVisible();
      await explorer.run('kubectl get nodes');
      await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText('minikube-m02');
    });
  }

  const BOMB = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;
  const MIB = `apiVersion: v1
kind: Pod
metadata:
  name: huge
  annotations:
    filler: "${'x'.repeat(1024 * 1024)}"
spec:
  containers:
    - name: c
      image: nginx
`;
  const EDITOR_CASES: { name: string; text: string; problem: RegExp }[] = [
    { name: 'a YAML alias bomb (billion laughs)', text: BOMB, problem: /alias/i },
    { name: 'a manifest over 1 MiB', text: MIB, problem: /262144 bytes/ },
    {
      name: 'an unknown kind',
      text: 'apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: x\n',
      problem: /line 2, column 7.*Frobnicator/,
    },
    {
      name: 'missing kind and name',
      text: 'apiVersion: v1\nmetadata:\n  labels: {}\n',
      problem: /has no kind/,
    },
    {
      name: 'broken YAML',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n',
      problem: /line \d+, column \d+/,
    },
    {
      name: 'HTML in values',
      text: 'apiVersion: v1\nkind: "<img src=x onerror=window.__pwned=1>"\nmetadata:\n  name: "<script>window.__pwned=1</script>"\n',
      problem: /<img src=x onerror=window.__pwned=1>/,
    },
  ];

  for (const c of EDITOR_CASES) {
    test(`manifest editor: ${c.name}`, async ({ page }) => {
      // The classic billion-laughs document is 342 bytes; a changed fixture must fail, not skip.
      if (c.name === 'a YAML alias bomb (billion laughs)') expect(BOMB).toHaveLength(342);
      const tasks = await watchLongTasks(page);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const explorer = await runningCluster(page);
      const pods = await explorer.webPods().count();
      await page.getByRole('button', { name: 'Manifest…' }).click();
      const editor = page.getByRole('dialog', { name: 'Manifest editor' });
      await expect(editor).toBeVisible();
      await tasks.reset();
      const area = editor.getByRole('textbox', { name: 'Manifest YAML' });
      if (c.text.length > 1024 * 1024)
        // Pasted, as a learner would (filling a megabyte in at once is not something a person can do).
        await area.evaluate((el, text) => {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          el.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        }, c.text);
      else await area.fill(c.text);
      await expect(editor.locator('[data-problem]').first()).toBeVisible({ timeout: 1_500 });
      await expect(editor.locator('[data-problem]').filter({ hasText: c.problem })).not.toHaveCount(0);
      await expect(editor.getByRole('button', { name: 'Apply' })).toBeDisabled();
      expect(await tasks.longest()).toBeLessThan(200);
      expect(dialogs).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(editor.locator('img, script')).toHaveCount(0);
      await editor.getByRole('button', { name: 'Close' }).click();
      await expect(explorer.terminal).toBeFocused();
      await expect(explorer.webPods()).toHaveCount(pods);
    });
  }

  test('the alias bomb is the classic 342 bytes', () => {
    expect(BOMB.length).toBe(342);
  });
});

test.describe('the manifest editor', () => {
  test('pauses the cluster while it is open, and plays on when it closes', async ({ page }) => {
    const explorer = await runningCluster(page);
    await explorer.button('Play').click();
    await page.getByRole('button', { name: 'Manifest…' }).click();
    const editor = page.getByRole('dialog', { name: 'Manifest editor' });
    await expect(editor.locator('[data-paused-note]')).toHaveText(
      ' The cluster is paused while the editor is open.',
    );
    await expect(explorer.button('Play')).toBeAttached();
    const clock = await explorer.clock.textContent();
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect(explorer.button('Pause')).toBeVisible();
    await expect(explorer.clock).not.toHaveText(clock!);
  });

  test('applies an example: kubectl apply -f - prints in the terminal and the pods are drawn', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    await page.getByRole('button', { name: 'Manifest…' }).click();
    const editor = page.getByRole('dialog', { name: 'Manifest editor' });
    await editor.getByRole('button', { name: 'A Deployment' }).click();
    await expect(editor.locator('[data-manifest-status]')).toContainText('Ready to apply: 1 object(s).');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect(editor).toHaveCount(0);
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'deployment.apps/hello created',
    );
    await expect(page.locator('[data-pod-status="Running"][aria-label^="hello-"]')).toHaveCount(2, {
      timeout: 30_000,
    });
  });

  test('the docs’ liveness example: kubelet’s exec probe fails once /tmp/healthy is gone and the container restarts', async ({
    page,
  }) => {
    // About 45 s of the cluster's time, played at 16×.
    test.setTimeout(150_000);
    const explorer = await runningCluster(page);
    await page.getByRole('button', { name: 'Manifest…' }).click();
    const editor = page.getByRole('dialog', { name: 'Manifest editor' });
    await editor.getByRole('button', { name: 'A Pod whose liveness probe fails' }).click();
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'pod/liveness-exec created',
    );
    // Applying plays the run on; play it if it is paused. kubectl reads at the cursor, which
    // reaches the pod's creation a moment after the answer is recorded (sooner on a fast machine).
    const play = explorer.button(/^(Play|播放)$/);
    if (await play.count()) await play.click();
    await expect(page.locator('[data-pod-status][aria-label^="liveness-exec"]')).toHaveCount(1, {
      timeout: 15_000,
    });
    await explorer.run(
      'kubectl wait --for=jsonpath={.status.containerStatuses[0].restartCount}=1 pod/liveness-exec --timeout=3m',
    );
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'pod/liveness-exec condition met',
      { timeout: 120_000 },
    );
    const pause = explorer.button(/^(Pause|暂停)$/);
    if (await pause.count()) await pause.click();
    await explorer.run('kubectl describe pod liveness-exec');
    const describe = await explorer.lastOutput();
    expect(describe).toContain(
      'Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
    );
    expect(describe).toMatch(
      /Warning\s+Unhealthy\s+\S+ \(x3 over \S+\)\s+kubelet\s+Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/,
    );
    expect(describe).toMatch(
      /Normal\s+Killing\s+\S+\s+kubelet\s+Container liveness failed liveness probe, will be restarted/,
    );
  });

  test('pod anti-affinity: a third replica fits on neither node, and kube-scheduler says why', async ({
    page,
  }) => {
    const explorer = await runningCluster(page);
    await page.getByRole('button', { name: 'Manifest…' }).click();
    const editor = page.getByRole('dialog', { name: 'Manifest editor' });
    await editor
      .getByRole('textbox', { name: 'Manifest YAML' })
      .fill(
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: solo',
          'spec:',
          '  replicas: 3',
          '  selector:',
          '    matchLabels: {app: solo}',
          '  template:',
          '    metadata:',
          '      labels: {app: solo}',
          '    spec:',
          '      affinity:',
          '        podAntiAffinity:',
          '          requiredDuringSchedulingIgnoredDuringExecution:',
          '          - labelSelector:',
          '              matchLabels: {app: solo}',
          '            topologyKey: kubernetes.io/hostname',
          '      containers:',
          '      - name: app',
          '        image: nginx:1.27',
        ].join('\n'),
      );
    await expect(editor.locator('[data-manifest-status]')).toContainText('Ready to apply: 1 object(s).');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect(explorer.terminalOutput.locator('[data-entry]').last()).toContainText(
      'deployment.apps/solo created',
    );
    await expect(page.locator('[data-pod-status="Running"][aria-label^="solo-"]')).toHaveCount(2, {
      timeout: 30_000,
    });
    await expect
      .poll(
        async () => {
          await explorer.run('kubectl get pods -l app=solo');
          return (await explorer.lastOutput()).match(/\bPending\b/g)?.length ?? 0;
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBe(1);
    await explorer.component('kube-scheduler').click();
    await expect(
      explorer.details
        .locator('[data-decision^="default/solo-"]')
        .filter({ hasText: 'anti-affinity' })
        .first(),
    ).toContainText("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.");
  });

  test('refuses a file over 1 MiB without reading it', async ({ page }) => {
    const tasks = await watchLongTasks(page);
    const explorer = await runningCluster(page);
    await page.getByRole('button', { name: 'Manifest…' }).click();
    const editor = page.getByRole('dialog', { name: 'Manifest editor' });
    await tasks.reset();
    // A file on disk, as a learner picks one (a buffer would be decoded inside the page by the test tool).
    const huge = test.info().outputPath('huge.yaml');
    writeFileSync(huge, Buffer.alloc(1024 * 1024 + 1, 'a'));
    await editor.locator('input[type=file]').setInputFiles(huge);
    await expect(editor.locator('[data-problem]')).toHaveText(
      'The manifest is 1048577 bytes; the limit is 262144 bytes.',
    );
    await expect(editor.getByRole('textbox', { name: 'Manifest YAML' })).toHaveValue('');
    await expect(editor.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(await tasks.longest()).toBeLessThan(200);
    void explorer;
  });

  test('opens a file', async ({ page }) => {
    const explorer = await runningCluster(page);
    await page.getByRole('button', { name: 'Manifest…' }).click();
    const editor = page.getByRole('dialog', { name: 'Manifest editor' });
    await editor.locator('input[type=file]').setInputFiles({
      name: 'svc.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  ports:\n    - port: 80\n',
      ),
    });
    await expect(editor.getByRole('textbox', { name: 'Manifest YAML' })).toHaveValue(/kind: Service/);
    await expect(editor.locator('[data-manifest-status]')).toContainText('Ready to apply');
    void explorer;
  });
});

test.describe('accessibility and screenshots', () => {
  test('axe: the terminal with output, then the manifest editor', async ({ page }) => {
    const explorer = await runningCluster(page);
    await explorer.run('kubectl get pods');
    await explorer.run('kubectl get foos');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Manifest…' }).click();
    await page.getByRole('textbox', { name: 'Manifest YAML' }).fill('apiVersion: v1\nkind: Nope\n');
    await expect(page.locator('[data-problem]').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on a phone a wide table keeps its columns and scrolls sideways; other output wraps', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 760 });
    const explorer = await runningCluster(page, 2);
    // The page itself never scrolls sideways (the settings row wraps within the screen).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await explorer.run('kubectl get pods -A -o wide');
    const table = explorer.terminalOutput.locator('[data-entry]').last().locator('[data-table]');
    const header = table.locator('pre').first();
    const lineHeight = await header.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const lines = (await explorer.lastOutput()).split('\n').length;
    // One screen line per table line: nothing wrapped.
    expect(Math.round((await header.boundingBox())!.height / lineHeight)).toBe(lines);
    expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await table.evaluate((el) => el.scrollBy({ left: 120 }));
    await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await explorer.screenshot('terminal-table-scrolled-390');
    await explorer.run('kubectl describe deployment web');
    const described = explorer.terminalOutput.locator('[data-entry]').last();
    await expect(described.locator('[data-table]')).toHaveCount(0);
    await expect(described).toContainText('Conditions:');
    // Available turns True once the Deployment's status catches up with the pods: either is fine here.
    await expect(described).toContainText(
      /Available\s+(True|False)\s+MinimumReplicas(Available|Unavailable)/,
    );
    expect(await described.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });

  for (const lang of ['en', 'zh'] as const)
    for (const size of [
      { width: 1440, height: 900 },
      { width: 390, height: 760 },
    ])
      test(`screenshots: ${lang} ${size.width}×${size.height}`, async ({ page }) => {
        await page.setViewportSize(size);
        const explorer = await runningCluster(page, 2, lang);
        await explorer.run('kubectl get nodes');
        await explorer.run('kubectl get pods -o wide');
        await explorer.run('kubectl get deploy');
        await explorer.run('kubectl get foos');
        await explorer.screenshot(`terminal-${lang}-${size.width}`);
        await expect(explorer.terminal).toBeVisible();
        await page.getByRole('button', { name: lang === 'en' ? 'Manifest…' : '清单（Manifest）…' }).click();
        await page
          .getByRole('button', { name: lang === 'en' ? 'A Pod that fits nowhere' : '哪里都放不下的 Pod' })
          .click();
        await page.getByRole('textbox', { name: lang === 'en' ? 'Manifest YAML' : '清单 YAML' }).press('End');
        await page
          .getByRole('textbox', { name: lang === 'en' ? 'Manifest YAML' : '清单 YAML' })
          .pressSequentially('\nkind: Bogus');
        await expect(page.locator('[data-problem]').first()).toBeVisible();
        await explorer.screenshot(`manifest-${lang}-${size.width}`);
      });
});
