import { isChallengeType } from '@authloop/engine/liveness';
import type { z } from 'zod';
import { challengesOf, effectiveStatus } from './livenessService.ts';
import type { LivenessSessionRow } from './livenessRepository.ts';
import type { sessionView } from './schema.ts';
import { challengeResultView, scoresView } from './schema.ts';

/** The public view of a session (never the ticket, mesh or template). */
export function toSessionView(s: LivenessSessionRow, now: Date): z.infer<typeof sessionView> {
  const results = challengeResultView.array().safeParse(s.challengeResults);
  const scores = scoresView.safeParse(s.scores);
  return {
    id: s.id,
    subjectId: s.subjectId,
    challenges: challengesOf(s),
    nonce: s.nonce,
    status: effectiveStatus(s, now),
    expiresAt: s.expiresAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
    completedAt: s.completedAt?.toISOString() ?? null,
    result:
      s.passed === null
        ? null
        : {
            passed: s.passed,
            reasons: [...s.reasons],
            scores: scores.success ? scores.data : null,
            challenges: results.success ? results.data.filter((c) => isChallengeType(c.challenge)) : [],
            tokenConsumed: s.tokenConsumedAt !== null,
          },
  };
}
