import { describe, expect, it } from 'vitest';
import { labelScale } from './FlightLayer';

describe('labelScale', () => {
  it('draws labels full size from zoom 0.6 and with 10-px text at 0.4 and below', () => {
    expect(labelScale(1.1)).toBe(1);
    expect(labelScale(0.6)).toBeCloseTo(1);
    expect(labelScale(0.5)).toBeCloseTo(11 / 12);
    expect(labelScale(0.4)).toBeCloseTo(10 / 12);
    expect(labelScale(0.2)).toBeCloseTo(10 / 12);
  });
});
