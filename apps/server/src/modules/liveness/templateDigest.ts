import { createHash } from 'node:crypto';
import type { FaceTemplate } from '@authloop/engine';
import { z } from 'zod';

/**
 * SHA-256 (hex) of a face template: its vectors sorted by `model@version`, each hashed as the UTF-8
 * name, a NUL, then the float32 little-endian bytes. The same template always gives the same digest;
 * the digest reveals nothing usable about the face.
 */
export function templateDigest(template: FaceTemplate): string {
  const h = createHash('sha256');
  const vectors = [...template.vectors].sort((a, b) => `${a.model}@${a.version}`.localeCompare(`${b.model}@${b.version}`));
  for (const v of vectors) {
    h.update(`${v.model}@${v.version}\0`, 'utf8');
    const le = new Float32Array(v.vector);
    h.update(new Uint8Array(le.buffer, le.byteOffset, le.byteLength));
  }
  return h.digest('hex');
}

const sealedTemplateSchema = z.object({ v: z.literal(1), vectors: z.array(z.object({ model: z.string(), version: z.string(), vector: z.string() })).min(1) });

/** JSON bytes of a template (vectors base64 float32), to seal with the tenant key. */
export function templateToBytes(template: FaceTemplate): Uint8Array {
  const body = { v: 1, vectors: template.vectors.map((v) => ({ model: v.model, version: v.version, vector: Buffer.from(v.vector.buffer, v.vector.byteOffset, v.vector.byteLength).toString('base64') })) };
  return new TextEncoder().encode(JSON.stringify(body));
}

/** Inverse of {@link templateToBytes}. */
export function templateFromBytes(bytes: Uint8Array): FaceTemplate {
  const parsed = sealedTemplateSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
  return {
    vectors: parsed.vectors.map((v) => {
      const raw = Buffer.from(v.vector, 'base64');
      const copy = new Uint8Array(raw.byteLength);
      copy.set(raw);
      return { model: v.model, version: v.version, vector: new Float32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4)) };
    }),
  };
}

/** Cosine similarity of two vectors of the same length (−1..1); 0 when either is zero. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
