/**
 * Objects as `kubectl get -o yaml` prints them (sigs.k8s.io/yaml: JSON → YAML with sorted keys,
 * two-space indent, lists not indented under their key; strings quoted only where yaml.v2 quotes them).
 */

/**
 * The plain words yaml.v2's resolver reads as something other than a string (its resolve table:
 * these exact spellings, not every mix of cases).
 */
const SPECIAL_WORDS = new Set(
  [
    'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF',
    '~ null Null NULL <<',
    '.inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN',
  ]
    .join(' ')
    .split(' '),
);
/** strconv.ParseInt(s, 0, 64) once underscores are dropped: decimal, 0x, 0o or 0-led octal, 0b. */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
/** yaml.v2's yamlStyleFloat (tried once the integer parse fails). */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** The starts of the timestamp layouts yaml.v2 tries (2006-1-2, then a time after T, t or a space). */
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(([Tt]| +)\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/;
/** yaml.v2's isBase60Float: sexagesimal numbers YAML 1.1 would read (`1:20`), kept quoted. */
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Whether yaml.v2 would read the plain scalar `s` as another type (it then double-quotes it). */
function resolvesToOther(s: string): boolean {
  if (s === '' || SPECIAL_WORDS.has(s)) return true;
  const c = s[0]!;
  if (!(c === '+' || c === '-' || c === '.' || (c >= '0' && c <= '9'))) return false;
  if (TIMESTAMP.test(s) || BASE60.test(s)) return true;
  const plain = s.replaceAll('_', '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain);
}

/** libyaml's analyzeScalar for block context: what may not start, or appear in, a plain scalar. */
const FIRST_INDICATOR = /^([#,[\]{}&*!|>'"%@`]|[-?:](\s|$)|(---|\.\.\.)(\s|$))/;
const SPECIAL = /:\s|:$|\s#/;
/**
 * A character libyaml does not print as it is, so only a double-quoted scalar can carry it (a line
 * break too, where the caller has not made a literal block of the string).
 */
const hasControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
};

/**
 * A scalar as yaml.v2 writes it: plain when it reads back as the same string; double-quoted when
 * it would read as another type or holds a character only an escape can carry; single-quoted
 * (quotes doubled) when only an indicator or an edge space keeps it from being plain.
 */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (resolvesToOther(s) || hasControl(s)) return JSON.stringify(s);
  if (FIRST_INDICATOR.test(s) || SPECIAL.test(s) || /^\s|\s$/.test(s)) return `'${s.replaceAll("'", "''")}'`;
  return s;
}

/** A string go-yaml writes as a literal block: it has a line break and no other control character or edge space. */
function isBlock(s: string): boolean {
  if (!s.includes('\n') || s.startsWith(' ') || s.endsWith('\n\n')) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || c === 0x7f) return false;
  }
  return true;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function lines(value: unknown, indent: string, out: string[]): void {
  if (isObject(value)) {
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v === undefined) continue;
      const k = scalar(key);
      if (isObject(v) && Object.keys(v).length) {
        out.push(`${indent}${k}:`);
        lines(v, indent + '  ', out);
      } else if (Array.isArray(v) && v.length) {
        out.push(`${indent}${k}:`);
        lines(v, indent, out);
      } else if (typeof v === 'string' && isBlock(v)) {
        // go-yaml writes a multi-line string as a literal block (`|`, or `|-` without a final newline).
        const body = v.endsWith('\n') ? v.slice(0, -1) : v;
        out.push(`${indent}${k}: ${v.endsWith('\n') ? '|' : '|-'}`);
        for (const line of body.split('\n')) out.push(line ? `${indent}  ${line}` : '');
      } else out.push(`${indent}${k}: ${isObject(v) ? '{}' : Array.isArray(v) ? '[]' : scalar(v)}`);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if ((isObject(item) && Object.keys(item).length) || (Array.isArray(item) && item.length)) {
        const inner: string[] = [];
        lines(item, indent + '  ', inner);
        inner[0] = `${indent}- ${inner[0]!.slice(indent.length + 2)}`;
        out.push(...inner);
      } else out.push(`${indent}- ${isObject(item) ? '{}' : Array.isArray(item) ? '[]' : scalar(item)}`);
    }
  } else out.push(indent + scalar(value));
}

export function toYaml(value: unknown): string {
  const out: string[] = [];
  lines(value, '', out);
  return out.join('\n');
}

/** `-o json`: four-space indent, as kubectl's JSON printer. */
export const toJson = (value: unknown) => JSON.stringify(value, null, 4);

/** Several objects print as a `List`. */
export const asList = (items: readonly unknown[]) => ({
  apiVersion: 'v1',
  items,
  kind: 'List',
  metadata: { resourceVersion: '' },
});
