/**
 * The `-o` formats built on JSONPath: `jsonpath=TEMPLATE`, `jsonpath-as-json=TEMPLATE` and
 * `custom-columns=HEADER:PATH,…`, with kubectl's messages for a bad template or spec.
 */
import { table } from '../format/table';
import { evaluate, execute } from './evaluate';
import { goJson, goSyntax, goValue } from './goFormat';
import { JsonPathError, parseTemplate, type Segment } from './parse';

export interface TemplatePrinter {
  /** One document (an object, or the List of several) printed whole. */
  readonly whole: boolean;
  /** The text for `value` (the object or List when `whole`, else the objects), or kubectl's error. */
  print(value: unknown, noHeaders: boolean): { text: string; error: boolean };
}

const FORMATS = ['jsonpath', 'jsonpath-as-json', 'custom-columns'] as const;

/** The printer `-o FORMAT=ARG` asks for; null when FORMAT is none of these; a string is kubectl's error. */
export function templatePrinter(output: string): TemplatePrinter | string | null {
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  if (!(FORMATS as readonly string[]).includes(format)) return null;
  const arg = eq < 0 ? '' : output.slice(eq + 1);
  if (format === 'custom-columns') return customColumns(arg);
  if (!arg) return 'error: template format specified but no template given';
  let template: Segment[];
  try {
    template = parseTemplate(arg);
  } catch (e) {
    if (e instanceof JsonPathError) return `error: error parsing jsonpath ${arg}, ${e.message}`;
    throw e;
  }
  return {
    whole: true,
    print(value) {
      try {
        if (format === 'jsonpath') return { text: execute(template, value), error: false };
        // jsonpath-as-json: every action's results in one indented JSON array.
        const results = template.flatMap((s) => (s.type === 'path' ? evaluate([value], s.path) : []));
        return { text: goJson(results, '    '), error: false };
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return {
          text: [
            `error: error executing jsonpath ${JSON.stringify(arg)}: Error executing template: ${e.message}. Printing more information for debugging the template:`,
            '\ttemplate was:',
            `\t\t${arg}`,
            '\tobject given to jsonpath engine was:',
            `\t\t${goSyntax(value)}`,
          ].join('\n'),
          error: true,
        };
      }
    },
  };
}

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

function customColumns(spec: string): TemplatePrinter | string {
  if (!spec) return 'error: custom-columns format specified but no custom columns given';
  const columns: { header: string; template: Segment[] }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;
    const path = part.slice(colon + 1);
    const m = RELAXED.exec(path);
    if (path && !m)
      return "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    try {
      columns.push({
        header: part.slice(0, colon),
        template: path ? parseTemplate(`{.${m![1] ?? m![2]!}}`) : [],
      });
    } catch (e) {
      if (e instanceof JsonPathError) return `error: ${e.message}`;
      throw e;
    }
  }
  return {
    whole: false,
    print(objects, noHeaders) {
      try {
        const rows = (objects as unknown[]).map((o) => columns.map((c) => cell(c.template, o)));
        return { text: table(noHeaders ? rows : [columns.map((c) => c.header), ...rows]), error: false };
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return { text: `error: ${e.message}`, error: true };
      }
    },
  };
}

/** A cell: every value the column's path reaches, joined by commas; `<none>` when there is none. */
function cell(template: readonly Segment[], object: unknown): string {
  const values = template.flatMap((s) => (s.type === 'path' ? evaluate([object], s.path) : []));
  return values.length ? values.map(goValue).join(',') : '<none>';
}
