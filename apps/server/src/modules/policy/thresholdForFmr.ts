/** One operating point of a calibrated matcher: at `threshold`, the measured false-match rate is `fmr`. */
export interface OperatingPoint {
  /** Decision threshold on the matcher's score (same units the matcher compares against). */
  readonly threshold: number;
  /** False-match rate at that threshold, 0..1. */
  readonly fmr: number;
}

/**
 * The lowest threshold whose measured FMR is at or below `targetFmr` (higher score = more alike).
 * Points come from the engine's calibration. Returns null when no point reaches the target, so
 * the caller refuses to match rather than silently using a weaker threshold.
 */
export function thresholdForFmr(points: readonly OperatingPoint[], targetFmr: number): number | null {
  let best: number | null = null;
  for (const p of points) if (p.fmr <= targetFmr && (best === null || p.threshold < best)) best = p.threshold;
  return best;
}
