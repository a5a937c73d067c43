import { randomUUID } from 'node:crypto';
import type { KeyRing } from '@authloop/crypto';
import type { FaceEvidence } from './FaceFactorVerifier.ts';
import type { Factor } from './Factor.ts';
import type { Transaction } from './transactionRepository.ts';

/** How long an approval artefact's signature stays checkable (`exp`): 400 days. */
export const ARTIFACT_TTL_S = 400 * 24 * 3600;

/** The JOSE `typ` of an approval artefact. */
export const ARTIFACT_TYP = 'authloop-approval+jwt';

/** The audience of approval artefacts for an issuer. */
export const artifactAudience = (issuer: string) => `${issuer}/approvals`;

/** What the passkey assertion contributed to an approval. */
export interface PasskeyEvidence {
  readonly passkeyId: string;
  readonly credentialId: string;
  /** `webauthn.get` or `payment.get` (Secure Payment Confirmation). */
  readonly clientDataType: string;
  readonly userVerified: boolean;
  readonly signCount: number;
  readonly challenge: string;
  /** base64url SHA-256 of the authenticator data and of the client data JSON. */
  readonly authenticatorDataHash: string;
  readonly clientDataHash: string;
}

/**
 * Signs the approval artefact: a compact JWS (EdDSA, key in `/.well-known/jwks.json`) whose claims are
 * `sub` (subject), `tid` (tenant), `txn` (id, amount, currency, payee, reference, createdAt), `factors`,
 * `passkey` (credential id, hashes of authenticator data and client data, …), `face` when used, and
 * `approvedAt`.
 */
export async function signApprovalArtifact({ ring, issuer, now, transaction, factors, passkey, face }: { ring: KeyRing; issuer: string; now: Date; transaction: Transaction; factors: readonly Factor[]; passkey: PasskeyEvidence; face: FaceEvidence | null }): Promise<string> {
  const t = transaction;
  return ring.sign(
    {
      jti: randomUUID(),
      sub: t.subjectId,
      tid: t.tenantId,
      txn: { id: t.id, amount: t.amount, currency: t.currency, payee: { name: t.payee.name, account: t.payee.account }, reference: t.reference, createdAt: t.createdAt.toISOString() },
      factors: [...factors],
      passkey: { ...passkey },
      ...(face === null ? {} : { face: { ...face } }),
      approvedAt: now.toISOString(),
    },
    { issuer, audience: artifactAudience(issuer), expiresInS: ARTIFACT_TTL_S, typ: ARTIFACT_TYP, now },
  );
}
