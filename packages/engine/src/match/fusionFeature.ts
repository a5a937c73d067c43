import type { TemplateVector } from '../types.ts';
import type { FusionFeature } from './FaceCalibration.ts';
import { cosineSimilarity } from './cosineSimilarity.ts';

/**
 * The value of one fusion feature for a pair of vectors from the same recogniser, or null when it
 * needs a magnitude that a vector lacks. Shared by matching and calibration fitting, so both compute
 * exactly the same numbers.
 */
export function fusionFeature(feature: FusionFeature, a: TemplateVector, b: TemplateVector): number | null {
  switch (feature) {
    case 'cosine':
      return cosineSimilarity(a.vector, b.vector);
    case 'min-magnitude':
      return a.magnitude === undefined || b.magnitude === undefined ? null : Math.min(a.magnitude, b.magnitude);
    case 'cosine-x-min-magnitude':
      return a.magnitude === undefined || b.magnitude === undefined ? null : cosineSimilarity(a.vector, b.vector) * Math.min(a.magnitude, b.magnitude);
  }
}
