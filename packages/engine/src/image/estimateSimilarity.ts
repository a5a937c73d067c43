import type { Point } from '../types.ts';
import type { AffineTransform } from './AffineTransform.ts';

/**
 * Least-squares similarity transform (rotation, uniform scale, translation; no reflection) mapping
 * `from[i]` onto `to[i]` — the 2-D closed form of Umeyama (1991).
 */
export function estimateSimilarity(from: readonly Point[], to: readonly Point[]): AffineTransform {
  const n = Math.min(from.length, to.length);
  if (n < 2) throw new RangeError('a similarity transform needs at least two point pairs');
  let mx = 0, my = 0, mu = 0, mv = 0;
  for (let i = 0; i < n; i++) {
    const p = from[i] as Point;
    const q = to[i] as Point;
    mx += p.x; my += p.y; mu += q.x; mv += q.y;
  }
  mx /= n; my /= n; mu /= n; mv /= n;
  let sxx = 0, num1 = 0, num2 = 0;
  for (let i = 0; i < n; i++) {
    const p = from[i] as Point;
    const q = to[i] as Point;
    const xc = p.x - mx, yc = p.y - my, uc = q.x - mu, vc = q.y - mv;
    sxx += xc * xc + yc * yc;
    num1 += xc * uc + yc * vc;
    num2 += xc * vc - yc * uc;
  }
  if (sxx < 1e-12) throw new RangeError('degenerate points: all coincide');
  const a = num1 / sxx;
  const b = num2 / sxx;
  return [a, -b, mu - (a * mx - b * my), b, a, mv - (b * mx + a * my)];
}
