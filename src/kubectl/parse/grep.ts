/**
 * `| grep [-v] [-i] [-c] [-E|-F] PATTERN`, the one filter the terminal's pipes take. Patterns are
 * literal text plus `.`, `*`, `^`, `$`, `[…]` and (with -E) `+`, `?`, `|`; groups are literal, and at
 * most a few repetitions are allowed, so no pattern can make the page hang.
 */
export type Filter = (text: string) => string;

const MAX_PATTERN = 200;
const MAX_REPEATS = 4;

function toRegExp(pattern: string, extended: boolean, fixed: boolean, ignoreCase: boolean): RegExp | string {
  if (pattern.length > MAX_PATTERN) return `grep: pattern longer than ${MAX_PATTERN} characters`;
  let source = '';
  let repeats = 0;
  if (fixed) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\' && i + 1 < pattern.length) {
        const n = pattern[++i]!;
        source += n === '|' && !extended ? '|' : /[a-zA-Z0-9]/.test(n) ? n : `\\${n}`;
      } else if (c === '[') {
        const end = pattern.indexOf(']', i + 2);
        if (end < 0) return 'grep: Unmatched [, [^, [:, [., or [=';
        source += pattern.slice(i, end + 1).replace(/\\/g, '\\\\');
        i = end;
      } else if (c === '*' || (extended && (c === '+' || c === '?'))) {
        if (++repeats > MAX_REPEATS)
          return `grep: this terminal allows at most ${MAX_REPEATS} repetitions in a pattern`;
        source += source === '' || source.endsWith('|') ? `\\${c}` : c;
      } else if (c === '.' || c === '^' || c === '$' || (extended && c === '|')) source += c;
      else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  try {
    return new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return 'grep: Invalid regular expression';
  }
}

/** A filter from grep's words, or grep's error. */
export function grepFilter(words: readonly string[]): Filter | string {
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let extended = false;
  let fixed = false;
  let pattern: string | undefined;
  for (const w of words) {
    if (pattern === undefined && /^-[a-zA-Z]+$/.test(w)) {
      for (const f of w.slice(1)) {
        if (f === 'v') invert = true;
        else if (f === 'i') ignoreCase = true;
        else if (f === 'c') count = true;
        else if (f === 'E') extended = true;
        else if (f === 'F') fixed = true;
        else return `grep: invalid option -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...`;
      }
    } else if (pattern === undefined) pattern = w;
    else return `grep: ${w}: No such file or directory`;
  }
  if (pattern === undefined)
    return "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.";
  const re = toRegExp(pattern, extended, fixed, ignoreCase);
  if (typeof re === 'string') return re;
  return (text) => {
    const lines = text === '' ? [] : text.split('\n').filter((l) => re.test(l) !== invert);
    return count ? String(lines.length) : lines.join('\n');
  };
}
