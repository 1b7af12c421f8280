/**
 * The instant a recorder stamps a new Event with: its name is `<object>.<hex UnixNano>`
 * (`nginx.188a3f5c1d2e4b67`, as client-go's recorders name them) and, for an events.k8s.io Event,
 * its eventTime is the same instant in microseconds.
 */
import { fnv32a } from '../controllers/templateHash';
import { microTimestamp, RUN_EPOCH_MS, type SimMillis } from '../core/time';

export interface EventStamp {
  /** The hex nanoseconds after the object's name. */
  readonly suffix: string;
  /** The same instant as a MicroTime. */
  readonly micro: string;
}

const NS_PER_MS = 1_000_000;
const TWO_16 = 65_536;

/**
 * `ms · 10⁶ + subNs` in hex, for `ms` a Unix time in milliseconds (the product passes 2⁵³, so it is
 * worked out in two parts, high and low 16 bits, each exact as a double: no BigInt per Event).
 */
export function hexNanos(ms: number, subNs: number): string {
  let high = Math.floor(ms / TWO_16) * NS_PER_MS;
  let low = (ms % TWO_16) * NS_PER_MS + subNs;
  high += Math.floor(low / TWO_16);
  low %= TWO_16;
  const lowHex = low.toString(16);
  return high === 0 ? lowHex : high.toString(16) + '0000'.slice(lowHex.length) + lowHex;
}

/**
 * The run's clock steps in milliseconds; the nanoseconds under them come from the recorder's own
 * count, spread over the millisecond by a salt of its own, so that no two Events one recorder
 * makes in a millisecond share a name and two recorders seldom do.
 */
export class EventStamper {
  private sequence = 0;
  private readonly salt: number;

  constructor(identity: string) {
    this.salt = fnv32a(identity) % 1_000_000;
  }

  stamp(now: SimMillis): EventStamp {
    const ms = Math.floor(now);
    const subNs = (this.salt + this.sequence++ * 7_919) % 1_000_000;
    const micros = String(Math.floor(subNs / 1000)).padStart(3, '0');
    return {
      suffix: hexNanos(RUN_EPOCH_MS + ms, subNs),
      micro: `${microTimestamp(now).slice(0, -4)}${micros}Z`,
    };
  }
}
