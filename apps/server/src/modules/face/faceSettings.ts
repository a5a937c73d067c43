import { z } from 'zod';

/**
 * A tenant's face settings (`tenants.settings.face`). Every field has a default, so a tenant with
 * no settings gets: 3 images to enrol, liveness not required, the engine's calibrated thresholds,
 * no per-subject threshold, adaptive update off.
 */
export const faceSettingsSchema = z
  .object({
    minEnrolImages: z.number().int().min(1).max(10).default(3).describe('Accepted images an enrolment needs'),
    livenessRequired: z.boolean().default(false).describe('Verification also needs a live passive-PAD decision; lockout limits become 10/100'),
    identifyThreshold: z.number().min(0).max(1).nullable().default(null).describe("1:N threshold on the calibrated score; null = the engine's verification threshold"),
    subjectThreshold: z
      .object({
        min: z.number().min(0).max(1),
        max: z.number().min(0).max(1),
        margin: z.number().min(0).max(0.5).default(0.05),
      })
      .nullable()
      .default(null)
      .describe('Per-subject threshold from enrolment spread, clamped to [min, max]; null = off'),
    adaptive: z
      .object({
        enabled: z.boolean().default(false),
        minScoreMargin: z.number().min(0).max(1).default(0.1).describe('The match score must exceed the threshold by this much'),
        minQuality: z.number().min(0).max(1).default(0.7),
        maxSamples: z.number().int().min(1).max(20).default(5).describe('Adaptive samples kept beside the enrolment samples (oldest out)'),
        requireLive: z.boolean().default(true).describe('Only a probe with a "live" PAD decision refreshes the template'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((s) => s.subjectThreshold === null || s.subjectThreshold.min <= s.subjectThreshold.max, { message: 'subjectThreshold.min must be ≤ max', path: ['subjectThreshold'] })
  .meta({ id: 'FaceSettings' });

/** Parsed face settings with defaults applied. */
export type FaceSettings = z.output<typeof faceSettingsSchema>;

/** The settings from the stored JSON; anything unreadable falls back to the defaults. */
export function parseFaceSettings(stored: unknown): FaceSettings {
  const parsed = faceSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : faceSettingsSchema.parse({});
}
