import type { FaceTemplate } from '@authloop/engine';
import { z } from 'zod';
import type { LivenessService } from '../liveness/livenessService.ts';
import type { FaceFactorResult, FaceFactorVerifier } from './FaceFactorVerifier.ts';

/** The claims read before the token is spent, only to refuse early (acceptance rests on `consumeToken`). */
const peekSchema = z.object({ tid: z.string(), sub: z.string().optional(), fth: z.string().regex(/^[0-9a-f]{64}$/) });

function peek(token: string): z.infer<typeof peekSchema> | null {
  const part = token.split('.')[1];
  if (part === undefined) return null;
  try {
    const parsed = peekSchema.safeParse(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The face/liveness factor of a payment approval on top of the liveness module's single-use token
 * (`services.liveness.consumeToken`). The token must come from a session created for this subject
 * in this tenant (`LIVENESS_TOKEN_SUBJECT_MISMATCH` otherwise, checked before the token is spent).
 * With `requireFace` the session's best frame must match the subject's enrolled face
 * (`FACE_NOT_ENROLLED` without one, `LIVENESS_TOKEN_FACE_MISMATCH` for another face); without it
 * only liveness is proven. Expired, reused, forged and other tenants' tokens answer the liveness
 * module's codes (`LIVENESS_TOKEN_EXPIRED`, `_REUSED`, `_INVALID`).
 */
export function livenessFaceFactor({ liveness, enrolledTemplate }: { liveness: Pick<LivenessService, 'consumeToken'>; enrolledTemplate: (tenantId: string, subjectId: string) => Promise<FaceTemplate | null> }): FaceFactorVerifier {
  return {
    async verify({ tenantId, subjectId, token, requireFace }): Promise<FaceFactorResult> {
      const claims = peek(token);
      if (claims === null || claims.tid !== tenantId) return { ok: false, code: 'LIVENESS_TOKEN_INVALID', reason: 'The liveness token is not valid for this tenant.' };
      if (claims.sub !== subjectId) return { ok: false, code: 'LIVENESS_TOKEN_SUBJECT_MISMATCH', reason: 'The liveness session was not run for the subject approving this transaction.' };
      let face: FaceTemplate | string = claims.fth;
      if (requireFace) {
        const enrolled = await enrolledTemplate(tenantId, subjectId);
        if (enrolled === null) return { ok: false, code: 'FACE_NOT_ENROLLED', reason: 'This transaction requires a face match, and the subject has no face enrolment.' };
        face = enrolled;
      }
      const r = await liveness.consumeToken(tenantId, token, face);
      if (!r.ok) return { ok: false, code: r.reason, reason: r.message };
      if (r.subjectId !== subjectId) return { ok: false, code: 'LIVENESS_TOKEN_SUBJECT_MISMATCH', reason: 'The liveness session was not run for the subject approving this transaction.' };
      return { ok: true, evidence: { livenessSessionId: r.sessionId, liveness: true, faceMatched: requireFace } };
    },
  };
}
