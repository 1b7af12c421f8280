import { expect, test } from '@playwright/test';
import { referenceRun } from '../src/engine/testing/referenceRun';

test('the engine gives the same trace, byte for byte, in Chromium as in Node.js', async ({ page }) => {
  for (const seed of [1, 42]) {
    const node = referenceRun(seed);
    await page.goto(`./engine-check.html?seed=${seed}`);
    await expect(page.locator('#hash')).toHaveText(`${node.messages} ${node.hash}`, { timeout: 20_000 });
  }
});
