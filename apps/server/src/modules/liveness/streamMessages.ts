import { CHALLENGE_TYPES } from '@authloop/engine/liveness';
import { z } from 'zod';

const challenge = z.enum(CHALLENGE_TYPES);

/** Server → client JSON messages on the stream (a discriminated union on `type`). */
export const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), sessionId: z.uuid(), challenges: z.array(challenge), nonce: z.string(), expiresAt: z.iso.datetime(), padAvailable: z.boolean() }),
  z.object({ type: z.literal('face'), present: z.boolean(), tMs: z.number() }),
  z.object({ type: z.literal('challenge'), index: z.number().int(), total: z.number().int(), challenge }),
  z.object({ type: z.literal('progress'), frame: z.number().int(), tMs: z.number(), face: z.boolean(), index: z.number().int(), challenge: challenge.nullable(), progress: z.number() }),
  z.object({ type: z.literal('challenge_passed'), index: z.number().int(), challenge, durationMs: z.number() }),
  z.object({ type: z.literal('challenge_failed'), index: z.number().int(), challenge, reason: z.string(), detail: z.string() }),
  z.object({ type: z.literal('frame_dropped'), frame: z.number().int(), reason: z.enum(['busy']) }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('pong') }),
  z.object({
    type: z.literal('result'),
    sessionId: z.uuid(),
    passed: z.boolean(),
    reasons: z.array(z.string()),
    scores: z.record(z.string(), z.number().nullable()),
    challenges: z.array(z.object({ challenge, passed: z.boolean(), durationMs: z.number().nullable() })),
    livenessToken: z.string().nullable(),
    expiresIn: z.number().nullable(),
  }),
]);

export type ServerMessage = z.infer<typeof serverMessage>;
