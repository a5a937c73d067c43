/** Returns a copy of `v` scaled to unit L2 norm (a zero vector stays zero). */
export function l2Normalize(v: ArrayLike<number>): Float32Array {
  let sq = 0;
  for (let i = 0; i < v.length; i++) sq += (v[i] ?? 0) ** 2;
  const norm = Math.sqrt(sq);
  const out = new Float32Array(v.length);
  if (norm === 0) return out;
  for (let i = 0; i < v.length; i++) out[i] = (v[i] ?? 0) / norm;
  return out;
}

/** Cosine similarity (-1..1) of two L2-normalised vectors of equal length: their dot product. */
export function cosineOfNormalized(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}
