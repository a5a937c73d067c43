import type { Vec3 } from './createMeshTracker.ts';
import { fitHomography, homographyRms } from './fitHomography.ts';

/**
 * How far the motion of a face between two frames is from the motion of a plane: fit one
 * homography from the reference mesh's image points to the current mesh's (all 468 points, least
 * squares) and return the RMS residual over the outer eye-corner span of the current face. A flat
 * photo or screen moved, tilted or warped in front of the camera maps exactly by a homography
 * (residual ≈ tracking noise, under ≈0.02); a real head turning shows parallax between the nose,
 * eyes and cheek contour that no homography explains. Null when the fit is degenerate.
 */
export function planarResidual(reference: readonly Vec3[], current: readonly Vec3[]): number | null {
  const n = Math.min(reference.length, current.length);
  const pairs = [];
  for (let i = 0; i < n; i++) {
    const a = reference[i], b = current[i];
    if (a === undefined || b === undefined) continue;
    pairs.push({ x: a[0], y: a[1], u: b[0], v: b[1] });
  }
  const h = fitHomography(pairs);
  if (h === null) return null;
  const c33 = current[33], c263 = current[263];
  const span = c33 !== undefined && c263 !== undefined ? Math.hypot(c33[0] - c263[0], c33[1] - c263[1]) : 0;
  return span > 0 ? homographyRms(h, pairs) / span : null;
}
