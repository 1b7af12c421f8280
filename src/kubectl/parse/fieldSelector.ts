/** `--field-selector key=value,key!=value`: dotted paths into the object (`status.phase`, `spec.nodeName`, `involvedObject.name`, `type`). */

export type FieldSelector = readonly { path: string[]; value: string; equal: boolean }[];

export function parseFieldSelector(text: string): FieldSelector | string {
  const out: { path: string[]; value: string; equal: boolean }[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^([A-Za-z][A-Za-z0-9.]*)\s*(==|!=|=)\s*(.*)$/.exec(part.trim());
    if (!m) return `error: invalid selector: '${text}'; can't understand '${part}'`;
    out.push({ path: m[1]!.split('.'), value: m[3]!, equal: m[2] !== '!=' });
  }
  return out;
}

export function fieldsMatch(selector: FieldSelector, object: unknown): boolean {
  return selector.every(({ path, value, equal }) => {
    let v: unknown = object;
    for (const p of path)
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
    const text = v === undefined || v === null ? '' : String(v);
    return (text === value) === equal;
  });
}
