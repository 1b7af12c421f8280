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

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
