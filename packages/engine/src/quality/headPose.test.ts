import { describe, expect, it } from 'vitest';
import { ARCFACE_TEMPLATE_112 } from '../image/alignFace.ts';
import { headPose } from './headPose.ts';

describe('headPose', () => {
  it('reads a frontal template as zero pose', () => {
    const p = headPose(ARCFACE_TEMPLATE_112);
    expect(Math.abs(p.yawDeg)).toBeLessThan(2);
    expect(Math.abs(p.pitchDeg)).toBeLessThan(2);
    expect(Math.abs(p.rollDeg)).toBeLessThan(1);
  });

  it('measures roll of a rotated face and yaw when the nose moves sideways', () => {
    const a = (30 * Math.PI) / 180;
    const rotated = ARCFACE_TEMPLATE_112.map((p) => ({ x: Math.cos(a) * p.x - Math.sin(a) * p.y, y: Math.sin(a) * p.x + Math.cos(a) * p.y }));
    expect(headPose(rotated).rollDeg).toBeCloseTo(30, 0);
    const turned = ARCFACE_TEMPLATE_112.map((p, i) => (i === 2 ? { x: p.x + 15, y: p.y } : p));
    expect(headPose(turned).yawDeg).toBeGreaterThan(25);
  });
});
