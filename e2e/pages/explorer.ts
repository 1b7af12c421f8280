/** Page objects for the explorer: the diagram, the Details panel and the settings, found by role and name. */
import { expect, type Locator, type Page } from '@playwright/test';

export const CORE = ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'] as const;
export const ADDONS = ['CoreDNS', 'Dashboard'] as const;
export const nodeNames = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    i === 0 ? 'minikube' : `minikube-m${String(i + 1).padStart(2, '0')}`,
  );

export class Explorer {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`./${query}`);
    await expect(this.component('kube-apiserver')).toBeVisible();
  }

  component(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  node(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  get details(): Locator {
    return this.page.getByRole('complementary', { name: /^(Details|详情)$/ });
  }

  control(name: string | RegExp): Locator {
    return this.page.getByRole('combobox', { name });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  get timeline(): Locator {
    return this.page.getByRole('slider', { name: /^(Timeline|时间轴)$/ });
  }

  get clock(): Locator {
    return this.page.getByRole('timer');
  }

  get eventLog(): Locator {
    return this.page.getByRole('log', { name: /^(Cluster events|集群事件)$/ });
  }

  /** The pods drawn on a node, by STATUS. */
  podsOn(node: string, status?: string): Locator {
    const chips = this.page.locator(`.react-flow__node[data-id="pods/${node}"] [data-pod-status]`);
    return status ? chips.and(this.page.locator(`[data-pod-status="${status}"]`)) : chips;
  }

  /** The labels of the messages in the air right now (painted on the flight canvas). */
  async flightLabels(): Promise<string[]> {
    const labels = await this.page.locator('canvas[data-flights]').getAttribute('data-labels');
    return labels ? labels.split('|') : [];
  }

  /** The flight canvas's pixels, to tell whether anything moved. */
  async flightPixels(): Promise<string> {
    return this.page.locator('canvas[data-flights]').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  }

  /** Waits until the engine has loaded and the run has reached its starting moment. */
  async ready() {
    await expect(this.page.locator('[data-ready]')).toHaveCount(1, { timeout: 15_000 });
  }

  /** Plays until `done` holds, then pauses. */
  async playUntil(done: () => Promise<boolean>, timeout = 60_000) {
    await this.button(/^(Play|播放)$/).click();
    await expect.poll(done, { timeout, intervals: [100] }).toBe(true);
    await this.button(/^(Pause|暂停)$/).click();
  }

  /** The terminal's textbox (the Terminal tab opens it). */
  get terminal(): Locator {
    return this.page.getByRole('textbox', { name: /^(Terminal|终端)$/ });
  }

  get terminalOutput(): Locator {
    return this.page.getByRole('log', { name: /^(Terminal output|终端输出)$/ });
  }

  /** The prompt in front of the terminal's textbox. */
  get prompt(): Locator {
    return this.page.locator('[data-prompt]');
  }

  /** Opens the Terminal tab below the diagram and waits for kubectl's code. */
  async openTerminal() {
    await this.page.getByRole('button', { name: /^(Terminal|终端)$/ }).click();
    await expect(this.terminal).toBeFocused();
  }

  /** Types a line into the terminal and presses Enter. */
  async run(line: string) {
    await this.terminal.fill(line);
    await this.terminal.press('Enter');
  }

  /** Pastes `text` into the terminal at once, as the clipboard would (a block with newlines runs line by line). */
  async paste(text: string) {
    await this.terminal.focus();
    await this.page.evaluate((pasted) => {
      const input = document.activeElement as HTMLInputElement;
      const data = new DataTransfer();
      data.setData('text', pasted);
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** The output of the last command (without its prompt line), as text. */
  async lastOutput(): Promise<string> {
    const entry = this.terminalOutput.locator('[data-entry]').last();
    const parts = await entry.locator('pre').allTextContents();
    return parts.slice(1).join('\n');
  }

  /** The drawn web pods (by STATUS, if given). */
  webPods(status?: string): Locator {
    const pods = this.page.locator('[data-pod-status][aria-label^="web-"]');
    return status ? pods.and(this.page.locator(`[data-pod-status="${status}"]`)) : pods;
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
