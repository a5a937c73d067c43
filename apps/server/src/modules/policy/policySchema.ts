import { z } from 'zod';

/** Factors a policy can ask for. `liveness` is a presentation-attack check, not an identity factor. */
export const factorSchema = z.enum(['face', 'voice', 'fingerprint', 'passkey', 'liveness']);
export type Factor = z.infer<typeof factorSchema>;

/** What one action needs: `factors` always, plus `stepUpFactors` when risk is above `risk.stepUpAbove`. */
const requirement = z
  .object({
    factors: z.array(factorSchema).min(1),
    stepUpFactors: z.array(factorSchema).default([]),
  })
  .strict();

/** One payment rule: applies when the amount (minor units) is at most `maxAmountMinor` (null = no limit). */
const paymentRule = requirement
  .extend({
    maxAmountMinor: z.number().int().nonnegative().nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional().describe('Only for this ISO 4217 currency; omit for any'),
  })
  .strict();

/**
 * A tenant's rules as data, validated with zod, versioned and audited when changed. Payment rules
 * are tried in order; the first whose currency matches and whose limit covers the amount decides.
 */
export const policySchema = z
  .object({
    actions: z
      .object({
        enrol: requirement,
        verify: requirement,
        recover: requirement,
        approvePayment: z.array(paymentRule).min(1),
      })
      .strict(),
    /** Target false-match rate per modality (e.g. 1e-4); the threshold comes from the engine's calibration. */
    thresholds: z
      .object({
        face: z.object({ targetFmr: z.number().min(1e-8).max(0.1) }).strict(),
        voice: z.object({ targetFmr: z.number().min(1e-8).max(0.1) }).strict().optional(),
        fingerprint: z.object({ targetFmr: z.number().min(1e-8).max(0.1) }).strict().optional(),
      })
      .strict(),
    /** Lock a factor after `maxFailures` failures within `windowS`; for `lockS` seconds (0 = until an operator re-enables it). */
    lockout: z.object({ maxFailures: z.number().int().min(1).max(100), windowS: z.number().int().min(10).max(86_400), lockS: z.number().int().min(0).max(30 * 86_400) }).strict(),
    /** Liveness: `always`, `never`, or `above-risk` (when the risk score exceeds `riskAbove`). */
    liveness: z.object({ required: z.enum(['always', 'never', 'above-risk']), riskAbove: z.number().int().min(0).max(100).default(30) }).strict(),
    /** Risk score (0..100) above which to demand step-up factors, and above which to deny. */
    risk: z.object({ stepUpAbove: z.number().int().min(0).max(100), denyAbove: z.number().int().min(0).max(100) }).strict(),
    privacy: z
      .object({
        /** Purposes (modalities) that need a recorded consent before enrolment. */
        consentRequiredFor: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/)).default([]),
        /** Erase biometric data of subjects inactive this many days (null = keep until erased). */
        retentionDays: z.number().int().min(1).max(36_500).nullable(),
      })
      .strict(),
  })
  .strict()
  .refine((p) => p.risk.stepUpAbove <= p.risk.denyAbove, { message: 'risk.stepUpAbove must not exceed risk.denyAbove', path: ['risk'] })
  .meta({ id: 'TenantPolicy' });

/** A validated tenant policy. */
export type Policy = z.infer<typeof policySchema>;
/** Policy input (defaults not yet applied). */
export type PolicyInput = z.input<typeof policySchema>;

/** The policy of a tenant that has not set one. */
export const defaultPolicy: Policy = policySchema.parse({
  actions: {
    enrol: { factors: ['face', 'liveness'], stepUpFactors: [] },
    verify: { factors: ['face'], stepUpFactors: ['passkey'] },
    recover: { factors: ['face', 'liveness'], stepUpFactors: ['passkey'] },
    approvePayment: [
      { maxAmountMinor: 10_000, factors: ['passkey'], stepUpFactors: ['face'] },
      { maxAmountMinor: null, factors: ['passkey', 'face'], stepUpFactors: ['liveness'] },
    ],
  },
  thresholds: { face: { targetFmr: 1e-4 } },
  lockout: { maxFailures: 5, windowS: 900, lockS: 900 },
  liveness: { required: 'always', riskAbove: 30 },
  risk: { stepUpAbove: 40, denyAbove: 85 },
  privacy: { consentRequiredFor: ['face', 'voice', 'fingerprint'], retentionDays: null },
});
