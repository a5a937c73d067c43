import { EngineError } from '../EngineError.ts';
import type { FaceTemplate, MatchScore, TemplateVector } from '../types.ts';
import type { FaceCalibration } from './FaceCalibration.ts';
import { cosineSimilarity } from './cosineSimilarity.ts';

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

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Compares two face templates with a calibration: picks the first fusion model whose recognisers
 * (model and version) are present in both templates, z-normalises each cosine similarity, fuses them
 * logistically into a match probability 0..1 and judges it against that model's threshold. A failed
 * match is a result (`match: false`), not an error.
 *
 * @throws {EngineError} TEMPLATE_MISMATCH when no fusion model fits both templates (vectors from
 *   different models or versions are never compared); TEMPLATE_INVALID for malformed templates or
 *   vectors of different lengths.
 */
export function compareTemplates(a: FaceTemplate, b: FaceTemplate, calibration: FaceCalibration): MatchScore {
  const ia = index(a, 'a'), ib = index(b, 'b');
  for (const model of calibration.models) {
    const keys = model.recognisers.map(key);
    if (!keys.every((k) => ia.has(k) && ib.has(k))) continue;
    const components: Record<string, number> = {};
    let logit = model.intercept;
    for (const r of model.recognisers) {
      const va = ia.get(key(r)), vb = ib.get(key(r));
      if (va === undefined || vb === undefined) continue;
      if (va.vector.length !== vb.vector.length) {
        throw new EngineError('TEMPLATE_INVALID', `Vectors of ${key(r)} have different lengths (${va.vector.length} vs ${vb.vector.length}).`);
      }
      const cos = cosineSimilarity(va.vector, vb.vector);
      components[r.model] = cos;
      logit += (r.weight * (cos - r.mean)) / r.std;
    }
    const score = sigmoid(logit);
    return { score, threshold: model.threshold, match: score >= model.threshold, components };
  }
  const list = (m: Map<string, TemplateVector>): string => [...m.keys()].join(', ');
  const wanted = calibration.models.map((m) => m.recognisers.map(key).join(' + ')).join(' | ');
  throw new EngineError(
    'TEMPLATE_MISMATCH',
    `Templates cannot be compared: a has [${list(ia)}], b has [${list(ib)}]; calibration ${calibration.version} needs ${wanted}. Re-enrol with the current engine.`,
  );
}
