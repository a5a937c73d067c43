import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVENESS_THRESHOLDS } from './livenessThresholds.ts';
import { planarResidual } from './planarMotion.ts';
import { projectFace, syntheticFacePoints } from './syntheticFace.ts';

// Synthetic tracks (no real video): a 3D face vs. the same face printed flat, both turned 20°.
describe('planarResidual', () => {
  const head = syntheticFacePoints(0.9);
  const photo = head.map(([x, y]): [number, number, number] => [x, y, 0]);

  it('finds a flat photo turned or tilted in front of the camera to be planar', () => {
    for (const [yawDeg, pitchDeg] of [[20, 0], [-25, 0], [10, 12]] as const) {
      const r = planarResidual(projectFace(photo), projectFace(photo, { yawDeg, pitchDeg }));
      expect(r).not.toBeNull();
      expect(r ?? 1).toBeLessThan(0.002);
    }
  });

  it('finds a real head turning to be far from planar', () => {
    for (const [yawDeg, pitchDeg] of [[20, 0], [-25, 0], [0, 15]] as const) {
      const r = planarResidual(projectFace(head), projectFace(head, { yawDeg, pitchDeg }));
      expect(r ?? 0).toBeGreaterThan(DEFAULT_LIVENESS_THRESHOLDS.planarMin);
    }
  });

  it('tolerates tracking noise on a photo', () => {
    let seed = 7;
    const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 1.0;
    const moved = projectFace(photo, { yawDeg: 20 }).map(([x, y, z]): [number, number, number] => [x + noise(), y + noise(), z]);
    expect(planarResidual(projectFace(photo), moved) ?? 1).toBeLessThan(DEFAULT_LIVENESS_THRESHOLDS.planarMin);
  });
});
