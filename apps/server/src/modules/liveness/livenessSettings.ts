import { CHALLENGE_TYPES } from '@authloop/engine/liveness';
import { z } from 'zod';

/** A tenant's liveness settings (`tenants.settings.liveness`), with defaults. */
export const livenessSettingsSchema = z
  .object({
    /** Challenge types this tenant's sessions may draw from. */
    challengeTypes: z.array(z.enum(CHALLENGE_TYPES)).min(1).default([...CHALLENGE_TYPES]),
    /** How many challenges a session draws (uniformly between min and max). */
    minCount: z.number().int().min(1).max(4).default(2),
    maxCount: z.number().int().min(1).max(4).default(4),
  })
  .strict()
  .refine((s) => s.minCount <= s.maxCount, { message: 'minCount must not exceed maxCount', path: ['minCount'] })
  .meta({ id: 'LivenessSettings', example: { challengeTypes: ['blink', 'smile', 'turn_left', 'turn_right'], minCount: 2, maxCount: 3 } });

export type LivenessSettings = z.infer<typeof livenessSettingsSchema>;
/** What `PUT /v1/liveness/settings` accepts (defaults filled in). */
export type LivenessSettingsInput = z.input<typeof livenessSettingsSchema>;

/** Parses stored settings; anything malformed falls back to the defaults rather than breaking sessions. */
export function parseLivenessSettings(raw: unknown): LivenessSettings {
  const parsed = livenessSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : livenessSettingsSchema.parse({});
}
