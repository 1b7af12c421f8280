import { describe, expect, test } from 'vitest';
import { parseFlags } from './flags';
import { grepFilter } from './grep';
import { matches, parseSelector } from './selector';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  test('quotes, escapes, pipes and comments as bash splits them', () => {
    expect(tokenize(`kubectl get pod 'a b' "c \\"d\\"" e\\ f | grep -v x # note`)).toEqual({
      stages: [
        ['kubectl', 'get', 'pod', 'a b', 'c "d"', 'e f'],
        ['grep', '-v', 'x'],
      ],
      unterminated: false,
    });
    expect(tokenize(`echo "open`).unterminated).toBe(true);
    expect(tokenize(`a|b`).stages).toEqual([['a'], ['b']]);
    expect(tokenize(`x ''`).stages).toEqual([['x', '']]);
  });
});

describe('parseFlags (pflag)', () => {
  const specs = {
    namespace: { type: 'string', short: 'n' },
    'all-namespaces': { type: 'bool', short: 'A' },
    output: { type: 'string', short: 'o' },
    watch: { type: 'bool', short: 'w' },
  } as const;
  test('long, short, grouped and = forms', () => {
    const r = parseFlags(
      ['pods', '-n', 'kube-system', '-owide', '--watch', '-Aw', '--output=yaml', 'x'],
      specs,
    );
    expect(r).toEqual({
      ok: true,
      args: {
        positional: ['pods', 'x'],
        flags: new Map([
          ['namespace', 'kube-system'],
          ['output', 'yaml'],
          ['watch', 'true'],
          ['all-namespaces', 'true'],
        ]),
      },
    });
  });
  test('errors as pflag words them', () => {
    expect(parseFlags(['--bogus'], specs)).toEqual({ ok: false, message: 'unknown flag: --bogus' });
    expect(parseFlags(['-z'], specs)).toEqual({ ok: false, message: "unknown shorthand flag: 'z' in -z" });
    expect(parseFlags(['--namespace'], specs)).toEqual({
      ok: false,
      message: 'flag needs an argument: --namespace',
    });
  });
  test('bool values as strconv.ParseBool reads them, long and short', () => {
    const flags = (...words: string[]) => {
      const r = parseFlags(words, specs);
      return r.ok ? Object.fromEntries(r.args.flags) : r.message;
    };
    expect(flags('--watch=false')).toEqual({ watch: 'false' });
    expect(flags('--watch=0', '-A=T')).toEqual({ watch: 'false', 'all-namespaces': 'true' });
    expect(flags('-w=false')).toEqual({ watch: 'false' });
    expect(flags('-Aw=False')).toEqual({ 'all-namespaces': 'true', watch: 'false' });
    expect(flags('--watch=maybe')).toBe(
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
  });
  test('negative numbers are values, not flags', () => {
    expect(parseFlags(['-1'], specs)).toMatchObject({ ok: true, args: { positional: ['-1'] } });
  });
});

describe('label selectors', () => {
  test('=, ==, !=, exists, !exists, in, notin', () => {
    const labels = { app: 'web', tier: 'front' };
    const ok = (s: string) => {
      const sel = parseSelector(s);
      if (typeof sel === 'string') throw new Error(sel);
      return matches(sel, labels);
    };
    expect(ok('app=web')).toBe(true);
    expect(ok('app==web,tier=front')).toBe(true);
    expect(ok('app!=web')).toBe(false);
    expect(ok('tier')).toBe(true);
    expect(ok('!tier')).toBe(false);
    expect(ok('app in (api, web)')).toBe(true);
    expect(ok('tier notin (front)')).toBe(false);
    expect(parseSelector('a=b=c')).toMatch(/^error: unable to parse requirement/);
  });
});

describe('grep', () => {
  const text = 'NAME   READY\nweb-1   1/1\napi-2   0/1';
  const grep = (...words: string[]) => {
    const f = grepFilter(words);
    if (typeof f === 'string') throw new Error(f);
    return f(text);
  };
  test('-v, -i, -c, -E, -F and anchors', () => {
    expect(grep('web')).toBe('web-1   1/1');
    expect(grep('-v', 'web')).toBe('NAME   READY\napi-2   0/1');
    expect(grep('-i', 'NAME')).toBe('NAME   READY');
    expect(grep('-c', '/1')).toBe('2');
    expect(grep('-E', 'web|api')).toBe('web-1   1/1\napi-2   0/1');
    expect(grep('^a.*1$')).toBe('api-2   0/1');
    expect(grep('-F', '.')).toBe('');
  });
  test('-A, -B, -C and -n, with groups parted by --, as GNU grep prints them', () => {
    const ten = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj';
    const run = (...words: string[]) => (grepFilter(words) as (t: string) => string)(ten);
    expect(run('-A1', '[ch]')).toBe('c\nd\n--\nh\ni');
    expect(run('-B', '1', '[ch]')).toBe('b\nc\n--\ng\nh');
    expect(run('-C1', '[ch]')).toBe('b\nc\nd\n--\ng\nh\ni');
    expect(run('-C3', '[ch]')).toBe('a\nb\nc\nd\ne\nf\ng\nh\ni\nj');
    expect(run('-n', '-A1', '[ch]')).toBe('3:c\n4-d\n--\n8:h\n9-i');
    expect(run('-nA1', 'j')).toBe('10:j');
    expect(grepFilter(['-A', 'x', 'a'])).toBe('grep: x: invalid context length argument');
    expect(grepFilter(['-A'])).toContain("option requires an argument -- 'A'");
  });
  test('options after the pattern, as GNU grep permutes them; -- and -e; long options', () => {
    expect(grep('web', '-v')).toBe('NAME   READY\napi-2   0/1');
    expect(grep('name', '-i')).toBe('NAME   READY');
    expect(grep('/1', '-c')).toBe('2');
    expect(grep('-v', 'web', '-i', '-c')).toBe('2');
    expect(grep('web|api', '-E', '-v')).toBe('NAME   READY');
    expect(grep('--ignore-case', 'name')).toBe('NAME   READY');
    expect(grep('web', '--invert-match', '--count')).toBe('2');
    expect(grep('-e', 'web', '-e', 'api')).toBe('web-1   1/1\napi-2   0/1');
    expect(grep('-e-1')).toBe('web-1   1/1');
    expect(grep('--', '-2')).toBe('api-2   0/1');
    expect(grepFilter(['--', 'web', '-i'])).toBe('grep: -i: No such file or directory');
    expect(grepFilter(['web', 'pods.txt'])).toBe('grep: pods.txt: No such file or directory');
    expect(grepFilter(['web', '-z'])).toContain("grep: invalid option -- 'z'");
    expect(grep('web', '--color=always')).toBe('web-1   1/1');
    expect(grepFilter(['web', '--perl-regexp'])).toContain("grep: unrecognized option '--perl-regexp'");
    expect(grepFilter(['-i'])).toContain('Usage: grep [OPTION]... PATTERNS [FILE]...');
  });
  test('refuses what could hang', () => {
    expect(grepFilter(['a*a*a*a*a*'])).toContain('at most 4 repetitions');
    expect(grepFilter(['x'.repeat(201)])).toContain('longer than 200');
  });
});
