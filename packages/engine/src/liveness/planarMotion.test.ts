import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVENESS_THRESHOLDS } from './livenessThresholds.ts';
import { planarFit } from './planarMotion.ts';
import { projectFace, syntheticFacePoints } from './syntheticFace.ts';

// Synthetic tracks (no real video): a 3D face vs. the same face printed flat, both turned.
// The real-clip figures (live heads ≈0.68–0.79, a warped real photo 0.55) are in bench/results/liveness-clips.json.
describe('planarFit', () => {
  const head = syntheticFacePoints(0.9);
  const photo = head.map(([x, y]): [number, number, number] => [x, y, 0]);

  it('explains a flat photo turned or tilted in front of the camera with one homography', () => {
    for (const [yawDeg, pitchDeg] of [[25, 0], [-30, 0], [15, 12]] as const) {
      const fit = planarFit(projectFace(photo), projectFace(photo, { yawDeg, pitchDeg }));
      expect(fit?.similarity ?? 0).toBeGreaterThan(0.01);
      expect(fit?.ratio ?? 1).toBeLessThan(0.05);
    }
  });

  it('does not explain a real head turning or nodding', () => {
    for (const [yawDeg, pitchDeg] of [[25, 0], [-30, 0], [0, 20]] as const) {
      const fit = planarFit(projectFace(head), projectFace(head, { yawDeg, pitchDeg }));
      expect(fit?.ratio ?? 0).toBeGreaterThan(DEFAULT_LIVENESS_THRESHOLDS.planarMin);
    }
  });
});
