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

const NS_PER_MS = 1_000_000n;

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
    const nanos = BigInt(RUN_EPOCH_MS + ms) * NS_PER_MS + BigInt(subNs);
    const micros = String(Math.floor(subNs / 1000)).padStart(3, '0');
    return { suffix: nanos.toString(16), micro: `${microTimestamp(now).slice(0, -4)}${micros}Z` };
  }
}
