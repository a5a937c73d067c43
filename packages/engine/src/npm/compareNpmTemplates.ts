import { EngineError } from '../EngineError.ts';
import type { FaceTemplate, MatchScore, TemplateVector } from '../types.ts';
import { cosineOfNormalized } from './templateMath.ts';

/** A recogniser a template vector must come from: id, version and vector length. */
export interface RecogniserRef {
  readonly model: string;
  readonly version: string;
  readonly dimensions: number;
}

/**
 * A logistic calibration from per-recogniser cosine similarities to a match probability:
 * `score = 1 / (1 + exp(-(bias + Σ weights[i] · cos_i)))`. Fitted on the shared LFW folds.
 */
export interface ScoreCalibration {
  /** The recognisers whose cosines feed the score, in the order of `weights`. */
  readonly models: readonly RecogniserRef[];
  /** Log-odds intercept. */
  readonly bias: number;
  /** Log-odds per unit of cosine similarity, one per model. */
  readonly weights: readonly number[];
}

/** The decision threshold on the calibrated score (0..1): a match is score ≥ 0.5. */
export const NPM_MATCH_THRESHOLD = 0.5;

function find(template: FaceTemplate, ref: RecogniserRef): TemplateVector | undefined {
  return template.vectors.find((t) => t.model === ref.model && t.version === ref.version);
}

function describe(template: FaceTemplate): string {
  return template.vectors.map((t) => `${t.model}@${t.version}`).join(', ') || 'none';
}

/**
 * Compares two templates with the first calibration whose recognisers both templates carry
 * (list the richest fusion first, the single primary recogniser last), so a fused template still
 * compares with a primary-only one on the primary alone. Vectors from other models or versions
 * are never compared. `components` holds the raw cosines (-1..1) by model id.
 *
 * @throws {EngineError} TEMPLATE_MISMATCH when no calibration fits both templates (another
 *   engine, model or version made one of them); TEMPLATE_INVALID when a vector has the wrong length.
 */
export function compareNpmTemplates(a: FaceTemplate, b: FaceTemplate, calibrations: readonly ScoreCalibration[]): MatchScore {
  const calibration = calibrations.find((c) => c.models.every((m) => find(a, m) && find(b, m)));
  if (!calibration) {
    const wanted = calibrations.map((c) => c.models.map((m) => `${m.model}@${m.version}`).join('+')).join(' or ');
    throw new EngineError('TEMPLATE_MISMATCH', `Templates were made by other models (a: ${describe(a)}; b: ${describe(b)}); this engine compares ${wanted}. Re-enrol with this engine.`);
  }
  let logit = calibration.bias;
  const components: Record<string, number> = {};
  calibration.models.forEach((m, i) => {
    const va = find(a, m);
    const vb = find(b, m);
    if (!va || !vb) return;
    for (const v of [va, vb]) {
      if (v.vector.length !== m.dimensions) {
        throw new EngineError('TEMPLATE_INVALID', `A ${m.model} vector has ${v.vector.length} dimensions, expected ${m.dimensions}.`);
      }
    }
    const cos = cosineOfNormalized(va.vector, vb.vector);
    components[m.model] = cos;
    logit += (calibration.weights[i] ?? 0) * cos;
  });
  const score = 1 / (1 + Math.exp(-logit));
  return { score, threshold: NPM_MATCH_THRESHOLD, match: score >= NPM_MATCH_THRESHOLD, components };
}
