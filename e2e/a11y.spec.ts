import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Explorer } from './pages/explorer';

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
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join(', ')}`,
      );
    expect(bad).toEqual([]);
  });
}
