import { expect, it } from 'vitest';
import { humanDuration } from './humanDuration';

it.each([
  [-5_000, '<invalid>'],
  [-500, '0s'],
  [0, '0s'],
  [45_000, '45s'],
  [119_999, '119s'],
  [120_000, '2m'],
  [125_000, '2m5s'],
  [600_000, '10m'],
  [179 * 60_000, '179m'],
  [3 * 3_600_000, '3h'],
  [3 * 3_600_000 + 4 * 60_000, '3h4m'],
  [47 * 3_600_000, '47h'],
  [51 * 3_600_000, '2d3h'],
  [10 * 86_400_000, '10d'],
  [800 * 86_400_000, '2y70d'],
])('prints %d ms as %s', (ms, text) => {
  expect(humanDuration(ms)).toBe(text);
});
