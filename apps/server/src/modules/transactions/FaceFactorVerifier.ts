import type { ErrorCode } from '../../errors/codes.ts';

/** Evidence a face/liveness factor adds to the approval artefact (never biometric data). */
export type FaceEvidence = Readonly<Record<string, string | number | boolean>>;

/** What {@link FaceFactorVerifier.verify} answers: evidence, or a refusal with its API code. */
export type FaceFactorResult = { readonly ok: true; readonly evidence: FaceEvidence } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

/**
 * The seam for the face-with-liveness factor of a payment approval. A verifier checks a liveness
 * token for this tenant and subject, spends it, and with `requireFace` also checks that the face
 * of the liveness session is the subject's enrolled face. The server wires
 * {@link livenessFaceFactor}; {@link unavailableFaceFactor} refuses every token, so a transaction
 * that requires `face` or `liveness` is never approved without it.
 */
export interface FaceFactorVerifier {
  verify(input: { tenantId: string; subjectId: string; transactionId: string; token: string; requireFace: boolean }): Promise<FaceFactorResult>;
}

/** A verifier for servers without liveness: refuses every token (TRANSACTION_FACTOR_REJECTED). */
export const unavailableFaceFactor: FaceFactorVerifier = {
  async verify() {
    return { ok: false, code: 'TRANSACTION_FACTOR_REJECTED', reason: 'No face-with-liveness verifier is configured on this server.' };
  },
};
