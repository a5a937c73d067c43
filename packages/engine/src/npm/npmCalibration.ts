import type { RecogniserRef, ScoreCalibration } from './compareNpmTemplates.ts';

/** Model id of Human's faceres descriptor (1024-d) in templates. */
export const HUMAN_FACERES_MODEL = 'human-faceres';
/** Model id of face-api.js's ResNet-34 face recogniser (128-d) in templates. */
export const FACEAPI_RESNET_MODEL = 'faceapi-resnet34';

/** The faceres recogniser of a given `@vladmandic/human` version. */
export function humanFaceresRef(humanVersion: string): RecogniserRef {
  return { model: HUMAN_FACERES_MODEL, version: humanVersion, dimensions: 1024 };
}

/** The face-api recogniser of a given `@vladmandic/face-api` version. */
export function faceApiResnetRef(faceApiVersion: string): RecogniserRef {
  return { model: FACEAPI_RESNET_MODEL, version: faceApiVersion, dimensions: 128 };
}

/**
 * faceres alone: undecided (score 0.5) at cosine {@link FACERES_THRESHOLD}, the mean of the
 * per-fold thresholds chosen on the shared LFW folds; the slope is the logistic fit on the same
 * pairs. Reproduce with `bench/face-npm/evalLfw.ts` then `bench/face-npm/fitCalibration.ts`.
 */
export const FACERES_THRESHOLD = 0.515;
const FACERES_SLOPE = 20;

/** Logistic fusion of faceres and face-api cosines, fitted on the shared LFW folds (see `bench/face-npm/fitCalibration.ts`). */
const FUSED = { bias: -20, faceres: 20, faceapi: 20 } as const;

/**
 * Calibrations the npm engine compares with, richest first: the faceres + face-api fusion (used
 * when both templates carry both vectors), then faceres alone. `faceresThreshold` moves the
 * faceres-only decision point (cosine).
 */
export function npmCalibrations(humanVersion: string, faceApiVersion: string, faceresThreshold = FACERES_THRESHOLD): ScoreCalibration[] {
  const faceres = humanFaceresRef(humanVersion);
  return [
    { models: [faceres, faceApiResnetRef(faceApiVersion)], bias: FUSED.bias, weights: [FUSED.faceres, FUSED.faceapi] },
    { models: [faceres], bias: -FACERES_SLOPE * faceresThreshold, weights: [FACERES_SLOPE] },
  ];
}
