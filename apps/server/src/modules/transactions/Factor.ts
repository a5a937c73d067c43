/** An authentication factor a transaction approval can require. */
export const factors = ['passkey', 'face', 'liveness'] as const;

/**
 * `passkey`: a WebAuthn assertion over the transaction challenge (always required: it carries the
 * dynamic linking); `face`: the face of a passed liveness session matches the subject's enrolment;
 * `liveness`: a passed liveness session of the subject. One liveness token provides both.
 */
export type Factor = (typeof factors)[number];
