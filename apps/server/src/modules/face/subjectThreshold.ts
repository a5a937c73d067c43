import type { FaceSettings } from './faceSettings.ts';

/**
 * The threshold a subject is verified against. Without tenant bounds it is the engine's calibrated
 * threshold. With bounds it follows the spread of the enrolment samples: the lowest score between
 * two enrolment samples minus a margin, clamped to `[min, max]` — consistent samples tighten the
 * threshold (fewer false accepts), scattered ones loosen it only as far as the tenant allows.
 *
 * @param pairScores calibrated scores (0..1) of every pair of enrolment samples
 */
export function subjectThreshold({ engineThreshold, pairScores, settings }: { engineThreshold: number; pairScores: readonly number[]; settings: FaceSettings['subjectThreshold'] }): number {
  if (settings === null || pairScores.length === 0) return engineThreshold;
  const lowest = Math.min(...pairScores);
  return Math.min(settings.max, Math.max(settings.min, lowest - settings.margin));
}
