import type { FaceTemplate } from '@authloop/engine';
import type { Queryable } from '@authloop/store';
import { z } from 'zod';
import { AppError } from '../../errors/AppError.ts';
import type { LivenessService } from '../liveness/livenessService.ts';
import type { ConsentService } from '../privacy/consentService.ts';

/**
 * The other modules an enrolment or verification consults, passed per call by the routes (the
 * face service is built before them): liveness tokens (`services.liveness`) and consent
 * (`services.consent`). A call without them (CLI, internal callers) skips those checks.
 */
export interface FaceChecks {
  readonly liveness?: Pick<LivenessService, 'consumeToken'> | undefined;
  readonly consent?: Pick<ConsentService, 'require'> | undefined;
}

/** Options of `enrol` and `verify`. */
export interface FaceCallOptions {
  /** A token of a passed liveness session (`livenessToken` in the body). */
  readonly livenessToken?: string | undefined;
  readonly checks?: FaceChecks | undefined;
}

/** Liveness proven by a liveness session's token. */
export interface SessionLiveness {
  readonly sessionId: string;
}

const peekSchema = z.object({ sub: z.string().optional() });

/** The token's `sub` claim, read unverified only to refuse another subject's token before spending it. */
function peekSubject(token: string): string | undefined | null {
  const part = token.split('.')[1];
  if (part === undefined) return null;
  try {
    const parsed = peekSchema.safeParse(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.sub : null;
  } catch {
    return null;
  }
}

/**
 * Checks and spends a liveness token for `template` (the probe of a verification, the mean of the
 * accepted samples of an enrolment). The session must have been run for `subjectId` or for no
 * subject (LIVENESS_TOKEN_SUBJECT_MISMATCH, checked before spending); expired, reused, forged,
 * other tenants' and other faces' tokens answer the liveness module's codes.
 */
export async function consumeLivenessToken(checks: FaceChecks | undefined, tenantId: string, subjectId: string, token: string, template: FaceTemplate): Promise<SessionLiveness> {
  const liveness = checks?.liveness;
  if (liveness === undefined) throw new AppError('INTERNAL', 'Liveness tokens cannot be checked on this path.');
  const sub = peekSubject(token);
  if (sub === null) throw new AppError('LIVENESS_TOKEN_INVALID', 'The liveness token is malformed.');
  if (sub !== undefined && sub !== subjectId) throw new AppError('LIVENESS_TOKEN_SUBJECT_MISMATCH', 'The liveness session was run for another subject.');
  const r = await liveness.consumeToken(tenantId, token, template);
  if (!r.ok) throw new AppError(r.reason, r.message);
  if (r.subjectId !== null && r.subjectId !== subjectId) throw new AppError('LIVENESS_TOKEN_SUBJECT_MISMATCH', 'The liveness session was run for another subject.');
  return { sessionId: r.sessionId };
}

/** Throws CONSENT_REQUIRED when the tenant's policy requires face consent and the subject has none. */
export async function requireFaceConsent(checks: FaceChecks | undefined, tenantId: string, subjectId: string, tx: Queryable): Promise<void> {
  await checks?.consent?.require(tenantId, subjectId, 'face', tx);
}
