import { decrypt, encrypt } from '@authloop/crypto';
import type { FaceTemplate, TemplateVector } from '@authloop/engine';
import { z } from 'zod';

/** One enrolment or adaptive sample: the engine's vectors and non-biometric metadata. */
export interface FaceSample {
  readonly addedAt: string;
  readonly source: 'enrol' | 'adaptive';
  /** Engine quality score 0..1 of the image the sample came from. */
  readonly quality: number;
  readonly template: FaceTemplate;
}

/** The decrypted content of a template row. */
export interface TemplateSecrets {
  readonly samples: readonly FaceSample[];
}

const sealedSchema = z.object({
  v: z.literal(1),
  samples: z.array(
    z.object({
      addedAt: z.string(),
      source: z.enum(['enrol', 'adaptive']),
      quality: z.number(),
      vectors: z.array(z.object({ model: z.string(), version: z.string(), vector: z.string(), magnitude: z.number().optional() })).min(1),
    }),
  ),
});

/** Associated data binding a sealed template to its tenant, subject and row: a blob moved to another row fails to open. */
export function templateAad(tenantId: string, subjectId: string, rowId: string): string {
  return `authloop:face-template:v1:${tenantId}:${subjectId}:${rowId}`;
}

const toBase64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');

function fromBase64(s: string): Float32Array {
  const bytes = Buffer.from(s, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}

/** Encrypts every vector (with its embedding magnitude, which the calibration uses) and sample metadata with AES-256-GCM under a tenant data key. */
export function sealTemplate(key: Uint8Array, secrets: TemplateSecrets, aad: string): Uint8Array {
  const body = {
    v: 1 as const,
    samples: secrets.samples.map((s) => ({
      addedAt: s.addedAt,
      source: s.source,
      quality: s.quality,
      vectors: s.template.vectors.map((v) => ({ model: v.model, version: v.version, vector: toBase64(v.vector), ...(v.magnitude === undefined ? {} : { magnitude: v.magnitude }) })),
    })),
  };
  return encrypt(key, new TextEncoder().encode(JSON.stringify(body)), aad);
}

/** Decrypts a sealed template; throws DecryptionError for a wrong key, AAD or tampered bytes. */
export function openTemplate(key: Uint8Array, sealed: Uint8Array, aad: string): TemplateSecrets {
  const parsed = sealedSchema.parse(JSON.parse(new TextDecoder().decode(decrypt(key, sealed, aad))));
  return {
    samples: parsed.samples.map((s) => ({
      addedAt: s.addedAt,
      source: s.source,
      quality: s.quality,
      // Rows sealed before magnitudes were stored have none: those templates are compared by cosine alone.
      template: { vectors: s.vectors.map((v): TemplateVector => ({ model: v.model, version: v.version, vector: fromBase64(v.vector), ...(v.magnitude === undefined ? {} : { magnitude: v.magnitude }) })) },
    })),
  };
}
