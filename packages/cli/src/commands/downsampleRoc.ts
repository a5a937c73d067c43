/** One point of a ROC curve: false accept rate and true accept rate (both 0..1). */
export interface RocCurvePoint {
  readonly far: number;
  readonly tar: number;
}

/** Options of {@link downsampleRoc}. */
export interface DownsampleRocOptions {
  /** At most this many points are answered (default 60). */
  readonly maxPoints?: number;
  /** Lowest FAR of the log-spaced grid, a power of ten (default 1e-4); lower FARs count as this one. */
  readonly minFar?: number;
}

/**
 * Reduces a full ROC (one point per distinct score, given as FAR/FRR as `rocCurve` answers) to at
 * most `maxPoints` real operating points spaced logarithmically in FAR between `minFar` and 1.
 * The grid holds every power of ten, so at each grid value g the curve keeps the best point with
 * FAR ≤ g (highest TAR = 1 − FRR, the same rule as `tarAtFar`): read as a staircase, the reduced curve
 * answers the same TAR at 1e-4, 1e-3, 1e-2 and 1 as the full one. Answers points sorted by FAR, without
 * duplicates; an empty input gives an empty curve.
 */
export function downsampleRoc(
  points: readonly { readonly far: number; readonly frr: number }[],
  { maxPoints = 60, minFar = 1e-4 }: DownsampleRocOptions = {},
): RocCurvePoint[] {
  const decades = Math.round(-Math.log10(minFar));
  if (!(decades >= 1) || maxPoints < decades + 1) throw new RangeError('downsampleRoc: minFar must be 1e-1 or lower and maxPoints at least one per decade plus one');
  const perDecade = Math.floor((maxPoints - 1) / decades);
  const sorted = points
    .filter((p) => Number.isFinite(p.far) && Number.isFinite(p.frr))
    .map((p) => ({ far: p.far, tar: 1 - p.frr }))
    .sort((a, b) => a.far - b.far || b.tar - a.tar);
  const out: RocCurvePoint[] = [];
  let i = 0;
  let best: RocCurvePoint | undefined;
  for (let k = 0; k <= decades * perDecade; k++) {
    const grid = 10 ** (-decades + k / perDecade);
    while (i < sorted.length && (sorted[i] as RocCurvePoint).far <= grid * (1 + 1e-9)) {
      const p = sorted[i] as RocCurvePoint;
      if (best === undefined || p.tar > best.tar) best = p;
      i++;
    }
    if (best !== undefined && out.at(-1) !== best) out.push(best);
  }
  return out;
}
