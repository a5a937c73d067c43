import type { KeyRing } from '@authloop/crypto';
import { z } from 'zod';

/** Seconds a liveness token stays valid after the session passes. */
export const LIVENESS_TOKEN_TTL_S = 120;

/** Claims of a liveness token (JWS, EdDSA, `typ: liveness+jwt`, audience `<issuer>/liveness`). */
export const livenessClaimsSchema = z.object({
  jti: z.uuid(),
  /** Liveness session id. */
  sid: z.uuid(),
  /** Tenant id. */
  tid: z.uuid(),
  /** Subject id, when the session was created for one. */
  sub: z.uuid().optional(),
  /** SHA-256 (hex) of the best frame's face template ({@link templateDigest}). */
  fth: z.string().regex(/^[0-9a-f]{64}$/),
  /** Session nonce. */
  nonce: z.string(),
  exp: z.number(),
  iat: z.number(),
});

export type LivenessClaims = z.infer<typeof livenessClaimsSchema>;

/** The audience liveness tokens are issued for. */
export const livenessAudience = (issuer: string): string => `${issuer}/liveness`;

/** Signs a liveness token with the server's current EdDSA key (verifiable with `/.well-known/jwks.json`). */
export async function signLivenessToken(ring: KeyRing, claims: { jti: string; sid: string; tid: string; sub: string | null; fth: string; nonce: string }, { issuer, now }: { issuer: string; now: Date }): Promise<string> {
  const { sub, ...rest } = claims;
  return ring.sign(sub === null ? rest : { ...rest, sub }, { issuer, audience: livenessAudience(issuer), expiresInS: LIVENESS_TOKEN_TTL_S, typ: 'liveness+jwt', now });
}
