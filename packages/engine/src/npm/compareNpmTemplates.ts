import { EngineError } from '../EngineError.ts';
import type { FaceTemplate, MatchScore, TemplateVector } from '../types.ts';
import { cosineOfNormalized } from './templateMath.ts';

/** How one recogniser's cosine similarity is turned into evidence for a match. */
export interface RecogniserCalibration {
  readonly model: string;
  readonly version: string;
  readonly dimensions: number;
  /** Cosine similarity at which this recogniser alone is undecided (its equal-error point on LFW). */
  readonly threshold: number;
  /** Cosine units per unit of log-odds: how fast the score saturates around `threshold`. */
  readonly scale: number;
  /** Weight of this recogniser in the fused log-odds (weights are normalised to sum to 1). */
  readonly weight: number;
}

/** The fused score's decision threshold: the score is a probability-like value 0..1. */
export const NPM_MATCH_THRESHOLD = 0.5;

function pick(template: FaceTemplate, c: RecogniserCalibration, side: string): TemplateVector {
  const v = template.vectors.find((t) => t.model === c.model && t.version === c.version);
  if (!v) {
    const has = template.vectors.map((t) => `${t.model}@${t.version}`).join(', ') || 'none';
    throw new EngineError('TEMPLATE_MISMATCH', `Template ${side} has no ${c.model}@${c.version} vector (it has: ${has}); re-enrol with this engine.`);
  }
  if (v.vector.length !== c.dimensions) {
    throw new EngineError('TEMPLATE_INVALID', `Template ${side}'s ${c.model} vector has ${v.vector.length} dimensions, expected ${c.dimensions}.`);
  }
  return v;
}

/**
 * Compares two templates with the given recognisers. Each recogniser's cosine similarity becomes
 * log-odds `(cos - threshold) / scale`; the weighted mean of those is squashed with a logistic
 * into `score` (0..1), judged against {@link NPM_MATCH_THRESHOLD}. `components` holds raw cosines.
 *
 * @throws {EngineError} TEMPLATE_MISMATCH when either template lacks a vector from one of the
 *   recognisers (another engine, model or version made it); TEMPLATE_INVALID on wrong dimensions.
 */
export function compareNpmTemplates(a: FaceTemplate, b: FaceTemplate, calibrations: readonly RecogniserCalibration[]): MatchScore {
  let logit = 0;
  let weights = 0;
  const components: Record<string, number> = {};
  for (const c of calibrations) {
    const cos = cosineOfNormalized(pick(a, c, 'a').vector, pick(b, c, 'b').vector);
    components[c.model] = cos;
    logit += (c.weight * (cos - c.threshold)) / c.scale;
    weights += c.weight;
  }
  const fused = weights > 0 ? logit / weights : 0;
  const score = 1 / (1 + Math.exp(-fused));
  return { score, threshold: NPM_MATCH_THRESHOLD, match: score >= NPM_MATCH_THRESHOLD, components };
}
