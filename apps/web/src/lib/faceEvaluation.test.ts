import { describe, expect, it } from 'vitest';
import face from '../../../../bench/results/face.json';
import { parseFaceEvaluation, percent } from './faceEvaluation.ts';

describe('face evaluation figures', () => {
  it('reads the committed benchmark result', () => {
    const e = parseFaceEvaluation(face);
    expect(e.accuracy).toBeGreaterThan(0.5);
    expect(e.eer).not.toBeNull();
    expect(e.tarAtFar1e3).not.toBeNull();
  });
  it('reads ROC points as pairs or objects and drops malformed figures', () => {
    const e = parseFaceEvaluation({ accuracy: 'x', roc: [[0.001, 0.99], { far: 0.01, tar: 0.995 }, { far: 'a' }] });
    expect(e.accuracy).toBeNull();
    expect(e.roc).toEqual([{ far: 0.001, tar: 0.99 }, { far: 0.01, tar: 0.995 }]);
    expect(parseFaceEvaluation(null).roc).toEqual([]);
    expect(percent(0.9952)).toBe('99.52%');
    expect(percent(null)).toBe('–');
  });
});
