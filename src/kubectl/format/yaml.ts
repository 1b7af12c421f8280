/**
 * Objects as `kubectl get -o yaml` prints them (sigs.k8s.io/yaml: JSON → YAML with sorted keys,
 * two-space indent, lists not indented under their key, ambiguous strings double-quoted).
 */

const AMBIGUOUS =
  /^(true|false|yes|no|on|off|y|n|null|~|<<|[-+]?\.(inf|nan)|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\d{4}-\d\d-\d\d.*)$/i;

/** go-yaml's analyzeScalar for block context: what may not start, or appear in, a plain scalar. */
const FIRST_INDICATOR = /^([#,[\]{}&*!|>'"%@`]|[-?:](\s|$))/;
const SPECIAL = /: |:$| #/;
const hasControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
};

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (
    s === '' ||
    AMBIGUOUS.test(s) ||
    FIRST_INDICATOR.test(s) ||
    SPECIAL.test(s) ||
    hasControl(s) ||
    s.startsWith(' ') ||
    s.endsWith(' ')
  )
    return JSON.stringify(s);
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
