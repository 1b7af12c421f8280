/**
 * Runs a parsed JSONPath template over an object as kubectl does (missing keys allowed, as
 * `--allow-missing-template-keys` defaults): each action's results are printed side by side with a
 * space, maps and lists as JSON, a range prints its body once per result.
 */
import { goJson, goValue } from './goFormat';
import { JsonPathError, type Path, type Segment, type Step } from './parse';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The template's output for `data`. */
export function execute(template: readonly Segment[], data: unknown): string {
  let out = '';
  for (const segment of template) {
    if (segment.type === 'text') out += segment.text;
    else if (segment.type === 'path') out += printResults(evaluate([data], segment.path));
    else for (const value of evaluate([data], segment.path)) out += execute(segment.body, value);
  }
  return out;
}

/** Every value the path reaches from `input`. */
export function evaluate(input: readonly unknown[], path: Path): unknown[] {
  let values = [...input];
  for (const step of path) values = apply(values, step);
  return values;
}

function printResults(results: readonly unknown[]): string {
  return results
    .map((r) => (typeof r === 'object' && r !== null ? goJson(r) : r === undefined ? '' : goValue(r)))
    .join(' ');
}

function apply(values: unknown[], step: Step): unknown[] {
  switch (step.type) {
    case 'field':
      return values.filter(isMap).flatMap((v) => (Object.hasOwn(v, step.name) ? [v[step.name]] : []));
    case 'wildcard':
      return values.flatMap(children);
    case 'recursive':
      return values.flatMap(descend);
    case 'slice':
      return values.flatMap((v) => slice(v, step));
    case 'union':
      return step.paths.flatMap((p) => evaluate(values, p));
    case 'filter':
      return values.flatMap((v) => filter(v, step));
    case 'literal':
      return values.map(() => step.value);
    case 'keyword':
      throw new JsonPathError(step.word === 'end' ? 'not in range, nothing to end' : 'unexpected range');
  }
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k]);
  if (typeof v === 'string') return [...v];
  return [];
}

/** `..`: a container, then everything under it (containers only, as client-go walks). */
function descend(v: unknown): unknown[] {
  const inner = isMap(v) || Array.isArray(v) ? children(v) : [];
  return inner.length ? [v, ...inner.flatMap(descend)] : [];
}

const goType = (v: unknown) =>
  isMap(v)
    ? 'map[string]interface {}'
    : typeof v === 'string'
      ? 'string'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'int64'
          : 'float64'
        : typeof v === 'boolean'
          ? 'bool'
          : 'interface {}';

function slice(v: unknown, step: Extract<Step, { type: 'slice' }>): unknown[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new JsonPathError(`${goType(v)} is not array or slice`);
  const length = v.length;
  let start = step.start ?? 0;
  if (start < 0) start += length;
  let end = step.end ?? length;
  if (step.end !== undefined && (end < 0 || (end === 0 && step.index))) end += length;
  if (end === start) return [];
  if (start >= length || start < 0)
    throw new JsonPathError(`array index out of bounds: index ${start}, length ${length}`);
  if (end > length || end < 0)
    throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${length}`);
  if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
  const by = step.step ?? 1;
  if (step.step !== undefined && by <= 0) throw new JsonPathError('step must be > 0');
  const out: unknown[] = [];
  for (let i = start; i < end; i += by) out.push(v[i]);
  return out;
}

function filter(v: unknown, step: Extract<Step, { type: 'filter' }>): unknown[] {
  if (!Array.isArray(v))
    throw new JsonPathError(`${goValue(v)} is not array or slice and cannot be filtered`);
  return v.filter((item) => {
    const lefts = evaluate([item], step.left);
    if (step.op === 'exists') return lefts.length > 0;
    const rights = evaluate([item], step.right ?? []);
    if (!lefts.length || !rights.length) return false;
    if (lefts.length > 1 || rights.length > 1)
      throw new JsonPathError('can only compare one element at a time');
    return compare(lefts[0], step.op, rights[0]);
  });
}

/** Go template's comparisons: numbers with numbers, strings with strings; `=~` a regular expression. */
function compare(left: unknown, op: string, right: unknown): boolean {
  if (op === '=~') {
    if (typeof left !== 'string' || typeof right !== 'string')
      throw new JsonPathError(
        `regexp search only support string now but getting pattern: ${JSON.stringify(right)}, data: ${JSON.stringify(left)}`,
      );
    return matcher(right).test(left);
  }
  if (typeof left !== typeof right || left === null || typeof left === 'object')
    throw new JsonPathError('incompatible types for comparison');
  const l = left as string | number | boolean;
  const r = right as string | number | boolean;
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
  }
  if (typeof l === 'boolean') throw new JsonPathError('invalid type for comparison');
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
  }
  throw new JsonPathError(`unrecognized filter operator ${op}`);
}

/**
 * Go's RE2 runs any pattern in linear time; a JavaScript RegExp backtracks, so a nested repetition
 * such as `(a+)+` could hang the page. Those are refused rather than run.
 */
function matcher(pattern: string): RegExp {
  if (/\([^()]*[+*}][^()]*\)[+*{]/.test(pattern))
    throw new JsonPathError(`this simulated kubectl does not run nested repetitions such as ${pattern}`);
  try {
    return new RegExp(pattern);
  } catch (e) {
    throw new JsonPathError(`error parsing regexp: ${(e as Error).message}`);
  }
}
