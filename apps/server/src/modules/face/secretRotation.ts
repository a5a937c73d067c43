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
 * Derives a secret random orthogonal matrix from a 32-byte seed: Stewart's construction, a product
 * of `dims − 1` Householder reflections of shrinking size with Gaussian vectors drawn from an AES-CTR
 * stream, and random signs — a Haar-distributed rotation. The same seed always gives the same
 * matrix, so a tenant's stored and probe vectors live in the same secret basis while cosine
 * similarity (and so pgvector's cosine index) is unchanged. Building costs O(dims²) random numbers;
 * applying costs ~2·dims² multiply-adds (0.03 M for 128 dimensions, 2 M for 1024).
 */
export function secretRotation(seed: Uint8Array, dims: number): SecretRotation {
  if (seed.length !== 32) throw new RangeError('the rotation seed must be 32 bytes');
  if (!Number.isInteger(dims) || dims < 2) throw new RangeError('dims must be an integer ≥ 2');
  const next = uniformStream(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  // reflections[k] acts on coordinates k..dims-1: v ← v − 2·u·(u·v).
  const reflections: Float64Array[] = [];
  const signs = new Float64Array(dims);
  for (let k = 0; k < dims - 1; k++) {
    const x = new Float64Array(dims - k);
    let norm = 0;
    for (let i = 0; i < x.length; i++) {
      const g = gaussian();
      x[i] = g;
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    const x0 = x[0] as number;
    const s = x0 >= 0 ? 1 : -1;
    x[0] = x0 + s * norm;
    let un = 0;
    for (let i = 0; i < x.length; i++) un += (x[i] as number) ** 2;
    un = Math.sqrt(un);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) / un;
    reflections.push(x);
    signs[k] = -s;
  }
  signs[dims - 1] = next() < 0.5 ? -1 : 1;
  return {
    dims,
    apply(v: Float32Array): Float32Array {
      if (v.length !== dims) throw new RangeError(`expected a vector of ${dims} dimensions, got ${v.length}`);
      const w = Float64Array.from(v);
      for (let k = reflections.length - 1; k >= 0; k--) {
        const u = reflections[k] as Float64Array;
        let dot = 0;
        for (let i = 0; i < u.length; i++) dot += (u[i] as number) * (w[k + i] as number);
        for (let i = 0; i < u.length; i++) w[k + i] = (w[k + i] as number) - 2 * dot * (u[i] as number);
      }
      const out = new Float32Array(dims);
      for (let i = 0; i < dims; i++) out[i] = (w[i] as number) * (signs[i] as number);
      return out;
    },
  };
}
