import { describe, expect, it } from 'vitest';
import { createI18n, loadComponentDetails, showLanguage } from './i18n';
import { MESSAGES } from './messages';

type Tree = { [key: string]: string | Tree | Tree[] | string[] };

/** Every leaf of a catalog as [path, text]. */
function leaves(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  return Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const en = new Map(leaves(MESSAGES.en));
  const zh = new Map(leaves(MESSAGES.zh));

  it('have the same keys in English and Chinese, none empty', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of [...en, ...zh]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('never translate a command', () => {
    for (const [key, text] of en) if (key.endsWith('.cmd')) expect(zh.get(key), key).toBe(text);
  });

  it('keep the short labels short enough for a diagram card', () => {
    for (const [key, text] of en)
      if (/^components\.[^.]+\.short$/.test(key)) expect(text.length, key).toBeLessThanOrEqual(20);
    for (const [key, text] of zh)
      if (/^components\.[^.]+\.short$/.test(key)) expect(text.length, key).toBeLessThanOrEqual(8);
  });

  it('fill in the node name in component texts, in either language', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const i18n = await createI18n(lang);
      await loadComponentDetails(i18n, lang);
      const text = JSON.stringify(
        i18n.t('components.kubelet', { returnObjects: true, node: 'minikube-m03', runtime: 'docker' }),
      );
      expect(text).toContain('minikube-m03');
      expect(text).not.toContain('{{');
    }
  });

  it("load the components' Details text when asked, and again for a language switched to", async () => {
    const i18n = await createI18n('en');
    expect(i18n.t('components.kubelet.short')).toBe(MESSAGES.en.components.kubelet.short);
    expect(i18n.exists('components.kubelet.analogy')).toBe(false);
    await loadComponentDetails(i18n, 'en');
    expect(i18n.t('components.kubelet.analogy')).toBe(MESSAGES.en.components.kubelet.analogy);
    await showLanguage(i18n, 'zh');
    expect(i18n.t('components.kubelet.analogy')).toBe(MESSAGES.zh.components.kubelet.analogy);
    expect(i18n.t('components.kubelet.short')).toBe(MESSAGES.zh.components.kubelet.short);
  });
});
