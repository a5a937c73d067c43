import { describe, expect, it } from 'vitest';
import { EngineError } from '../EngineError.ts';
import type { FaceTemplate } from '../types.ts';
import { compareNpmTemplates } from './compareNpmTemplates.ts';
import type { RecogniserCalibration } from './compareNpmTemplates.ts';
import { l2Normalize } from './templateMath.ts';

const cal: RecogniserCalibration = { model: 'm', version: '1', dimensions: 3, threshold: 0.5, scale: 0.05, weight: 1 };
const t = (v: number[], model = 'm', version = '1'): FaceTemplate => ({ vectors: [{ model, version, vector: l2Normalize(v) }] });

describe('compareNpmTemplates', () => {
  it('maps cosine through the calibration: above threshold matches, below does not, at threshold scores 0.5', () => {
    const same = compareNpmTemplates(t([1, 0, 0]), t([1, 0.1, 0]), [cal]);
    expect(same.match).toBe(true);
    expect(same.components['m']).toBeCloseTo(0.995, 3);
    const orthogonal = compareNpmTemplates(t([1, 0, 0]), t([0, 1, 0]), [cal]);
    expect(orthogonal.match).toBe(false);
    expect(orthogonal.score).toBeLessThan(0.01);
    const at = compareNpmTemplates(t([1, 0, 0]), t([0.5, Math.sqrt(0.75), 0]), [cal]);
    expect(at.score).toBeCloseTo(0.5, 6);
  });

  it('throws TEMPLATE_MISMATCH for another model or version and TEMPLATE_INVALID for wrong dimensions', () => {
    expect(() => compareNpmTemplates(t([1, 0, 0]), t([1, 0, 0], 'other'), [cal])).toThrow(expect.objectContaining({ code: 'TEMPLATE_MISMATCH' }));
    expect(() => compareNpmTemplates(t([1, 0, 0], 'm', '2'), t([1, 0, 0]), [cal])).toThrow(EngineError);
    expect(() => compareNpmTemplates(t([1, 0]), t([1, 0]), [cal])).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID' }));
  });
});
