import { describe, expect, it } from 'vitest';
import { countTicks, linear, logarithmic, niceStep } from './chartScale.ts';

describe('chart scales', () => {
  it('picks 1, 2 or 5 × 10ⁿ steps', () => {
    expect([0.3, 1, 1.2, 3, 7, 12, 0.0071].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 20, 0.01]);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });

  it('gives whole count ticks from zero that reach the maximum', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(95)).toEqual([0, 50, 100]);
    for (const max of [1, 9, 13, 250, 1234]) {
      const t = countTicks(max);
      expect(t.at(-1)).toBeGreaterThanOrEqual(max);
      expect(t.every((v) => Number.isInteger(v))).toBe(true);
    }
  });

  it('maps linearly and logarithmically, clamping log values to the domain', () => {
    expect(linear(5, [0, 10], [100, 0])).toBe(50);
    expect(linear(3, [2, 2], [7, 9])).toBe(7);
    expect(logarithmic(1e-2, [1e-4, 1], [0, 400])).toBeCloseTo(200);
    expect(logarithmic(0, [1e-4, 1], [0, 400])).toBe(0);
    expect(logarithmic(5, [1e-4, 1], [0, 400])).toBe(400);
  });
});
