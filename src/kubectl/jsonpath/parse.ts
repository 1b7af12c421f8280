/**
 * kubectl's JSONPath templates (`-o jsonpath=…`, custom-columns, as client-go's util/jsonpath reads
 * them): text outside braces is printed as it is; inside `{…}` an action is a path (`.a.b`,
 * `['a.b']`, `[0]`, `[1:3]`, `[*]`, `..name`, `[?(@.type=="Ready")]`, unions `[0,2]`), a quoted
 * literal (`{"\n"}`), or `range` … `end`. Errors carry client-go's words, which kubectl prints.
 */

/** One step of a path, applied to every current value. */
export type Step =
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'wildcard' }
  | { readonly type: 'recursive' }
  | {
      readonly type: 'slice';
      readonly start?: number;
      readonly end?: number;
      readonly step?: number;
      readonly index: boolean;
    }
  | { readonly type: 'union'; readonly paths: readonly Path[] }
  | { readonly type: 'filter'; readonly left: Path; readonly op: string; readonly right: Path | null }
  | { readonly type: 'literal'; readonly value: string | number | boolean }
  /** `range` and `end`: they shape the template, and never reach evaluation. */
  | { readonly type: 'keyword'; readonly word: 'range' | 'end' };

export type Path = readonly Step[];

/** A template: text, an action's path, or a range over a path's results. */
export type Segment =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'path'; readonly path: Path }
  | { readonly type: 'range'; readonly path: Path; readonly body: readonly Segment[] };

export class JsonPathError extends Error {}

const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=~]+)(.+?)$/;

/** Parses a whole template. */
export function parseTemplate(text: string): Segment[] {
  const root: Segment[] = [];
  // Open ranges: the segments being filled, innermost last.
  const stack: { body: Segment[]; path: Path | null }[] = [{ body: root, path: null }];
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{', pos);
    const body = stack[stack.length - 1]!.body;
    if (open < 0) {
      body.push({ type: 'text', text: text.slice(pos) });
      break;
    }
    if (open > pos) body.push({ type: 'text', text: text.slice(pos, open) });
    const action = readAction(text, open + 1);
    pos = action.end + 1;
    const words = action.path;
    const first = words[0];
    if (first?.type === 'keyword' && first.word === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      const done = stack.pop()!;
      stack[stack.length - 1]!.body.push({ type: 'range', path: done.path!, body: done.body });
    } else if (first?.type === 'keyword') {
      stack.push({ body: [], path: words.slice(1) });
    } else body.push({ type: 'path', path: words });
  }
  // An unclosed range still prints what it has, as client-go's does.
  while (stack.length > 1) {
    const done = stack.pop()!;
    stack[stack.length - 1]!.body.push({ type: 'range', path: done.path!, body: done.body });
  }
  return root;
}

/** Reads one action from just after its `{` to its `}`; `end` is the brace's index. */
function readAction(text: string, from: number): { path: Step[]; end: number } {
  const steps: Step[] = [];
  let pos = from;
  for (;;) {
    const c = text[pos];
    if (c === undefined || c === '\n' || c === '\r') throw new JsonPathError('unclosed action');
    if (c === '}') return { path: steps, end: pos };
    if (text.startsWith('[?(', pos)) {
      pos = readFilter(text, pos + 3, steps);
      continue;
    }
    if (text.startsWith('..', pos)) {
      if (steps[steps.length - 1]?.type === 'recursive')
        throw new JsonPathError('invalid multiple recursive descent');
      steps.push({ type: 'recursive' });
      pos += 2;
      if (/[\p{L}\p{N}_]/u.test(text[pos] ?? '')) pos = readField(text, pos, steps);
      continue;
    }
    if (c === ' ' || c === '@' || c === '$') pos++;
    else if (c === '[') pos = readBrackets(text, pos + 1, steps);
    else if (c === '"' || c === "'") pos = readQuote(text, pos, c, steps);
    else if (c === '.') pos = readField(text, pos + 1, steps);
    else if (c === '+' || c === '-' || /\d/.test(c)) pos = readNumber(text, pos, steps);
    else if (/[\p{L}\p{N}_]/u.test(c)) pos = readIdentifier(text, pos, steps);
    else
      throw new JsonPathError(
        `unrecognized character in action: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
      );
  }
}

function readField(text: string, from: number, steps: Step[]): number {
  let pos = from;
  while (pos < text.length && !TERMINATORS.has(text[pos]!)) pos += text[pos] === '\\' ? 2 : 1;
  const raw = text.slice(from, pos);
  steps.push(raw === '*' ? { type: 'wildcard' } : { type: 'field', name: raw.replace(/\\/g, '') });
  return pos;
}

function readIdentifier(text: string, from: number, steps: Step[]): number {
  let pos = from;
  while (pos < text.length && !TERMINATORS.has(text[pos]!)) pos++;
  const word = text.slice(from, pos);
  if (word === 'true' || word === 'false') steps.push({ type: 'literal', value: word === 'true' });
  else if (word === 'range' || word === 'end') steps.push({ type: 'keyword', word });
  else throw new JsonPathError(`unrecognized identifier ${word}`);
  return pos;
}

function readNumber(text: string, from: number, steps: Step[]): number {
  let pos = from;
  if (text[pos] === '+' || text[pos] === '-') pos++;
  while (pos < text.length && /[\d.]/.test(text[pos]!)) pos++;
  const raw = text.slice(from, pos);
  const value = Number(raw);
  if (raw === '' || raw === '+' || raw === '-' || Number.isNaN(value))
    throw new JsonPathError(`cannot parse number ${raw}`);
  steps.push({ type: 'literal', value });
  return pos;
}

function readQuote(text: string, from: number, quote: string, steps: Step[]): number {
  let pos = from + 1;
  for (;;) {
    const c = text[pos];
    if (c === undefined || c === '\n') throw new JsonPathError('unterminated quoted string');
    if (c === quote && text[pos - 1] !== '\\') break;
    pos++;
  }
  steps.push({ type: 'literal', value: unquote(text.slice(from + 1, pos)) });
  return pos + 1;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

function unquote(s: string): string {
  return s.replace(/\\(.)/g, (all, c: string) => ESCAPES[c] ?? all);
}

function readBrackets(text: string, from: number, steps: Step[]): number {
  const close = text.indexOf(']', from);
  const newline = text.indexOf('\n', from);
  if (close < 0 || (newline >= 0 && newline < close)) throw new JsonPathError('unterminated array');
  let inner = text.slice(from, close);
  if (inner === '*') inner = ':';
  const parts = inner.split(',');
  if (parts.length > 1) {
    steps.push({ type: 'union', paths: parts.map((p) => readAction(`[${p.trim()}]}`, 0).path) });
    return close + 1;
  }
  const key = DICT_KEY.exec(inner);
  if (key) {
    // As client-go does, the key is read again as a dotted path: ['a.b'] means .a.b (so a key with
    // a dot in it needs the escaped form, .kubernetes\.io/os).
    steps.push(...readAction(`.${key[1]!}}`, 0).path);
    return close + 1;
  }
  const slice = SLICE.exec(inner);
  if (!slice) throw new JsonPathError(`invalid array index ${inner}`);
  const number = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
  const start = number(slice[1]);
  const index = slice[2] === undefined;
  const end = index ? (start ?? 0) + 1 : number(slice[2]!.slice(1));
  const step = slice[3] === undefined ? undefined : number(slice[3].slice(1));
  steps.push({
    type: 'slice',
    index,
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(step !== undefined ? { step } : {}),
  });
  return close + 1;
}

function readFilter(text: string, from: number, steps: Step[]): number {
  let pos = from;
  let quote: string | null = null;
  let closed = false;
  for (; ; pos++) {
    const c = text[pos];
    if (c === undefined || c === '\n') throw new JsonPathError('unterminated filter');
    if ((c === '"' || c === "'") && !closed) {
      if (quote === null) quote = c;
      else if (c === quote && text[pos - 1] !== '\\') closed = true;
    } else if (c === ')' && (quote === null) === !closed) break;
  }
  if (text[pos + 1] !== ']') throw new JsonPathError('unclosed array expect ]');
  const inner = text.slice(from, pos);
  const m = FILTER.exec(inner);
  if (!m) steps.push({ type: 'filter', left: readAction(`${inner}}`, 0).path, op: 'exists', right: null });
  else
    steps.push({
      type: 'filter',
      left: readAction(`${m[1]!}}`, 0).path,
      op: m[2]!,
      right: readAction(`${m[3]!}}`, 0).path,
    });
  return pos + 2;
}
