import { describe, expect, it } from 'vitest';
import { EngineError } from '../EngineError.ts';
import type { FaceTemplate } from '../types.ts';
import { compareNpmTemplates } from './compareNpmTemplates.ts';
import type { ScoreCalibration } from './compareNpmTemplates.ts';
import { l2Normalize } from './templateMath.ts';

const m = { model: 'm', version: '1', dimensions: 3 };
const n = { model: 'n', version: '1', dimensions: 2 };
// Undecided at cosine 0.5 for m alone; the fusion adds n.
const single: ScoreCalibration = { models: [m], bias: -10, weights: [20] };
const fused: ScoreCalibration = { models: [m, n], bias: -20, weights: [20, 20] };
const t = (v: number[], model = 'm', version = '1'): FaceTemplate => ({ vectors: [{ model, version, vector: l2Normalize(v) }] });
const both = (v: number[], w: number[]): FaceTemplate => ({ vectors: [...t(v).vectors, ...t(w, 'n').vectors] });

describe('compareNpmTemplates', () => {
  it('maps cosine through the calibration: above its midpoint matches, below does not, at it scores 0.5', () => {
    const same = compareNpmTemplates(t([1, 0, 0]), t([1, 0.1, 0]), [single]);
    expect(same.match).toBe(true);
    expect(same.components['m']).toBeCloseTo(0.995, 3);
    const orthogonal = compareNpmTemplates(t([1, 0, 0]), t([0, 1, 0]), [single]);
    expect(orthogonal.match).toBe(false);
    expect(orthogonal.score).toBeLessThan(0.01);
    const at = compareNpmTemplates(t([1, 0, 0]), t([0.5, Math.sqrt(0.75), 0]), [single]);
    expect(at.score).toBeCloseTo(0.5, 6);
  });

  it('uses the fusion when both templates carry every model, else falls back to the primary alone', () => {
    const a = both([1, 0, 0], [1, 0]);
    const b = both([0.5, Math.sqrt(0.75), 0], [1, 0.05]);
    const f = compareNpmTemplates(a, b, [fused, single]);
    expect(Object.keys(f.components).sort()).toEqual(['m', 'n']);
    expect(f.match).toBe(true); // n's agreement tips the undecided m
    const primaryOnly = compareNpmTemplates(a, t([0.5, Math.sqrt(0.75), 0]), [fused, single]);
    expect(Object.keys(primaryOnly.components)).toEqual(['m']);
    expect(primaryOnly.score).toBeCloseTo(0.5, 6);
  });

  it('throws TEMPLATE_MISMATCH for another model or version and TEMPLATE_INVALID for wrong dimensions', () => {
    expect(() => compareNpmTemplates(t([1, 0, 0]), t([1, 0, 0], 'other'), [fused, single])).toThrow(expect.objectContaining({ code: 'TEMPLATE_MISMATCH' }));
    expect(() => compareNpmTemplates(t([1, 0, 0], 'm', '2'), t([1, 0, 0]), [single])).toThrow(EngineError);
    expect(() => compareNpmTemplates(t([1, 0]), t([1, 0]), [single])).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID' }));
  });
});
