import { EngineError } from '../EngineError.ts';
import type { FaceTemplate, MatchScore, TemplateVector } from '../types.ts';
import type { FaceCalibration, FusionModel } from './FaceCalibration.ts';
import { cosineSimilarity } from './cosineSimilarity.ts';
import { fusionFeature } from './fusionFeature.ts';

const key = (v: { model: string; version: string }): string => `${v.model}@${v.version}`;

function index(t: FaceTemplate, which: string): Map<string, TemplateVector> {
  if (t.vectors.length === 0) throw new EngineError('TEMPLATE_INVALID', `Template ${which} has no vectors.`);
  const map = new Map<string, TemplateVector>();
  for (const v of t.vectors) {
    if (!(v.vector instanceof Float32Array) || v.vector.length === 0) throw new EngineError('TEMPLATE_INVALID', `Template ${which} has an empty or non-float vector for ${key(v)}.`);
    map.set(key(v), v);
  }
  return map;
}

/** The fused logit of `model` for two indexed templates, or null when the model cannot be fed. */
function fuse(model: FusionModel, ia: Map<string, TemplateVector>, ib: Map<string, TemplateVector>): { logit: number; components: Record<string, number> } | null {
  const byModel = new Map<string, [TemplateVector, TemplateVector]>();
  for (const r of model.recognisers) {
    const va = ia.get(key(r)), vb = ib.get(key(r));
    if (va === undefined || vb === undefined) return null;
    if (va.vector.length !== vb.vector.length) {
      throw new EngineError('TEMPLATE_INVALID', `Vectors of ${key(r)} have different lengths (${va.vector.length} vs ${vb.vector.length}).`);
    }
    byModel.set(r.model, [va, vb]);
  }
  let logit = model.intercept;
  for (const term of model.terms) {
    const pair = byModel.get(term.model);
    if (pair === undefined) return null;
    const value = fusionFeature(term.feature, pair[0], pair[1]);
    if (value === null) return null;
    logit += (term.weight * (value - term.mean)) / term.std;
  }
  const components: Record<string, number> = {};
  for (const [model, [va, vb]] of byModel) components[model] = cosineSimilarity(va.vector, vb.vector);
  return { logit, components };
}

/**
 * Compares two face templates with a calibration: takes the first fusion model whose recognisers
 * (model and version) and features (e.g. magnitudes) are present in both templates, fuses its terms
 * logistically into a match probability 0..1 and judges it against that model's threshold. A failed
 * match is a result (`match: false`), not an error. `components` holds the raw cosine per recogniser.
 *
 * @throws {EngineError} TEMPLATE_MISMATCH when no fusion model fits both templates (vectors from
 *   different models or versions are never compared); TEMPLATE_INVALID for malformed templates or
 *   vectors of different lengths.
 */
export function compareTemplates(a: FaceTemplate, b: FaceTemplate, calibration: FaceCalibration): MatchScore {
  const ia = index(a, 'a'), ib = index(b, 'b');
  for (const model of calibration.models) {
    const fused = fuse(model, ia, ib);
    if (fused === null) continue;
    const score = 1 / (1 + Math.exp(-fused.logit));
    return { score, threshold: model.threshold, match: score >= model.threshold, components: fused.components };
  }
  const list = (m: Map<string, TemplateVector>): string => [...m.keys()].join(', ');
  const wanted = calibration.models.map((m) => m.recognisers.map(key).join(' + ')).join(' | ');
  throw new EngineError(
    'TEMPLATE_MISMATCH',
    `Templates cannot be compared: a has [${list(ia)}], b has [${list(ib)}]; calibration ${calibration.version} needs ${wanted}. Re-enrol with the current engine.`,
  );
}
