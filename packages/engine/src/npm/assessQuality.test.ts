import { describe, expect, it } from 'vitest';
import { assessQuality } from './assessQuality.ts';
import type { QualityMeasures } from './assessQuality.ts';

const good: QualityMeasures = { faceSizePx: 140, otherFaceSizesPx: [], brightness: 0.45, sharpness: 250, yawDeg: 3, pitchDeg: 2, rollDeg: 1, eyeOpening: 0.3, confidence: 0.95 };

describe('assessQuality', () => {
  it('accepts a large, well-lit, sharp, frontal face with a high score', () => {
    const r = assessQuality(good);
    expect(r.reasons).toEqual([]);
    expect(r.acceptable).toBe(true);
    expect(r.score).toBeGreaterThan(0.9);
  });

  it.each([
    [{ faceSizePx: 40 }, 'FACE_TOO_SMALL'],
    [{ brightness: 0.08 }, 'TOO_DARK'],
    [{ brightness: 0.95 }, 'TOO_BRIGHT'],
    [{ sharpness: 10 }, 'BLURRED'],
    [{ yawDeg: -45 }, 'HEAD_TURNED'],
    [{ pitchDeg: 35 }, 'HEAD_TURNED'],
    [{ eyeOpening: 0.04 }, 'EYES_CLOSED'],
    [{ confidence: 0.3 }, 'LOW_CONFIDENCE'],
    [{ otherFaceSizesPx: [100] }, 'MULTIPLE_FACES'],
  ] as const)('%o gives %s, lowers the score and blocks acceptance', (change, reason) => {
    const r = assessQuality({ ...good, ...change });
    expect(r.reasons).toContain(reason);
    expect(r.acceptable).toBe(false);
    if (reason !== 'EYES_CLOSED' && reason !== 'MULTIPLE_FACES') expect(r.score).toBeLessThan(assessQuality(good).score);
  });

  it('ignores a small face in the background', () => {
    expect(assessQuality({ ...good, otherFaceSizesPx: [30] }).reasons).toEqual([]);
  });
});
