/** A 2D point pair used to fit a homography. */
export interface Correspondence {
  readonly x: number;
  readonly y: number;
  readonly u: number;
  readonly v: number;
}

/** A 3×3 homography, row-major, `h[8] = 1`. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

function normaliser(xs: readonly number[], ys: readonly number[]): { cx: number; cy: number; s: number } {
  const n = xs.length;
  const cx = xs.reduce((a, b) => a + b, 0) / n;
  const cy = ys.reduce((a, b) => a + b, 0) / n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += Math.hypot((xs[i] ?? 0) - cx, (ys[i] ?? 0) - cy);
  mean /= n;
  return { cx, cy, s: mean > 0 ? Math.SQRT2 / mean : 1 };
}

/** Solves `A x = b` (n×n, row-major) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    const pr = a[pivot], cr = a[col];
    if (pr === undefined || cr === undefined || Math.abs(pr[col] ?? 0) < 1e-12) return null;
    a[pivot] = cr;
    a[col] = pr;
    [b[pivot], b[col]] = [b[col] ?? 0, b[pivot] ?? 0];
    for (let r = col + 1; r < n; r++) {
      const row = a[r];
      if (row === undefined) continue;
      const f = (row[col] ?? 0) / (pr[col] ?? 1);
      for (let c = col; c < n; c++) row[c] = (row[c] ?? 0) - f * (pr[c] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] ?? [];
    let s = b[r] ?? 0;
    for (let c = r + 1; c < n; c++) s -= (row[c] ?? 0) * (x[c] ?? 0);
    x[r] = s / (row[r] ?? 1);
  }
  return x;
}

/**
 * Least-squares homography mapping (x, y) → (u, v) over all pairs: Hartley-normalised linear fit
 * with h33 = 1 (8 unknowns, normal equations). Needs at least 4 pairs; null when degenerate.
 */
export function fitHomography(pairs: readonly Correspondence[]): Homography | null {
  if (pairs.length < 4) return null;
  const ns = normaliser(pairs.map((p) => p.x), pairs.map((p) => p.y));
  const nd = normaliser(pairs.map((p) => p.u), pairs.map((p) => p.v));
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const accumulate = (row: readonly number[], rhs: number): void => {
    for (let i = 0; i < 8; i++) {
      const ri = row[i] ?? 0;
      if (ri === 0) continue;
      const target = ata[i];
      if (target === undefined) continue;
      for (let j = 0; j < 8; j++) target[j] = (target[j] ?? 0) + ri * (row[j] ?? 0);
      atb[i] = (atb[i] ?? 0) + ri * rhs;
    }
  };
  for (const p of pairs) {
    const x = (p.x - ns.cx) * ns.s, y = (p.y - ns.cy) * ns.s;
    const u = (p.u - nd.cx) * nd.s, v = (p.v - nd.cy) * nd.s;
    accumulate([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
    accumulate([0, 0, 0, x, y, 1, -v * x, -v * y], v);
  }
  const h = solve(ata, atb);
  if (h === null) return null;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0] = h;
  // Undo normalisation: H = Td⁻¹ · Hn · Ts.
  const hn = [a, b, c, d, e, f, g, k, 1];
  const ts = [ns.s, 0, -ns.s * ns.cx, 0, ns.s, -ns.s * ns.cy, 0, 0, 1];
  const tdInv = [1 / nd.s, 0, nd.cx, 0, 1 / nd.s, nd.cy, 0, 0, 1];
  const mul = (m: readonly number[], n: readonly number[]): number[] => {
    const out = new Array<number>(9).fill(0);
    for (let r = 0; r < 3; r++) for (let c2 = 0; c2 < 3; c2++) for (let k2 = 0; k2 < 3; k2++) out[r * 3 + c2] = (out[r * 3 + c2] ?? 0) + (m[r * 3 + k2] ?? 0) * (n[k2 * 3 + c2] ?? 0);
    return out;
  };
  const full = mul(tdInv, mul(hn, ts));
  const w = full[8] ?? 1;
  if (Math.abs(w) < 1e-12) return null;
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0] = full.map((x) => x / w);
  return [h0, h1, h2, h3, h4, h5, h6, h7, 1];
}

/** Applies a homography to a point. */
export function applyHomography(h: Homography, x: number, y: number): { x: number; y: number } {
  const w = h[6] * x + h[7] * y + h[8];
  return { x: (h[0] * x + h[1] * y + h[2]) / w, y: (h[3] * x + h[4] * y + h[5]) / w };
}

/** Root-mean-square distance between `H·(x, y)` and `(u, v)` over the pairs, in the units of (u, v). */
export function homographyRms(h: Homography, pairs: readonly Correspondence[]): number {
  if (pairs.length === 0) return 0;
  let s = 0;
  for (const p of pairs) {
    const q = applyHomography(h, p.x, p.y);
    s += (q.x - p.u) ** 2 + (q.y - p.v) ** 2;
  }
  return Math.sqrt(s / pairs.length);
}
