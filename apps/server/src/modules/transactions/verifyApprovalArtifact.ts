import type { KeyRing, TokenFailure } from '@authloop/crypto';
import { z } from 'zod';
import { ARTIFACT_TYP, artifactAudience } from './approvalArtifact.ts';
import type { Transaction } from './transactionRepository.ts';

const claimsSchema = z.object({
  sub: z.string(),
  tid: z.string(),
  txn: z.object({ id: z.string(), amount: z.string(), currency: z.string(), payee: z.object({ name: z.string(), account: z.string() }), reference: z.string(), createdAt: z.string() }),
  factors: z.array(z.string()),
  passkey: z.object({ passkeyId: z.string(), credentialId: z.string(), clientDataType: z.string(), userVerified: z.boolean(), signCount: z.number(), challenge: z.string(), authenticatorDataHash: z.string(), clientDataHash: z.string() }),
  face: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  approvedAt: z.string(),
});

/** The `typ` of a compact JWS's protected header (already verified, so well-formed). */
function headerTyp(jws: string): unknown {
  const parsed = z.object({ typ: z.string().optional() }).safeParse(JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8')));
  return parsed.success ? parsed.data.typ : undefined;
}

/** The claims of a valid approval artefact. */
export type ApprovalClaims = z.infer<typeof claimsSchema>;

/** Why an artefact was refused: a token failure, a wrong `typ`, other claims, or another transaction. */
export type ArtifactFailure = TokenFailure | 'ARTIFACT_WRONG_TYPE' | 'ARTIFACT_TRANSACTION_MISMATCH';

/** The outcome of {@link verifyApprovalArtifact}; a refusal is a result. */
export type ArtifactVerification = { readonly valid: true; readonly claims: ApprovalClaims; readonly kid: string } | { readonly valid: false; readonly reason: ArtifactFailure };

/**
 * Verifies an approval artefact as a bank would offline with the JWKS: EdDSA signature by a known key,
 * issuer, audience, `typ`, then that its claims describe `transaction` exactly (tenant, subject, id,
 * amount, currency, payee, reference).
 */
export async function verifyApprovalArtifact({ ring, issuer, now, artifact, transaction }: { ring: KeyRing; issuer: string; now: Date; artifact: string; transaction: Transaction }): Promise<ArtifactVerification> {
  const result = await ring.verify(artifact, { issuer, audience: artifactAudience(issuer), now });
  if (!result.valid) return { valid: false, reason: result.reason };
  if (headerTyp(artifact) !== ARTIFACT_TYP) return { valid: false, reason: 'ARTIFACT_WRONG_TYPE' };
  const parsed = claimsSchema.safeParse(result.payload);
  if (!parsed.success) return { valid: false, reason: 'TOKEN_CLAIMS_INVALID' };
  const c = parsed.data;
  const t = transaction;
  const same =
    c.tid === t.tenantId &&
    c.sub === t.subjectId &&
    c.txn.id === t.id &&
    c.txn.amount === t.amount &&
    c.txn.currency === t.currency &&
    c.txn.payee.name === t.payee.name &&
    c.txn.payee.account === t.payee.account &&
    c.txn.reference === t.reference;
  if (!same) return { valid: false, reason: 'ARTIFACT_TRANSACTION_MISMATCH' };
  return { valid: true, claims: c, kid: result.kid };
}
