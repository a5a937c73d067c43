/** Evidence a face factor adds to the approval artefact (never biometric data). */
export type FaceEvidence = Readonly<Record<string, string | number | boolean>>;

/**
 * The seam for the face-with-liveness factor. The face and liveness modules issue a token after a
 * face verification with a liveness check; a verifier checks that token is valid, recent, for this
 * tenant and subject (and, when it carries one, this transaction). Until those modules provide an
 * implementation, {@link unavailableFaceFactor} refuses every token, so a transaction that requires
 * `face` cannot be approved (TRANSACTION_FACTOR_REJECTED), never silently approved without it.
 */
export interface FaceFactorVerifier {
  verify(input: { tenantId: string; subjectId: string; transactionId: string; token: string }): Promise<{ readonly ok: true; readonly evidence: FaceEvidence } | { readonly ok: false; readonly reason: string }>;
}

/** The default: no face verifier configured on this server. */
export const unavailableFaceFactor: FaceFactorVerifier = {
  async verify() {
    return { ok: false, reason: 'No face-with-liveness verifier is configured on this server.' };
  },
};
