/**
 * Resource quantities as Kubernetes writes them (`500m`, `2`, `256Mi`, `1Gi`, `129M`, `1e3`),
 * parsed to exact integers: CPU in millicores, everything else in bytes (or plain units).
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Parsed quantities: the same few strings (`100m`, `128Mi`) come back for every pod. */
const parsed = new Map<string, number>();

/** The value of a quantity in base units (cores, bytes), or NaN when it is not a valid quantity. */
export function parseQuantity(text: string): number {
  let value = parsed.get(text);
  if (value === undefined) {
    if (parsed.size >= 4096) parsed.clear();
    parsed.set(text, (value = parse(text)));
  }
  return value;
}

function parse(text: string): number {
  const m = QUANTITY.exec(text.trim());
  if (!m) return NaN;
  const number = Number(m[1]);
  if (m[3] !== undefined) return number * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return number * (BINARY[suffix] ?? DECIMAL[suffix] ?? NaN);
}

export function isQuantity(text: string): boolean {
  return Number.isFinite(parseQuantity(text));
}

/** CPU in whole millicores, rounded up as Kubernetes rounds sub-milli values (`0.0001` → 1m). */
export function milliCpu(text: string): number {
  const cores = parseQuantity(text);
  return Math.ceil(Math.round(cores * 1e9) / 1e6);
}

/** Memory (or any byte quantity) in whole bytes, rounded up. */
export function bytes(text: string): number {
  return Math.ceil(parseQuantity(text));
}

/** Prints millicores as kubectl does: `250m`, or whole cores as `2`. */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Prints bytes in the largest binary unit that divides them exactly (`170Mi`, `8039424Ki`). */
export function formatBytes(b: number): string {
  for (const [suffix, size] of [
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (b !== 0 && b % size === 0) return `${b / size}${suffix}`;
  }
  return String(b);
}
