import { describe, expect, it } from 'vitest';
import evalFace from '../../../../bench/results/eval-face.json';
import face from '../../../../bench/results/face.json';
import { parseFaceEvaluation, parseFaceSpeed, percent } from './faceEvaluation.ts';

describe('face evaluation figures', () => {
  it('reads the committed evaluation run with its ROC points', () => {
    const e = parseFaceEvaluation(evalFace);
    expect(e.accuracy).toBeGreaterThan(0.5);
    expect(e.eer).not.toBeNull();
    expect(e.tarAtFar1e3).not.toBeNull();
    expect(e.engine).toBeTypeOf('string');
    expect(e.models.length).toBeGreaterThan(0);
    expect(e.roc.length).toBeGreaterThan(5);
    expect(e.roc.length).toBeLessThanOrEqual(60);
    const fars = e.roc.map((p) => p.far);
    expect(fars).toEqual([...fars].sort((a, b) => a - b));
  });

  it('reads the speed figures of the face benchmark', () => {
    const s = parseFaceSpeed(face);
    expect(s.decisionP50Ms).toBeGreaterThan(0);
    expect(s.decisionsPerSecond).toBeGreaterThan(0);
    expect(parseFaceSpeed('nonsense')).toEqual({ generatedAt: null, decisionP50Ms: null, decisionP99Ms: null, decisionsPerSecond: null });
  });

  it('reads ROC points as pairs or objects, sorts them and drops malformed or out-of-range figures', () => {
    const e = parseFaceEvaluation({ accuracy: 'x', eer: 7, models: [{ id: 'yunet', version: '1' }, { version: '2' }, 'z'], roc: [{ far: 0.01, tar: 0.995 }, [0.001, 0.99], { far: 'a' }, [2, 0.5], null] });
    expect(e.accuracy).toBeNull();
    expect(e.eer).toBeNull();
    expect(e.models).toEqual(['yunet@1']);
    expect(e.roc).toEqual([{ far: 0.001, tar: 0.99 }, { far: 0.01, tar: 0.995 }]);
    expect(parseFaceEvaluation(null)).toMatchObject({ roc: [], models: [], accuracy: null });
    expect(parseFaceEvaluation([1, 2]).roc).toEqual([]);
    expect(percent(0.9952)).toBe('99.52%');
    expect(percent(null)).toBe('–');
  });
});
