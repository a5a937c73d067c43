import { describe, expect, it } from 'vitest';
import { applyAffine } from './AffineTransform.ts';
import { ARCFACE_TEMPLATE_112, alignFace, alignmentTransform } from './alignFace.ts';
import { estimateSimilarity } from './estimateSimilarity.ts';

describe('five-point alignment', () => {
  it('recovers an exact similarity transform', () => {
    const angle = 0.3, scale = 2.5, tx = 40, ty = -7;
    const src = ARCFACE_TEMPLATE_112.map((p) => ({ x: scale * (Math.cos(angle) * p.x - Math.sin(angle) * p.y) + tx, y: scale * (Math.sin(angle) * p.x + Math.cos(angle) * p.y) + ty }));
    const m = alignmentTransform(src);
    src.forEach((p, i) => {
      const q = applyAffine(m, p);
      expect(q.x).toBeCloseTo(ARCFACE_TEMPLATE_112[i]?.x ?? NaN, 6);
      expect(q.y).toBeCloseTo(ARCFACE_TEMPLATE_112[i]?.y ?? NaN, 6);
    });
    const inv = estimateSimilarity(ARCFACE_TEMPLATE_112, src);
    expect(inv[0]).toBeCloseTo(scale * Math.cos(angle), 6);
  });

  it('warps a marked landmark onto its template position', () => {
    const width = 300, height = 300;
    const data = new Uint8Array(width * height * 3).fill(0);
    const src = ARCFACE_TEMPLATE_112.map((p) => ({ x: 2 * p.x + 20, y: 2 * p.y + 10 }));
    const nose = src[2] ?? { x: 0, y: 0 };
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) data.fill(255, ((Math.round(nose.y) + dy) * width + Math.round(nose.x) + dx) * 3, ((Math.round(nose.y) + dy) * width + Math.round(nose.x) + dx) * 3 + 3);
    const out = alignFace({ width, height, data }, src);
    const t = ARCFACE_TEMPLATE_112[2] ?? { x: 0, y: 0 };
    expect(out.data[(Math.round(t.y) * 112 + Math.round(t.x)) * 3]).toBeGreaterThan(200);
    expect(out.data[(10 * 112 + 10) * 3]).toBe(0);
  });
});
