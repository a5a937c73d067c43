import { z } from 'zod';

/** One recogniser's contribution to a fused score: z-normalised cosine times a weight. */
export const recogniserTermSchema = z.object({
  model: z.string().min(1),
  version: z.string().min(1),
  /** Mean and standard deviation used to z-normalise the cosine similarity. */
  mean: z.number(),
  std: z.number().positive(),
  weight: z.number(),
}).strict();

/** A logistic fusion model: P(same) = σ(intercept + Σ weight·(cos − mean)/std); accept when P ≥ threshold. */
export const fusionModelSchema = z.object({
  name: z.string().min(1),
  recognisers: z.array(recogniserTermSchema).min(1),
  intercept: z.number(),
  /** Decision threshold on the fused probability 0..1. */
  threshold: z.number().min(0).max(1),
}).strict();

/**
 * A versioned calibration file: how raw cosine similarities become a calibrated match probability and
 * where the thresholds lie, with a record of what it was fitted on.
 */
export const faceCalibrationSchema = z.object({
  schema: z.literal('authloop/face-calibration@1'),
  /** Calibration version, e.g. "onnx-2026.1". */
  version: z.string().min(1),
  engine: z.string().min(1),
  fittedOn: z.object({
    dataset: z.string(),
    pairs: z.number().int().nonnegative(),
    method: z.string(),
    command: z.string(),
  }).strict(),
  /** Fusion models from most to least complete; compare uses the first one both templates can feed. */
  models: z.array(fusionModelSchema).min(1),
  pad: z.object({
    /** Live-score threshold 0..1 (live when score ≥ threshold). */
    threshold: z.number().min(0).max(1),
    targetBpcer: z.number().min(0).max(1),
    fittedOn: z.string(),
  }).strict().nullable(),
}).strict();

/** A parsed calibration file. */
export type FaceCalibration = z.infer<typeof faceCalibrationSchema>;
/** A fusion model inside a calibration. */
export type FusionModel = z.infer<typeof fusionModelSchema>;
