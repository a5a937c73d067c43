import type { FaceTemplate, TemplateVector } from '@authloop/engine';

/** The vector scaled to unit length (a zero vector stays zero). */
export function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  const out = new Float32Array(v.length);
  if (n === 0) return out;
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) / n;
  return out;
}

/**
 * The mean template of several samples: for each model/version present in every sample, the
 * re-normalised mean of the (unit) vectors, and the mean of their embedding magnitudes when every
 * sample has one (the engine's calibration weighs the cosine with it; without it the engine falls
 * back to cosine alone, with another threshold). Averaging samples reduces per-image noise.
 */
export function meanTemplate(templates: readonly FaceTemplate[]): FaceTemplate {
  const first = templates[0];
  if (first === undefined) throw new RangeError('meanTemplate needs at least one template');
  const vectors: TemplateVector[] = [];
  for (const v of first.vectors) {
    const same = templates.map((t) => t.vectors.find((w) => w.model === v.model && w.version === v.version && w.vector.length === v.vector.length));
    if (same.some((w) => w === undefined)) continue;
    const sum = new Float32Array(v.vector.length);
    for (const w of same) if (w !== undefined) for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (w.vector[i] as number);
    const magnitudes = same.map((w) => w?.magnitude);
    const magnitude = magnitudes.every((m): m is number => m !== undefined && Number.isFinite(m)) ? magnitudes.reduce((a, b) => a + b, 0) / magnitudes.length : undefined;
    vectors.push({ model: v.model, version: v.version, vector: normalize(sum), ...(magnitude === undefined ? {} : { magnitude }) });
  }
  return { vectors };
}

/** The vector of `model@version` in a template, or undefined. */
export function vectorOf(t: FaceTemplate, model: { id: string; version: string }): Float32Array | undefined {
  return t.vectors.find((v) => v.model === model.id && v.version === model.version)?.vector;
}

/** pgvector's text form `[x1,x2,…]`. */
export function toPgVector(v: Float32Array): string {
  return `[${Array.from(v, (x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;
}
