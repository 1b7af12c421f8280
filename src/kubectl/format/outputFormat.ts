/**
 * `-o FORMAT[=ARG]` checked against what real kubectl's printers take and what this simulated kubectl
 * prints: an unknown format gets kubectl's own message (its allowed formats, sorted, as
 * `NoCompatiblePrinterError` lists them); a format real kubectl has but this one does not print
 * (`go-template`, `template`, the `-file` forms…) gets a plain message saying so and what works.
 */

/** What `-o` takes in real `kubectl get` (genericclioptions PrintFlags plus wide and custom-columns). */
export const GET_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
] as const;

/** The formats written `FORMAT=ARG` (templatePrinterForOutput's split at the first `=`). */
const TEMPLATES = new Set([
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'template',
  'templatefile',
]);

/** How each format this simulation prints is shown in the message. */
const SHOWN: Record<string, string> = {
  json: '-o json',
  yaml: '-o yaml',
  name: '-o name',
  wide: '-o wide',
  jsonpath: '-o jsonpath=TEMPLATE',
  'jsonpath-as-json': '-o jsonpath-as-json=TEMPLATE',
  'custom-columns': '-o custom-columns=SPEC',
};

const list = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}` : (items[0] ?? '');

/**
 * kubectl's error for `-o output`, or null when this simulation prints it. `allowed` is what real
 * kubectl takes for the command; `supported` what this simulation prints of those.
 */
export function outputFormatError(
  output: string,
  allowed: readonly string[],
  supported: readonly string[],
): string | null {
  const eq = output.indexOf('=');
  const head = eq < 0 ? output : output.slice(0, eq);
  // Only the template formats take `=ARG`: `-o yaml=x` is no format at all.
  const format = TEMPLATES.has(head) ? head : output;
  if (supported.includes(format)) return null;
  if (allowed.includes(format))
    return `error: this simulated kubectl does not print -o ${format} (real kubectl does); it prints ${list(
      supported.map((f) => SHOWN[f] ?? `-o ${f}`),
    )}`;
  return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${[
    ...allowed,
  ]
    .sort()
    .join(',')}`;
}
