import { CHALLENGE_TYPES } from '@authloop/engine/liveness';
import { z } from 'zod';

export const challengeType = z.enum(CHALLENGE_TYPES);

export const sessionIdParams = z.object({ sessionId: z.uuid().describe('Liveness session id (UUID)') }).strict();

export const createSessionBody = z
  .object({
    subjectId: z.uuid().optional().describe('The subject this liveness proof is for (optional)'),
    challengeTypes: z.array(challengeType).min(1).max(CHALLENGE_TYPES.length).optional().describe("Narrow the tenant's challenge types for this session"),
    count: z.number().int().min(1).max(4).optional().describe("Fewer challenges than the tenant's maximum (never more)"),
  })
  .strict()
  .meta({ id: 'CreateLivenessSession', example: { challengeTypes: ['turn_left', 'turn_right'], count: 1 } });

export const streamQuery = z.object({ ticket: z.string().min(16).max(200).optional().describe('Single-use stream ticket from session creation (browsers cannot set headers on a WebSocket)') }).strict();

export const scoresView = z.object({
  pad: z.number().nullable(),
  padFrames: z.number().int(),
  screen: z.number().nullable(),
  moire: z.number().nullable(),
  bezel: z.number().nullable(),
  glare: z.number().nullable(),
  planar: z.number().nullable(),
  motionDeg: z.number(),
  depth: z.number().nullable(),
  sameFace: z.number().nullable(),
  multiFaceShare: z.number(),
  frames: z.number().int(),
  faceFrames: z.number().int(),
});

export const challengeResultView = z.object({
  challenge: challengeType,
  passed: z.boolean(),
  durationMs: z.number().nullable().describe('From the moment the challenge was shown to its completion'),
});

export const sessionView = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid().nullable(),
    challenges: z.array(challengeType),
    nonce: z.string(),
    status: z.enum(['pending', 'streaming', 'passed', 'failed', 'expired']),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    result: z
      .object({ passed: z.boolean(), reasons: z.array(z.string()), scores: scoresView.nullable(), challenges: z.array(challengeResultView), tokenConsumed: z.boolean() })
      .nullable(),
  })
  .meta({ id: 'LivenessSession' });

export const createdSessionView = sessionView
  .extend({
    streamTicket: z.string().describe('Single use; pass as `?ticket=` on the stream URL'),
    streamUrl: z.string().describe('Path of the WebSocket stream'),
  })
  .meta({ id: 'CreatedLivenessSession' });

export const meshView = z
  .object({ sessionId: z.uuid(), points: z.number().int(), units: z.literal('frame pixels (x right, y down, z towards the camera negative)'), mesh: z.array(z.tuple([z.number(), z.number(), z.number()])) })
  .meta({ id: 'LivenessMesh' });

/** Client → server JSON messages on the stream. Binary messages are one JPEG frame each. */
export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame'), data: z.base64().max(4_000_000).describe('One JPEG frame, base64') }).strict(),
  z.object({ type: z.literal('cancel') }).strict(),
  z.object({ type: z.literal('ping') }).strict(),
]);

export type ClientMessage = z.infer<typeof clientMessage>;
