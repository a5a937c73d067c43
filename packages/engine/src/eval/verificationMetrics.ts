/** A scored comparison: higher score = more likely the same person. */
export interface ScoredPair {
  readonly score: number;
  readonly same: boolean;
  readonly fold: number;
  /** A pair whose image had no usable face: always counted as an error. */
  readonly failed?: boolean;
}

/**
 * The threshold maximising accuracy on `pairs` (accept when score ≥ threshold), placed midway between
 * two neighbouring scores; among equally good cut points the middle of the first best run is taken.
 */
export function bestThreshold(pairs: readonly ScoredPair[]): number {
  const usable = pairs.filter((p) => p.failed !== true).sort((a, b) => a.score - b.score);
  if (usable.length === 0) return 0;
  // Cut k: reject usable[0..k-1], accept usable[k..]. Only cuts between distinct scores are valid.
  let correct = usable.filter((p) => p.same).length;
  let best = correct, runStart = 0, runEnd = 0, inRun = true;
  for (let k = 1; k <= usable.length; k++) {
    const p = usable[k - 1] as ScoredPair;
    correct += p.same ? -1 : 1;
    const next = usable[k];
    if (next !== undefined && next.score === p.score) continue;
    if (correct > best) { best = correct; runStart = k; runEnd = k; inRun = true; }
    else if (correct === best && inRun) runEnd = k;
    else inRun = false;
  }
  const cut = (k: number): number => {
    const lo = usable[k - 1]?.score, hi = usable[k]?.score;
    if (lo === undefined) return (hi ?? 0) - 1e-6;
    if (hi === undefined) return lo + 1e-6;
    return (lo + hi) / 2;
  };
  return (cut(runStart) + cut(runEnd)) / 2;
}

/** Fraction of pairs decided correctly at `threshold`; failed pairs count as errors. */
export function accuracyAt(pairs: readonly ScoredPair[], threshold: number): number {
  if (pairs.length === 0) return 0;
  let ok = 0;
  for (const p of pairs) if (p.failed !== true && (p.score >= threshold) === p.same) ok++;
  return ok / pairs.length;
}

/** Result of {@link crossValidate}. */
export interface CrossValidation {
  /** Mean of the per-fold accuracies (0..1). */
  readonly accuracy: number;
  /** Population standard deviation of the per-fold accuracies (as numpy/insightface). */
  readonly accuracyStd: number;
  readonly foldAccuracies: readonly number[];
  readonly foldThresholds: readonly number[];
}

/**
 * LFW protocol: for each fold the threshold is chosen on the other folds (max accuracy) and accuracy
 * is measured on the held-out fold. With `fixedThreshold` that threshold is used for every fold.
 */
export function crossValidate(pairs: readonly ScoredPair[], fixedThreshold?: number): CrossValidation {
  const folds = [...new Set(pairs.map((p) => p.fold))].sort((a, b) => a - b);
  const foldAccuracies: number[] = [], foldThresholds: number[] = [];
  for (const f of folds) {
    const test = pairs.filter((p) => p.fold === f);
    const train = folds.length > 1 ? pairs.filter((p) => p.fold !== f) : test;
    const t = fixedThreshold ?? bestThreshold(train);
    foldThresholds.push(t);
    foldAccuracies.push(accuracyAt(test, t));
  }
  const mean = foldAccuracies.reduce((a, b) => a + b, 0) / Math.max(1, foldAccuracies.length);
  const variance = foldAccuracies.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, foldAccuracies.length);
  return { accuracy: mean, accuracyStd: Math.sqrt(variance), foldAccuracies, foldThresholds };
}

/** One operating point: false accept rate and false reject rate at a threshold. */
export interface RocPoint {
  readonly threshold: number;
  readonly far: number;
  readonly frr: number;
}

/** Effective scores: failed genuine pairs are rejected, failed impostor pairs accepted (they are errors). */
function effective(pairs: readonly ScoredPair[]): { genuine: number[]; impostor: number[] } {
  const genuine: number[] = [], impostor: number[] = [];
  for (const p of pairs) {
    if (p.same) genuine.push(p.failed === true ? -Infinity : p.score);
    else impostor.push(p.failed === true ? Infinity : p.score);
  }
  genuine.sort((a, b) => a - b);
  impostor.sort((a, b) => a - b);
  return { genuine, impostor };
}

/** The ROC over all pairs pooled: one point per distinct score (accept when score ≥ threshold). */
export function rocCurve(pairs: readonly ScoredPair[]): RocPoint[] {
  const { genuine, impostor } = effective(pairs);
  const thresholds = [...new Set([...genuine, ...impostor].filter(Number.isFinite))].sort((a, b) => a - b);
  const points: RocPoint[] = [];
  let gi = 0, ii = 0;
  for (const t of thresholds) {
    while (gi < genuine.length && (genuine[gi] as number) < t) gi++;
    while (ii < impostor.length && (impostor[ii] as number) < t) ii++;
    points.push({ threshold: t, frr: gi / Math.max(1, genuine.length), far: (impostor.length - ii) / Math.max(1, impostor.length) });
  }
  return points;
}

/** Equal error rate 0..1 (the mean of FAR and FRR where they are closest). */
export function equalErrorRate(pairs: readonly ScoredPair[]): number {
  let best = { gap: Infinity, eer: 1 };
  for (const p of rocCurve(pairs)) {
    const gap = Math.abs(p.far - p.frr);
    if (gap < best.gap) best = { gap, eer: (p.far + p.frr) / 2 };
  }
  return best.eer;
}

/** True accept rate (1 − FRR) at the lowest threshold whose FAR ≤ `far`, pooled over all pairs. */
export function tarAtFar(pairs: readonly ScoredPair[], far: number): { tar: number; threshold: number } {
  let best = { tar: 0, threshold: Infinity };
  for (const p of rocCurve(pairs)) {
    if (p.far <= far && 1 - p.frr > best.tar) best = { tar: 1 - p.frr, threshold: p.threshold };
  }
  return best;
}
