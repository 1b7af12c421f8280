/** Go's time.ParseDuration, as kubectl's duration flags (`--timeout=90s`, `1m30s`, `1.5h`) read them. */
import type { ParsedArgs } from './flags';

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;

/** Milliseconds, or the message Go gives (`time: invalid duration "abc"`). */
export function parseGoDuration(text: string): number | string {
  const invalid = `time: invalid duration "${text}"`;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return invalid;
  let total = 0;
  while (rest) {
    const m = PART.exec(rest);
    if (!m) return /^(\d+\.?\d*|\.\d+)$/.test(rest) ? `time: missing unit in duration "${text}"` : invalid;
    total += Number(m[1]) * UNITS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** A duration flag's milliseconds (`fallback` when absent), or pflag's error for a bad value. */
export function durationFlag(args: ParsedArgs, name: string, fallback: number): number | string {
  const text = args.flags.get(name);
  if (text === undefined) return fallback;
  const ms = parseGoDuration(text);
  return typeof ms === 'string' ? `error: invalid argument "${text}" for "--${name}" flag: ${ms}` : ms;
}
