import { createCipheriv } from 'node:crypto';

/** A secret orthogonal matrix (row-major, `dims` × `dims`) and its application to vectors. */
export interface SecretRotation {
  readonly dims: number;
  /** `Q·v` for a vector of length `dims`. Inner products (and so cosine similarity) are preserved. */
  apply(v: Float32Array): Float32Array;
}

/** Uniform doubles in [0, 1) from AES-256-CTR over zeros keyed by the 32-byte seed (deterministic, secret). */
function uniformStream(seed: Uint8Array): () => number {
  const cipher = createCipheriv('aes-256-ctr', seed, Buffer.alloc(16));
  let buf = Buffer.alloc(0);
  let pos = 0;
  return () => {
    if (pos + 8 > buf.length) {
      buf = cipher.update(Buffer.alloc(64 * 1024));
      pos = 0;
    }
    // 53 random bits → a double in [0, 1).
    const hi = buf.readUInt32BE(pos) >>> 5;
    const lo = buf.readUInt32BE(pos + 4) >>> 6;
    pos += 8;
    return (hi * 67108864 + lo) / 9007199254740992;
  };
}

/**
 * Derives a Haar-random orthogonal matrix from a 32-byte secret seed: a Gaussian matrix drawn from
 * an AES-CTR stream, orthonormalised row by row (modified Gram–Schmidt). The same seed always gives
 * the same matrix, so a tenant's stored and probe vectors live in the same secret basis while
 * cosine similarity (and so pgvector's cosine index) is unchanged. Cost O(dims³): ~1 ms for 128,
 * ~1 s for 1024 — callers cache it.
 */
export function secretRotation(seed: Uint8Array, dims: number): SecretRotation {
  if (seed.length !== 32) throw new RangeError('the rotation seed must be 32 bytes');
  if (!Number.isInteger(dims) || dims < 2) throw new RangeError('dims must be an integer ≥ 2');
  const next = uniformStream(seed);
  const gaussian = (): number => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const q = new Float64Array(dims * dims);
  for (let i = 0; i < q.length; i++) q[i] = gaussian();
  for (let i = 0; i < dims; i++) {
    const ri = i * dims;
    for (let j = 0; j < i; j++) {
      const rj = j * dims;
      let dot = 0;
      for (let k = 0; k < dims; k++) dot += (q[ri + k] ?? 0) * (q[rj + k] ?? 0);
      for (let k = 0; k < dims; k++) q[ri + k] = (q[ri + k] ?? 0) - dot * (q[rj + k] ?? 0);
    }
    let norm = 0;
    for (let k = 0; k < dims; k++) norm += (q[ri + k] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < dims; k++) q[ri + k] = (q[ri + k] ?? 0) / norm;
  }
  return {
    dims,
    apply(v: Float32Array): Float32Array {
      if (v.length !== dims) throw new RangeError(`expected a vector of ${dims} dimensions, got ${v.length}`);
      const out = new Float32Array(dims);
      for (let i = 0; i < dims; i++) {
        const ri = i * dims;
        let s = 0;
        for (let k = 0; k < dims; k++) s += (q[ri + k] ?? 0) * (v[k] ?? 0);
        out[i] = s;
      }
      return out;
    },
  };
}
