import type { Point } from '../types.ts';

/**
 * A 2-D affine map `(x, y) → (a·x + b·y + c, d·x + e·y + f)`, stored as `[a, b, c, d, e, f]`.
 */
export type AffineTransform = readonly [number, number, number, number, number, number];

/** Applies `m` to a point. */
export function applyAffine(m: AffineTransform, p: Point): Point {
  return { x: m[0] * p.x + m[1] * p.y + m[2], y: m[3] * p.x + m[4] * p.y + m[5] };
}

/** Inverts an affine map. Throws on a singular map. */
export function invertAffine(m: AffineTransform): AffineTransform {
  const [a, b, c, d, e, f] = m;
  const det = a * e - b * d;
  if (Math.abs(det) < 1e-12) throw new RangeError('singular affine transform');
  const ia = e / det;
  const ib = -b / det;
  const id = -d / det;
  const ie = a / det;
  return [ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f)];
}

/** Mean scale of an affine map (square root of the absolute determinant). */
export function affineScale(m: AffineTransform): number {
  return Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));
}
