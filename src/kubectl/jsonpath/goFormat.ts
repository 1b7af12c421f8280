/**
 * How Go prints the decoded JSON (maps, slices, strings, int64s, float64s, bools, nil) that kubectl
 * hands to its JSONPath printers: `%v` (custom-columns cells, JSONPath text), `%#v` (the object in a
 * template error) and `json.Marshal` (maps and lists in JSONPath output). Go sorts map keys in all three.
 */

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sortedKeys = (m: Record<string, unknown>) =>
  Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort();

/** `fmt.Sprint(v)`. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goValue(v[k])}`)
      .join(' ')}]`;
  return goScalar(v);
}

/** `fmt.Sprintf("%#v", v)`. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isMap(v))
    return `map[string]interface {}{${sortedKeys(v)
      .map((k) => `${JSON.stringify(k)}:${goSyntax(v[k])}`)
      .join(', ')}}`;
  return typeof v === 'string' ? JSON.stringify(v) : goScalar(v);
}

/** `json.Marshal(v)`: keys sorted, no spaces, and `<`, `>`, `&` escaped as Go does. */
export function goJson(v: unknown, indent = ''): string {
  const text = JSON.stringify(sortDeep(v), null, indent || undefined);
  return text.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isMap(v)) return Object.fromEntries(sortedKeys(v).map((k) => [k, sortDeep(v[k])]));
  return v;
}

function goScalar(v: unknown): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
    // Go's %v for float64 is %g: exponents keep a sign and two digits.
    return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(v);
}
