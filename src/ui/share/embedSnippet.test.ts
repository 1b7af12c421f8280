import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl } from './embedSnippet';

const base = {
  base: 'https://course.example/explorer/',
  search: '?scenario=scheduling&step=4&lang=zh',
  height: 560,
  autoplay: false,
  title: 'K8s Architecture Explorer',
};

describe('the embed snippet', () => {
  it('embeds the current view', () => {
    expect(embedUrl(base)).toBe(
      'https://course.example/explorer/?scenario=scheduling&step=4&lang=zh&embed=1',
    );
    expect(embedSnippet(base)).toBe(
      [
        '<iframe src="https://course.example/explorer/?scenario=scheduling&amp;step=4&amp;lang=zh&amp;embed=1"',
        '  title="K8s Architecture Explorer"',
        '  width="100%" height="560" style="border:0"',
        '  sandbox="allow-scripts allow-same-origin" loading="lazy"></iframe>',
      ].join('\n'),
    );
  });

  it('locks a range of steps, starting inside it, and plays by itself when asked', () => {
    const url = new URL(embedUrl({ ...base, steps: { from: 5, to: 7 }, autoplay: true }));
    expect(url.searchParams.get('steps')).toBe('5-7');
    expect(url.searchParams.get('step')).toBe('5');
    expect(url.searchParams.get('autoplay')).toBe('1');
  });

  it('has no range without a workflow, and escapes what it quotes', () => {
    const url = embedUrl({ ...base, search: '?nodes=3', steps: { from: 1, to: 2 } });
    expect(new URL(url).searchParams.has('steps')).toBe(false);
    expect(embedSnippet({ ...base, title: '"><script>' })).toContain('title="&quot;>&lt;script>"');
  });
});
