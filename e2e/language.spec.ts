/**
 * The language switches live on every screen: after choosing 中文, no English text of the catalog
 * is left on screen (real component and object names are the same in both and are not counted).
 */
import { expect, test, type Page } from '@playwright/test';
import { MESSAGES } from '../src/i18n/messages';
import { Explorer } from './pages/explorer';

/** Every catalog text whose Chinese differs from its English, without placeholders. */
function englishOnly(): string[] {
  const leaves = (tree: unknown, path = ''): [string, string][] =>
    typeof tree === 'string'
      ? [[path, tree]]
      : Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) =>
          leaves(v, path ? `${path}.${k}` : k),
        );
  const zh = new Map(leaves(MESSAGES.zh));
  return leaves(MESSAGES.en)
    .filter(
      ([key, text]) =>
        zh.get(key) !== text && !text.includes('{{') && /[a-z]{3}/.test(text) && text.length >= 6,
    )
    .map(([, text]) => text);
}

/** Whole texts on screen (each element's own text, and names given by aria-label or title), none English. */
async function expectNoEnglish(page: Page) {
  const shown = new Set(
    await page.evaluate(() => {
      const texts: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (own && (el as HTMLElement).offsetParent !== null) texts.push(own);
        for (const attribute of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(attribute);
          if (value) texts.push(value.trim());
        }
      }
      return texts;
    }),
  );
  const left = englishOnly().filter((text) => shown.has(text));
  expect(left).toEqual([]);
}

const SCREENS: { name: string; query: string; then?: (page: Page) => Promise<void> }[] = [
  { name: 'free play', query: '?nodes=2' },
  {
    name: 'Details of kube-scheduler',
    query: '?nodes=2',
    then: async (page) => {
      await new Explorer(page).component('kube-scheduler').click();
    },
  },
  {
    name: 'a workflow with a prediction',
    query: '?scenario=node-failure&step=2&speed=16',
    then: async (page) => {
      await expect(page.locator('[data-guide]')).toHaveAttribute('data-phase', 'predict', {
        timeout: 30_000,
      });
    },
  },
  {
    name: 'the Share dialog',
    query: '?scenario=tour',
    then: async (page) => {
      await page.getByRole('button', { name: /^(Share|分享)$/ }).click();
    },
  },
  {
    name: 'the shortcuts',
    query: '?nodes=2',
    then: async (page) => {
      await page.keyboard.press('?');
    },
  },
];

for (const screen of SCREENS) {
  test(`switching to Chinese leaves no English on ${screen.name}, and back`, async ({ page }) => {
    test.setTimeout(60_000);
    const explorer = new Explorer(page);
    await explorer.open(`${screen.query}&lang=en`);
    await explorer.ready();
    await screen.then?.(page);
    // Switched from the top bar, which stays reachable under a modal dialog through the URL-less store.
    const language = page.getByRole('combobox', { name: /^(Language|语言)$/ });
    if (await page.getByRole('dialog').count()) {
      await page.evaluate(() => document.querySelector('dialog')?.close());
      await language.selectOption('zh');
      await screen.then?.(page);
    } else await language.selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoEnglish(page);
    await language.selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
}
