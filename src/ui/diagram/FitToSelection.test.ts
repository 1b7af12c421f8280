import { describe, expect, it } from 'vitest';
import { maxFrameZoom } from './FitToSelection';

describe('maxFrameZoom', () => {
  it('keeps a wide diagram at 0.65 and brings a narrow one closer, up to 0.9', () => {
    expect(maxFrameZoom(1600)).toBe(0.65);
    expect(maxFrameZoom(900)).toBe(0.65);
    expect(maxFrameZoom(700)).toBeCloseTo(0.775);
    expect(maxFrameZoom(540)).toBeGreaterThan(0.85);
    expect(maxFrameZoom(390)).toBe(0.9);
  });
});
