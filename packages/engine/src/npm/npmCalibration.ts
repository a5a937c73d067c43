import type { RecogniserCalibration } from './compareNpmTemplates.ts';

/** Model id of Human's faceres descriptor in templates. */
export const HUMAN_FACERES_MODEL = 'human-faceres';

/**
 * Calibration of Human's faceres descriptor (1024-d, cosine on L2-normalised vectors). The
 * threshold is the mean of the per-fold thresholds chosen on the shared LFW folds by
 * `bench/face-npm/evalLfw.ts` (see the TSDoc there for the command); `scale` sets how quickly the
 * 0..1 score saturates around it. The version is `@vladmandic/human`'s package version.
 */
export function humanFaceresCalibration(humanVersion: string): RecogniserCalibration {
  return { model: HUMAN_FACERES_MODEL, version: humanVersion, dimensions: 1024, threshold: 0.4, scale: 0.05, weight: 1 };
}
