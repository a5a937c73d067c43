import type { FaceQualityCheck } from '@authloop/sdk';
import { describe, expect, it } from 'vitest';
import { boxOnScreen, combineHints } from './faceGuidance.ts';

const check = (reasons: string[], face: FaceQualityCheck['face'] = { box: { x: 0.4, y: 0.3, width: 0.1, height: 0.15 }, confidence: 0.9 }): FaceQualityCheck => ({ width: 640, height: 480, faceCount: face === null ? 0 : 1, face, quality: { score: 0.3, acceptable: false, reasons } });

describe('combineHints', () => {
  it('puts the server hints first and drops the local ones it repeats', () => {
    const hints = combineHints([{ id: 'too-dark', text: 'dark' }, { id: 'hold-still', text: 'still' }], check(['FACE_TOO_SMALL', 'TOO_DARK']));
    expect(hints.map((h) => h.id)).toEqual(['move-closer', 'too-dark', 'hold-still']);
  });
  it('says so when no face is found, even if the server gave no reason', () => {
    expect(combineHints([], check([], null)).map((h) => h.id)).toEqual(['no-face']);
  });
  it('is empty for a good frame, and only local hints before the first answer', () => {
    expect(combineHints([], check([]))).toEqual([]);
    expect(combineHints([{ id: 'blurry', text: 'b' }], null).map((h) => h.id)).toEqual(['blurry']);
  });
  it('ignores unknown reasons', () => {
    expect(combineHints([], check(['SOMETHING_NEW']))).toEqual([]);
  });
});

describe('boxOnScreen', () => {
  const box = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
  it('maps fractions to percent of a same-aspect preview, mirrored for a selfie view', () => {
    expect(boxOnScreen(box, { width: 640, height: 480 }, { width: 320, height: 240 }, false)).toEqual({ left: 10, top: 20, width: 30, height: 40 });
    expect(boxOnScreen(box, { width: 640, height: 480 }, { width: 320, height: 240 }, true)).toEqual({ left: 60, top: 20, width: 30, height: 40 });
  });
  it('accounts for object-fit: cover cropping a wider frame', () => {
    // A 16:9 frame in a 4:3 box: scaled to the height, the sides cropped by 1/8 of the shown width each.
    const r = boxOnScreen({ x: 0.5, y: 0, width: 0.25, height: 1 }, { width: 1280, height: 720 }, { width: 400, height: 300 }, false);
    expect(r.top).toBe(0);
    expect(r.height).toBe(100);
    expect(r.width).toBeCloseTo(33.33, 1);
    expect(r.left).toBeCloseTo(50, 1);
  });
});
