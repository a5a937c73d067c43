/** A fitted logistic model on standardised features: P(y=1) = σ(intercept + Σ weights[i]·(x[i] − mean[i])/std[i]). */
export interface LogisticFit {
  readonly intercept: number;
  readonly weights: readonly number[];
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Options of {@link fitLogistic}. */
export interface FitLogisticOptions {
  /** L2 penalty on the weights (not the intercept). Default 1e-3. */
  readonly l2?: number;
  /** Newton iterations. Default 50. */
  readonly iterations?: number;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = (m[c] as number[])[c] as number;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / pivot;
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * ((m[c] as number[])[k] as number);
    }
  }
  return m.map((row, i) => { const d = row[i] as number; return Math.abs(d) < 1e-12 ? 0 : (row[n] as number) / d; });
}

/**
 * Fits an L2-regularised logistic regression by Newton's method (IRLS) on z-standardised features.
 * `x[k]` is the feature vector of sample k and `y[k]` its label (true = same person).
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly boolean[], { l2 = 1e-3, iterations = 50 }: FitLogisticOptions = {}): LogisticFit {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  if (n === 0 || d === 0 || y.length !== n) throw new RangeError('fitLogistic needs matching, non-empty x and y');
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + (r[j] as number), 0) / n);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, r) => s + ((r[j] as number) - (mean[j] as number)) ** 2, 0) / n) || 1);
  const z = x.map((r) => [1, ...r.map((v, j) => (v - (mean[j] as number)) / (std[j] as number))]);
  const beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let k = 0; k < n; k++) {
      const row = z[k] as number[];
      const eta = row.reduce((s, v, j) => s + v * (beta[j] as number), 0);
      const p = 1 / (1 + Math.exp(-eta));
      const r = (y[k] === true ? 1 : 0) - p;
      const w = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i <= d; i++) {
        grad[i] = (grad[i] as number) + r * (row[i] as number);
        const hi = hess[i] as number[];
        for (let j = 0; j <= d; j++) hi[j] = (hi[j] as number) + w * (row[i] as number) * (row[j] as number);
      }
    }
    for (let i = 1; i <= d; i++) {
      grad[i] = (grad[i] as number) - l2 * n * (beta[i] as number);
      (hess[i] as number[])[i] = ((hess[i] as number[])[i] as number) + l2 * n;
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let i = 0; i <= d; i++) { beta[i] = (beta[i] as number) + (step[i] as number); change = Math.max(change, Math.abs(step[i] as number)); }
    if (change < 1e-9) break;
  }
  return { intercept: beta[0] as number, weights: beta.slice(1), mean, std };
}

/** Evaluates a {@link LogisticFit} on one feature vector: probability 0..1. */
export function predictLogistic(fit: LogisticFit, features: readonly number[]): number {
  let eta = fit.intercept;
  for (let j = 0; j < fit.weights.length; j++) eta += ((fit.weights[j] as number) * ((features[j] as number) - (fit.mean[j] as number))) / (fit.std[j] as number);
  return 1 / (1 + Math.exp(-eta));
}
