/**
 * `| grep [-v] [-i] [-c] [-n] [-E|-F] [-A|-B|-C NUM] [-e] PATTERN [OPTION]...`, the one filter the
 * terminal's pipes take (context groups are parted by `--`, as GNU grep parts them). Patterns are
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

/** GNU grep's long options that this grep takes, by the short option each stands for. */
const LONG: Record<string, string> = {
  'invert-match': 'v',
  'ignore-case': 'i',
  count: 'c',
  'line-number': 'n',
  'extended-regexp': 'E',
  'fixed-strings': 'F',
};

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.";

/**
 * A filter from grep's words, or grep's error. As GNU grep (getopt with permutation), options may
 * come before or after the pattern (`grep web -i`); `--` ends them, and `-e PATTERN` names the
 * pattern outright (so it may start with `-`).
 */
export function grepFilter(words: readonly string[]): Filter | string {
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let numbers = false;
  let extended = false;
  let fixed = false;
  let after = 0;
  let before = 0;
  const patterns: string[] = [];
  const operands: string[] = [];
  const flag = (f: string) => {
    if (f === 'v') invert = true;
    else if (f === 'i') ignoreCase = true;
    else if (f === 'c') count = true;
    else if (f === 'n') numbers = true;
    else if (f === 'E') extended = true;
    else if (f === 'F') fixed = true;
    else return false;
    return true;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      operands.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const long = w.slice(2);
      // Colour only changes what a real terminal shows; this one shows no colour either way.
      if (/^colou?r(=(always|never|auto))?$/.test(long)) continue;
      const short = Object.hasOwn(LONG, long) ? LONG[long]! : undefined;
      if (!short) return `grep: unrecognized option '${w}'\n${USAGE}`;
      flag(short);
    } else if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const f = w[j]!;
        if (f === 'A' || f === 'B' || f === 'C' || f === 'e') {
          // The argument follows at once (-A3, -eweb) or is the next word (-A 3, -e web).
          const rest = w.slice(j + 1);
          const text = rest !== '' ? rest : words[++i];
          if (text === undefined)
            return `grep: option requires an argument -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...`;
          if (f === 'e') {
            patterns.push(text);
            break;
          }
          if (!/^\d{1,9}$/.test(text)) return `grep: ${text}: invalid context length argument`;
          const n = Number(text);
          if (f !== 'B') after = n;
          if (f !== 'A') before = n;
          break;
        }
        if (!flag(f)) return `grep: invalid option -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...`;
      }
    } else operands.push(w);
  }
  // Without -e the first operand is the pattern; any other operand would be a file to read.
  if (!patterns.length) {
    const first = operands.shift();
    if (first === undefined) return USAGE;
    patterns.push(first);
  }
  if (operands.length) return `grep: ${operands[0]}: No such file or directory`;
  const res: RegExp[] = [];
  for (const p of patterns) {
    const re = toRegExp(p, extended, fixed, ignoreCase);
    if (typeof re === 'string') return re;
    res.push(re);
  }
  return (text) => {
    const lines = text === '' ? [] : text.split('\n');
    const hit = lines.map((l) => res.some((re) => re.test(l)) !== invert);
    if (count) return String(hit.filter(Boolean).length);
    return withContext(lines, hit, before, after, numbers).join('\n');
  };
}

/** The matching lines with `before` and `after` lines of context around each, groups parted by `--`. */
function withContext(
  lines: string[],
  hit: boolean[],
  before: number,
  after: number,
  numbers: boolean,
): string[] {
  const out: string[] = [];
  let last = -1; // the last line printed
  let until = -1; // context after a match runs to here
  for (let i = 0; i < lines.length; i++) {
    const shown = hit[i] || i <= until;
    if (hit[i]) {
      const from = Math.max(last + 1, i - before);
      if (last >= 0 && from > last + 1 && (before > 0 || after > 0)) out.push('--');
      for (let j = from; j < i; j++) out.push(numbers ? `${j + 1}-${lines[j]}` : lines[j]!);
      until = i + after;
    }
    if (shown) {
      if (!hit[i] && last >= 0 && i > last + 1 && (before > 0 || after > 0)) out.push('--');
      out.push(numbers ? `${i + 1}${hit[i] ? ':' : '-'}${lines[i]}` : lines[i]!);
      last = i;
    }
  }
  return out;
}
