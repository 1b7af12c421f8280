import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytes, formatBytes, formatMilliCpu, isQuantity, milliCpu, parseQuantity } from './quantity';

describe('quantities', () => {
  it.each([
    ['500m', 500],
    ['0.5', 500],
    ['1', 1000],
    ['2', 2000],
    ['100m', 100],
    ['1.5', 1500],
    ['0.0001', 1],
    ['1e0', 1000],
  ])('cpu %s is %d millicores', (text, m) => {
    expect(milliCpu(text)).toBe(m);
  });

  it.each([
    ['256Mi', 256 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['128974848', 128974848],
    ['129e6', 129e6],
    ['129M', 129e6],
    ['123Mi', 123 * 2 ** 20],
    ['1k', 1000],
    ['8039424Ki', 8039424 * 1024],
  ])('memory %s is %d bytes', (text, b) => {
    expect(bytes(text)).toBe(b);
  });

  it.each(['', 'abc', '1.2.3', '12Q', 'Mi', '--1', '1 Gi', '0x10'])('rejects %j', (text) => {
    expect(isQuantity(text)).toBe(false);
    expect(parseQuantity(text)).toBeNaN();
  });

  it('prints what it parses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64_000 }), (m) => {
        expect(milliCpu(formatMilliCpu(m))).toBe(m);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (b) => {
        expect(bytes(formatBytes(b))).toBe(b);
      }),
    );
    expect(formatBytes(170 * 2 ** 20)).toBe('170Mi');
    expect(formatMilliCpu(750)).toBe('750m');
  });
});
