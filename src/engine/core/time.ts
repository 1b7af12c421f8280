/** Virtual time: milliseconds since the run began. Never the wall clock. */
export type SimMillis = number & { readonly __brand: 'SimMillis' };

export const millis = (n: number) => n as SimMillis;
export const seconds = (n: number) => (n * 1000) as SimMillis;
export const minutes = (n: number) => (n * 60_000) as SimMillis;

/** The wall-clock instant a run's time 0 maps to, so timestamps look real and never vary between runs. */
export const RUN_EPOCH_MS = Date.UTC(2026, 0, 15, 9, 0, 0);

// Formatting dates is the hottest thing an idle cluster does; the last second's text is kept (a pure memo).
let memoSecond = NaN;
let memoText = '';

/** An RFC 3339 timestamp (seconds precision, as the API server writes them) for a virtual time. */
export function timestamp(t: SimMillis): string {
  const second = Math.floor(t / 1000);
  if (second !== memoSecond) {
    memoSecond = second;
    memoText = new Date(RUN_EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return memoText;
}

// Every Lease renewal writes one: the second's part is kept, the fraction's texts made once.
let microSecond = NaN;
let microPrefix = '';
const MICRO_FRACTIONS = Array.from({ length: 1000 }, (_, ms) => `${String(ms).padStart(3, '0')}000Z`);

/** An RFC 3339 timestamp with microseconds, as Leases' renewTime is written. */
export function microTimestamp(t: SimMillis): string {
  const second = Math.floor(t / 1000);
  if (second !== microSecond) {
    microSecond = second;
    microPrefix = `${timestamp(t).slice(0, -1)}.`;
  }
  return microPrefix + MICRO_FRACTIONS[Math.floor(t) % 1000]!;
}
