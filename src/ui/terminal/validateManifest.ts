/**
 * Checks a manifest before it is applied: its size, YAML syntax (line and column from the `yaml`
 * package, loaded when first needed), alias bombs, and each document's shape (apiVersion, kind,
 * metadata.name, a kind the cluster serves). Problems are i18n keys with values, so they read in
 * either language.
 */
import type { panelTextEn } from '../../i18n/en/panelText';

export type ProblemKey = `manifest.error.${keyof (typeof panelTextEn)['manifest']['error']}`;

export interface Problem {
  readonly key: ProblemKey;
  readonly values: Readonly<Record<string, string | number>>;
  /** 1-based, where the problem is. */
  readonly line?: number;
  readonly col?: number;
}

export interface Verdict {
  readonly problems: readonly Problem[];
  /** Objects found (documents that are not empty). */
  readonly count: number;
}

/** Aliases a document may expand to before it is called a bomb (the `yaml` package's own default). */
const MAX_ALIAS_COUNT = 100;

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export async function validateManifest(
  text: string,
  limit: number,
  kinds: readonly string[],
): Promise<Verdict> {
  const size = byteLength(text);
  if (size > limit)
    return { problems: [{ key: 'manifest.error.tooBig', values: { size, limit } }], count: 0 };
  const { parseAllDocuments, LineCounter, isMap, isScalar, visit } = await import('yaml');
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lines, prettyErrors: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const problems: Problem[] = [];
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lines.linePos(offset);
    return { line, col };
  };
  let count = 0;
  docs.forEach((doc, i) => {
    const n = i + 1;
    // The first syntax error of a document only: the parser's later ones mostly follow from it
    // (one bad indent gives nine), and are counted rather than listed.
    const error = doc.errors[0];
    if (error) {
      // The position is shown apart, so the message leaves out its own "at line 3, column 7:".
      const message = (error.message.split('\n')[0] ?? error.message).replace(
        / at line \d+, column \d+:?$/,
        '',
      );
      const pos = error.linePos?.[0];
      const more = doc.errors.length - 1;
      problems.push({
        key: more ? 'manifest.error.syntaxMore' : 'manifest.error.syntax',
        values: more ? { message, count: more } : { message },
        ...(pos ? { line: pos.line, col: pos.col } : {}),
      });
    }
    if (doc.errors.length) return;
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    count++;
    const start = at(contents.range?.[0]);
    if (!isMap(contents)) {
      problems.push({ key: 'manifest.error.notMapping', values: { doc: n }, ...start });
      return;
    }
    let aliases = 0;
    visit(doc, {
      Alias() {
        aliases++;
      },
    });
    if (aliases > 0) {
      try {
        doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        problems.push({ key: 'manifest.error.aliases', values: { doc: n }, ...start });
        return;
      }
    }
    for (const field of ['apiVersion', 'kind'] as const) {
      const value = doc.get(field);
      if (typeof value !== 'string' || value === '')
        problems.push({ key: 'manifest.error.missing', values: { doc: n, field }, ...start });
    }
    const name = doc.getIn(['metadata', 'name']);
    if (typeof name !== 'string' || name === '')
      problems.push({ key: 'manifest.error.missing', values: { doc: n, field: 'metadata.name' }, ...start });
    const kind = doc.get('kind');
    if (typeof kind === 'string' && kind !== '' && !kinds.includes(kind)) {
      const node = contents.get('kind', true);
      problems.push({
        key: 'manifest.error.unknownKind',
        values: { doc: n, kind, kinds: kinds.join(', ') },
        ...(isScalar(node) ? at(node.range?.[0]) : start),
      });
    }
  });
  return { problems, count };
}
