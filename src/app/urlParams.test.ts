import { describe, expect, it } from 'vitest';
import { parseUrlParams, settingsToSearch } from './urlParams';

describe('parseUrlParams', () => {
  it('starts with one docker node, the preferred language and the system theme', () => {
    expect(parseUrlParams('', 'zh')).toEqual({
      config: { nodeCount: 1, runtime: 'docker' },
      language: 'zh',
      theme: null,
      notices: [],
      seed: 1,
      pods: 3,
      autoplay: false,
      embed: false,
    });
  });

  it('reads speed, autoplay, seed and pods', () => {
    const init = parseUrlParams('?speed=0.25&autoplay=1&seed=42&pods=100');
    expect(init).toMatchObject({ speed: 0.25, autoplay: true, seed: 42, pods: 100, notices: [] });
  });

  it.each([
    ['speed', '17'],
    ['speed', '0.1'],
    ['speed', 'fast'],
    ['speed', '1e3'],
    ['autoplay', 'yes'],
    ['seed', '-1'],
    ['seed', '99999999999'],
    ['pods', '101'],
    ['pods', '1000000'],
    ['pods', '<b>3</b>'],
  ])('rejects %s=%j with a notice', (name, value) => {
    const init = parseUrlParams(`?${name}=${encodeURIComponent(value)}`);
    expect(init.notices.map((n) => n.name)).toEqual([name]);
    expect(init).toMatchObject({ seed: 1, pods: 3, autoplay: false });
    expect(init.speed).toBeUndefined();
  });

  it('reads nodes, runtime, lang and theme', () => {
    const init = parseUrlParams('?nodes=10&runtime=cri-o&lang=zh&theme=dark');
    expect(init.config).toEqual({ nodeCount: 10, runtime: 'cri-o' });
    expect(init.language).toBe('zh');
    expect(init.theme).toBe('dark');
    expect(init.notices).toEqual([]);
  });

  it.each(['0', '11', '-1', '2.5', '1e1', '999999999999', 'three', '', ' ', '0x3'])(
    'rejects nodes=%j with a notice and keeps one node',
    (value) => {
      const init = parseUrlParams(`?nodes=${encodeURIComponent(value)}`);
      expect(init.config.nodeCount).toBe(1);
      expect(init.notices).toEqual([{ name: 'nodes', value, expected: 'expectNodes', fallback: '1' }]);
    },
  );

  it('rejects unknown runtimes, languages and themes, one notice each', () => {
    const init = parseUrlParams('?runtime=rkt&lang=fr&theme=neon');
    expect(init.config.runtime).toBe('docker');
    expect(init.language).toBe('en');
    expect(init.theme).toBeNull();
    expect(init.notices.map((n) => n.name)).toEqual(['runtime', 'lang', 'theme']);
  });

  it('quotes at most 40 characters of a hostile value', () => {
    const hostile = '<script>alert(1)</script>'.repeat(100);
    const [notice] = parseUrlParams(`?runtime=${encodeURIComponent(hostile)}`).notices;
    expect(notice?.value).toHaveLength(41);
    expect(notice?.value.endsWith('…')).toBe(true);
  });
});

describe('settingsToSearch', () => {
  it('writes only what differs from the defaults and keeps other parameters', () => {
    expect(
      settingsToSearch('?course=intro&nodes=4', {
        config: { nodeCount: 1, runtime: 'containerd' },
        language: 'zh',
        theme: null,
        seed: 1,
        pods: 3,
        playback: { speed: 1 },
      }),
    ).toBe('?course=intro&runtime=containerd&lang=zh');
  });

  it('round-trips through parseUrlParams', () => {
    const settings = {
      config: { nodeCount: 7, runtime: 'cri-o' as const },
      language: 'en' as const,
      theme: 'dark' as const,
      seed: 9,
      pods: 12,
      playback: { speed: 4 },
    };
    const init = parseUrlParams(settingsToSearch('', settings));
    expect({ ...init, notices: undefined, autoplay: undefined, embed: undefined }).toEqual({
      ...settings,
      speed: 4,
      playback: undefined,
      notices: undefined,
      autoplay: undefined,
      embed: undefined,
    });
  });

  it('names the workflow and its step, and leaves the cluster size to the workflow', () => {
    const search = settingsToSearch('?nodes=4&embed=1&steps=2-4', {
      config: { nodeCount: 3, runtime: 'docker' },
      language: 'en',
      theme: null,
      seed: 1,
      pods: 3,
      playback: { speed: 1 },
      guide: { source: 'scheduling', step: 2 },
    });
    expect(search).toBe('?embed=1&steps=2-4&scenario=scheduling&step=3&lang=en');
    expect(parseUrlParams(search, 'en', ['scheduling'])).toMatchObject({
      scenario: 'scheduling',
      step: 2,
      embed: true,
      steps: { from: 1, to: 3 },
    });
  });

  it.each([
    ['scenario', 'https://evil.example/x.json'],
    ['scenario', '//evil.example/x.json'],
    ['scenario', '../../etc/passwd.json'],
    ['scenario', 'javascript:alert(1)'],
    ['scenario', 'nope'],
    ['embed', 'yes'],
  ])('refuses ?%s=%s with a notice', (name, value) => {
    const query = `${name === 'scenario' ? '?' : '?scenario=tour&'}${name}=${encodeURIComponent(value)}`;
    const init = parseUrlParams(query, 'en', ['tour']);
    expect(init.notices.map((n) => n.name)).toContain(name);
  });

  it.each(['0-2', '5-3', 'a-b', '3'])('refuses ?steps=%s', (value) => {
    const init = parseUrlParams(`?scenario=tour&steps=${value}`, 'en', ['tour']);
    expect(init.notices.map((n) => n.name)).toEqual(['steps']);
  });
});
