import { describe, expect, it } from 'vitest';
import { accuracyAt, bestThreshold, crossValidate, equalErrorRate, tarAtFar, type ScoredPair } from './verificationMetrics.ts';

const pair = (score: number, same: boolean, fold = 0, failed = false): ScoredPair => ({ score, same, fold, ...(failed ? { failed } : {}) });

describe('verification metrics', () => {
  it('puts the best threshold between the classes when they separate', () => {
    const pairs = [pair(0.1, false), pair(0.2, false), pair(0.6, true), pair(0.9, true)];
    const t = bestThreshold(pairs);
    expect(t).toBeGreaterThan(0.2);
    expect(t).toBeLessThan(0.6);
    expect(accuracyAt(pairs, t)).toBe(1);
    expect(equalErrorRate(pairs)).toBe(0);
  });

  it('counts failed pairs as errors whatever their label', () => {
    const pairs = [pair(0.1, false), pair(0.9, true), pair(0, true, 0, true), pair(0, false, 0, true)];
    expect(accuracyAt(pairs, 0.5)).toBe(0.5);
  });

  it('chooses each fold threshold on the other folds only', () => {
    // Fold 0 alone would want a threshold near 0.75; folds 1 and 2 agree on ~0.35, which misclassifies fold 0's 0.5 impostor.
    const pairs = [
      pair(0.5, false, 0), pair(0.9, true, 0),
      pair(0.2, false, 1), pair(0.5, true, 1),
      pair(0.2, false, 2), pair(0.5, true, 2),
    ];
    const cv = crossValidate(pairs);
    expect(cv.foldAccuracies[0]).toBe(0.5);
    expect(cv.foldThresholds[0]).toBeCloseTo(0.35, 5);
    expect(crossValidate(pairs, 0.7).foldAccuracies).toEqual([1, 0.5, 0.5]);
  });

  it('reads TAR at a FAR from the pooled scores', () => {
    const impostors = Array.from({ length: 1000 }, (_, i) => pair((0.9 * i) / 1000, false));
    const genuines = Array.from({ length: 100 }, (_, i) => pair(0.95 + i / 10_000, true)).concat([pair(0.5, true)]);
    const { tar } = tarAtFar([...impostors, ...genuines], 1e-3);
    expect(tar).toBeCloseTo(100 / 101, 5);
  });
});
