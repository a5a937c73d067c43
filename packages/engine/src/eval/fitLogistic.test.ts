import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './fitLogistic.ts';

describe('fitLogistic', () => {
  it('recovers a known logistic relation', () => {
    // Deterministic samples from P(y) = σ(8x − 2) on a grid, with labels set in proportion.
    const x: number[][] = [], y: boolean[] = [];
    for (let i = 0; i <= 100; i++) {
      const v = i / 100;
      const p = 1 / (1 + Math.exp(-(8 * v - 2)));
      for (let k = 0; k < 20; k++) { x.push([v]); y.push(k < Math.round(p * 20)); }
    }
    const fit = fitLogistic(x, y, { l2: 0 });
    expect(predictLogistic(fit, [0.25])).toBeCloseTo(0.5, 1);
    expect(predictLogistic(fit, [0.9])).toBeCloseTo(1 / (1 + Math.exp(-(8 * 0.9 - 2))), 1);
  });

  it('ignores a useless feature', () => {
    const x: number[][] = [], y: boolean[] = [];
    for (let i = 0; i < 400; i++) { const a = (i % 20) / 20; x.push([a, (i * 7919) % 13]); y.push(a > 0.5); }
    const fit = fitLogistic(x, y);
    expect(Math.abs(fit.weights[1] ?? 1)).toBeLessThan(Math.abs(fit.weights[0] ?? 0) / 10);
  });
});
