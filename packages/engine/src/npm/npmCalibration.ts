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
 * faceres alone: undecided (score 0.5) at this cosine, the mean of the per-fold thresholds chosen
 * on the shared LFW folds (7-fold protocol). Reproduce with
 * `npx tsx bench/face-npm/evalLfw.ts --per-fold 100 --fusion --out FILE` (1,400 pairs: 100 same +
 * 100 different per fold); the fit and its per-pair data are in
 * `bench/face-npm/results/npm-fusion-lfw-1400.json`.
 */
export const FACERES_THRESHOLD = 0.519;
/** Log-odds per unit of faceres cosine: the logistic fit on the same pairs (`calibrations["human-faceres"]`). */
const FACERES_SLOPE = 29.9;

/**
 * Logistic fusion of the faceres and face-api cosines (`calibrations.fused` in the eval output),
 * fitted on the same LFW pairs: logit = bias + faceres·cos₁ + faceapi·cos₂.
 */
const FUSED = { bias: -70.82, faceres: 17.38, faceapi: 68.58 } as const;

/** Identifies the fitted parameters above; bump when they are refitted. */
export const NPM_CALIBRATION_ID = 'lfw-1400-2026-11-21';

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
