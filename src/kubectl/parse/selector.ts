/** Label selectors as `-l` takes them: `app=web`, `app==web`, `tier!=db`, `app`, `!app`, `env in (a,b)`, `env notin (a)`. */

export type Requirement =
  | { op: 'eq' | 'ne'; key: string; value: string }
  | { op: 'exists' | 'notexists'; key: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

export type Selector = readonly Requirement[];

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** Parses a selector; a string is the error kubectl prints. */
export function parseSelector(text: string): Selector | string {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  const out: Requirement[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(part))) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      if (!KEY.test(key) || !VALUE.test(value)) return invalidSelector(text);
      out.push({ op: op === '!=' ? 'ne' : 'eq', key, value });
    } else if ((m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const values = m[3]!.split(',').map((v) => v.trim());
      if (!KEY.test(m[1]!) || values.some((v) => !VALUE.test(v))) return invalidSelector(text);
      out.push({ op: m[2] as 'in' | 'notin', key: m[1]!, values });
    } else if ((m = /^!\s*(\S+)$/.exec(part))) {
      if (!KEY.test(m[1]!)) return invalidSelector(text);
      out.push({ op: 'notexists', key: m[1]! });
    } else if (KEY.test(part)) {
      out.push({ op: 'exists', key: part });
    } else return invalidSelector(text);
  }
  return out;
}

const invalidSelector = (text: string) =>
  `error: unable to parse requirement: found '${text}', expected: identifier`;

export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'eq':
        return has && l[r.key] === r.value;
      case 'ne':
        return !has || l[r.key] !== r.value;
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
    }
  });
}
