/** An authentication factor a transaction approval can require. */
export const factors = ['passkey', 'face'] as const;

/** `passkey`: a WebAuthn assertion over the transaction challenge; `face`: a face verification with liveness. */
export type Factor = (typeof factors)[number];
