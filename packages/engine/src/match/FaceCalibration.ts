import { z } from 'zod';

/**
 * What a fusion term measures on a pair of templates, for one recogniser:
 * `cosine` — cosine similarity of the two vectors; `min-magnitude` — the smaller of the two raw
 * embedding lengths (a quality cue); `cosine-x-min-magnitude` — their product (lets quality scale
 * how much the cosine is trusted).
 */
export const fusionFeatureSchema = z.enum(['cosine', 'min-magnitude', 'cosine-x-min-magnitude']);
/** A feature of {@link fusionFeatureSchema}. */
export type FusionFeature = z.infer<typeof fusionFeatureSchema>;

/** A recogniser (model id and version) whose vectors a fusion model needs in both templates. */
export const recogniserRefSchema = z.object({ model: z.string().min(1), version: z.string().min(1) }).strict();

/** One term of the logistic fusion: weight × (feature − mean) / std. */
export const fusionTermSchema = z.object({
  model: z.string().min(1),
  feature: fusionFeatureSchema,
  mean: z.number(),
  std: z.number().positive(),
  weight: z.number(),
}).strict();

/** A logistic fusion model: P(same) = σ(intercept + Σ terms); accept when P ≥ threshold. */
export const fusionModelSchema = z.object({
  name: z.string().min(1),
  recognisers: z.array(recogniserRefSchema).min(1),
  terms: z.array(fusionTermSchema).min(1),
  intercept: z.number(),
  /** Decision threshold on the fused probability 0..1. */
  threshold: z.number().min(0).max(1),
}).strict();

/**
 * A versioned calibration file: how raw template comparisons become a calibrated match probability
 * and where the thresholds lie, with a record of what it was fitted on.
 */
export const faceCalibrationSchema = z.object({
  schema: z.literal('authloop/face-calibration@2'),
  /** Calibration version, e.g. "onnx-2026.1". */
  version: z.string().min(1),
  engine: z.string().min(1),
  fittedOn: z.object({
    dataset: z.string(),
    pairs: z.number().int().nonnegative(),
    method: z.string(),
    command: z.string(),
    /** Accuracy of the same fitting procedure cross-validated by fold (fit and threshold on the other folds). */
    crossValidatedAccuracy: z.record(z.string(), z.number()).optional(),
  }).strict(),
  /** Fusion models from most to least demanding; compare uses the first one both templates can feed. */
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
/** A term of a fusion model. */
export type FusionTerm = z.infer<typeof fusionTermSchema>;
