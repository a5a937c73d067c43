import { describe, expect, it } from 'vitest';
import type { FaceTemplate } from '../types.ts';
import type { FaceCalibration } from './FaceCalibration.ts';
import { compareTemplates } from './compareTemplates.ts';

const unit = (...xs: number[]): Float32Array => { const n = Math.hypot(...xs); return Float32Array.from(xs.map((x) => x / n)); };
const tpl = (vector: Float32Array, version = 'v1', magnitude?: number): FaceTemplate => ({ vectors: [{ model: 'm', version, vector, ...(magnitude === undefined ? {} : { magnitude }) }] });

const calibration: FaceCalibration = {
  schema: 'authloop/face-calibration@2', version: 'test', engine: 'onnx',
  fittedOn: { dataset: 'synthetic', pairs: 0, method: 'by hand', command: 'none' },
  models: [
    { name: 'rich', recognisers: [{ model: 'm', version: 'v1' }], terms: [{ model: 'm', feature: 'cosine-x-min-magnitude', mean: 0, std: 1, weight: 1 }], intercept: -5, threshold: 0.5 },
    { name: 'plain', recognisers: [{ model: 'm', version: 'v1' }], terms: [{ model: 'm', feature: 'cosine', mean: 0.5, std: 0.1, weight: 2 }], intercept: 0, threshold: 0.5 },
  ],
  pad: null,
};

describe('compareTemplates', () => {
  it('uses the richest model both templates can feed and reports raw cosines', () => {
    const a = unit(1, 0), b = unit(0.8, 0.6);
    const rich = compareTemplates(tpl(a, 'v1', 10), tpl(b, 'v1', 8), calibration);
    expect(rich.score).toBeCloseTo(1 / (1 + Math.exp(-(0.8 * 8 - 5))), 6);
    expect(rich.components.m).toBeCloseTo(0.8, 6);
    const plain = compareTemplates(tpl(a), tpl(b, 'v1', 8), calibration);
    expect(plain.score).toBeCloseTo(1 / (1 + Math.exp(-(2 * (0.8 - 0.5)) / 0.1)), 6);
    expect(plain.match).toBe(true);
    expect(compareTemplates(tpl(a), tpl(unit(0, 1)), calibration).match).toBe(false);
  });

  it('never compares vectors of another model version', () => {
    expect(() => compareTemplates(tpl(unit(1, 0)), tpl(unit(1, 0), 'v2'), calibration)).toThrowError(expect.objectContaining({ code: 'TEMPLATE_MISMATCH' }) as Error);
    expect(() => compareTemplates(tpl(unit(1, 0)), tpl(unit(1, 0, 0)), calibration)).toThrowError(expect.objectContaining({ code: 'TEMPLATE_INVALID' }) as Error);
  });
});
