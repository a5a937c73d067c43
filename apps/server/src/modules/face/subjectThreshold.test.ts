import { describe, expect, it } from 'vitest';
import { subjectThreshold } from './subjectThreshold.ts';

describe('subjectThreshold', () => {
  it('is the engine threshold unless the tenant sets bounds', () => {
    expect(subjectThreshold({ engineThreshold: 0.5, pairScores: [0.9, 0.95], settings: null })).toBe(0.5);
  });
  it('follows the lowest enrolment pair score minus the margin, within the bounds', () => {
    const settings = { min: 0.5, max: 0.6, margin: 0.05 };
    expect(subjectThreshold({ engineThreshold: 0.5, pairScores: [0.9, 0.62], settings })).toBeCloseTo(0.57);
    expect(subjectThreshold({ engineThreshold: 0.5, pairScores: [0.99], settings })).toBe(0.6);
    expect(subjectThreshold({ engineThreshold: 0.5, pairScores: [0.3], settings })).toBe(0.5);
  });
});
