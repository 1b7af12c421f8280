import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUN_EPOCH_MS } from '../core/time';
import { EventStamper, hexNanos } from './eventStamp';

describe('hexNanos', () => {
  it('is ms · 10⁶ + subNs in hex, as BigInt arithmetic gives it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 999_999 }), (ms, subNs) => {
        expect(hexNanos(ms, subNs)).toBe((BigInt(ms) * 1_000_000n + BigInt(subNs)).toString(16));
      }),
    );
  });

  it('names Events as client-go does: 16 hex digits for a date in this century', () => {
    const { suffix, micro } = new EventStamper('kubelet/minikube').stamp(0 as never);
    expect(suffix).toMatch(/^[0-9a-f]{16}$/);
    expect(BigInt(`0x${suffix}`) / 1_000_000n).toBe(BigInt(RUN_EPOCH_MS));
    expect(micro).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });
});
