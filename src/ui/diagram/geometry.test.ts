import { describe, expect, it } from 'vitest';
import { segmentCrossesBox } from './geometry';

const box = { x: 0, y: 0, w: 10, h: 10 };

describe('segmentCrossesBox', () => {
  it.each([
    [{ x: -5, y: 5 }, { x: 15, y: 5 }, true],
    [{ x: 5, y: -5 }, { x: 5, y: 15 }, true],
    [{ x: 2, y: 2 }, { x: 3, y: 3 }, true],
    [{ x: -5, y: -5 }, { x: -1, y: 20 }, false],
    [{ x: 0, y: -5 }, { x: 0, y: 15 }, false],
    [{ x: 10, y: 5 }, { x: 20, y: 5 }, false],
    [{ x: -5, y: 20 }, { x: 20, y: -5 }, true],
    [{ x: 11, y: 0 }, { x: 11, y: 10 }, false],
  ])('%j → %j crosses: %s', (a, b, crosses) => {
    expect(segmentCrossesBox(a, b, box)).toBe(crosses);
  });
});
