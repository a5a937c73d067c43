import type { Vec3 } from './createMeshTracker.ts';
import { fitHomography, homographyRms } from './fitHomography.ts';
import type { Correspondence } from './fitHomography.ts';

/** How a face's image points moved between two frames, in eye spans of the current face. */
export interface PlanarFit {
  /** RMS residual after the best similarity (shift, scale, in-plane rotation): the non-rigid 2D deformation. */
  readonly similarity: number;
  /** RMS residual after the best homography (what a flat photo or screen can do). */
  readonly homography: number;
  /** homography / similarity: near 0 when a plane explains the deformation, near 1 when it does not. */
  readonly ratio: number;
}

function pairsOf(reference: readonly Vec3[], current: readonly Vec3[]): Correspondence[] {
  const pairs: Correspondence[] = [];
  for (let i = 0; i < Math.min(reference.length, current.length); i++) {
    const a = reference[i], b = current[i];
    if (a !== undefined && b !== undefined) pairs.push({ x: a[0], y: a[1], u: b[0], v: b[1] });
  }
  return pairs;
}

/** RMS residual of the least-squares 2D similarity (closed form, complex-number formulation). */
function similarityRms(pairs: readonly Correspondence[]): number {
  const n = pairs.length;
  if (n === 0) return 0;
  let mx = 0, my = 0, mu = 0, mv = 0;
  for (const p of pairs) {
    mx += p.x; my += p.y; mu += p.u; mv += p.v;
  }
  mx /= n; my /= n; mu /= n; mv /= n;
  let re = 0, im = 0, den = 0;
  for (const p of pairs) {
    const x = p.x - mx, y = p.y - my, u = p.u - mu, v = p.v - mv;
    re += x * u + y * v;
    im += x * v - y * u;
    den += x * x + y * y;
  }
  const ar = den > 0 ? re / den : 1, ai = den > 0 ? im / den : 0;
  let s = 0;
  for (const p of pairs) {
    const x = p.x - mx, y = p.y - my, u = p.u - mu, v = p.v - mv;
    s += (ar * x - ai * y - u) ** 2 + (ai * x + ar * y - v) ** 2;
  }
  return Math.sqrt(s / n);
}

/**
 * The planar-motion test for one pair of frames. A flat photo or screen moved, tilted or warped in
 * front of the camera deforms in the image exactly as a homography: most of its non-rigid 2D
 * deformation is explained by one (low ratio). A real head turning or nodding shows parallax between
 * nose, eyes and cheek contour that no homography explains (ratio near the noise level of ≈0.7–0.8
 * on the shared clips). Measured on all 468 facemesh points; null when degenerate.
 */
export function planarFit(reference: readonly Vec3[], current: readonly Vec3[]): PlanarFit | null {
  const pairs = pairsOf(reference, current);
  const h = fitHomography(pairs);
  const c33 = current[33], c263 = current[263];
  const span = c33 !== undefined && c263 !== undefined ? Math.hypot(c33[0] - c263[0], c33[1] - c263[1]) : 0;
  if (h === null || span <= 0) return null;
  const similarity = similarityRms(pairs) / span;
  const homography = homographyRms(h, pairs) / span;
  return { similarity, homography, ratio: similarity > 0 ? homography / similarity : 1 };
}

/** {@link planarFit}'s homography residual alone (eye spans), or null. */
export function planarResidual(reference: readonly Vec3[], current: readonly Vec3[]): number | null {
  return planarFit(reference, current)?.homography ?? null;
}
