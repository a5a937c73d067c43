/** A scored pair: `score` is higher for "more alike"; null when a face was not found (counts as an error). */
export interface ScoredPair {
  readonly fold: number;
  readonly same: boolean;
  readonly score: number | null;
}

function bestThreshold(pairs: readonly ScoredPair[]): number {
  const scored = pairs.filter((p): p is ScoredPair & { score: number } => p.score !== null).sort((x, y) => x.score - y.score);
  let correct = scored.filter((p) => p.same).length; // threshold below everything: all accepted
  let best = correct;
  let bestT = (scored[0]?.score ?? 0) - 1e-6;
  for (let i = 0; i < scored.length; i++) {
    const p = scored[i];
    if (!p) continue;
    correct += p.same ? -1 : 1; // p now rejected
    const next = scored[i + 1]?.score;
    if (next !== undefined && next === p.score) continue;
    if (correct > best) {
      best = correct;
      bestT = next === undefined ? p.score + 1e-6 : (p.score + next) / 2;
    }
  }
  return bestT;
}

function accuracyAt(pairs: readonly ScoredPair[], t: number): number {
  let ok = 0;
  for (const p of pairs) if (p.score !== null && p.score >= t === p.same) ok++;
  return ok / pairs.length;
}

/** Per-fold accuracy with the threshold chosen on the other folds; missing scores count as errors. */
export function sevenFold(pairs: readonly ScoredPair[]): { accuracy: number; accuracyStd: number; thresholds: number[]; foldAccuracies: number[] } {
  const folds = [...new Set(pairs.map((p) => p.fold))].sort((a, b) => a - b);
  const thresholds: number[] = [];
  const foldAccuracies: number[] = [];
  for (const f of folds) {
    const t = bestThreshold(pairs.filter((p) => p.fold !== f));
    thresholds.push(t);
    foldAccuracies.push(accuracyAt(pairs.filter((p) => p.fold === f), t));
  }
  const mean = foldAccuracies.reduce((s, a) => s + a, 0) / foldAccuracies.length;
  const std = Math.sqrt(foldAccuracies.reduce((s, a) => s + (a - mean) ** 2, 0) / foldAccuracies.length);
  return { accuracy: mean, accuracyStd: std, thresholds, foldAccuracies };
}

/** Equal error rate and TAR at FAR 1e-3 over all pairs (a missing score is a rejection). */
export function errorRates(pairs: readonly ScoredPair[]): { eer: number; tarAtFar1e3: number } {
  const pos = pairs.filter((p) => p.same).map((p) => p.score ?? Number.NEGATIVE_INFINITY);
  const neg = pairs.filter((p) => !p.same).map((p) => p.score ?? Number.NEGATIVE_INFINITY).sort((a, b) => b - a);
  const frr = (t: number): number => pos.filter((s) => s < t).length / pos.length;
  const far = (t: number): number => neg.filter((s) => s >= t).length / neg.length;
  let eer = 1;
  for (const t of [...pos, ...neg].filter(Number.isFinite)) eer = Math.min(eer, Math.max(far(t), frr(t)));
  const allowed = Math.floor(neg.length * 1e-3);
  const tFar = (neg[allowed] ?? Number.NEGATIVE_INFINITY) + 1e-9; // accept only scores above the (allowed+1)-th best impostor
  return { eer, tarAtFar1e3: 1 - frr(tFar) };
}
