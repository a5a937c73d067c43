import { randomInt } from 'node:crypto';
import type { ChallengeType } from '@authloop/engine/liveness';
import { AppError } from '../../errors/AppError.ts';
import type { LivenessSettings } from './livenessSettings.ts';

/** Fisher–Yates shuffle with a CSPRNG. */
function shuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    const x = a[i], y = a[j];
    if (x !== undefined && y !== undefined) {
      a[i] = y;
      a[j] = x;
    }
  }
  return a;
}

/**
 * Draws a random challenge sequence (no repeats, CSPRNG) within the tenant's settings, narrowed by
 * the caller: `challengeTypes` must be a subset of the tenant's and `count` at most the tenant's
 * maximum (a caller may ask for fewer, e.g. for accessibility, never for more or for other types).
 *
 * @throws {AppError} LIVENESS_CHALLENGE_NOT_ALLOWED when the request widens the tenant's settings.
 */
export function drawChallenges(settings: LivenessSettings, request: { challengeTypes?: readonly ChallengeType[] | undefined; count?: number | undefined }): ChallengeType[] {
  const allowed = new Set(settings.challengeTypes);
  const wanted = request.challengeTypes ?? settings.challengeTypes;
  const widened = wanted.filter((t) => !allowed.has(t));
  if (widened.length > 0) throw new AppError('LIVENESS_CHALLENGE_NOT_ALLOWED', `This tenant does not allow the challenge types: ${widened.join(', ')}.`, { details: { allowed: [...allowed] } });
  const pool = [...new Set(wanted)];
  if (request.count !== undefined && request.count > settings.maxCount) {
    throw new AppError('LIVENESS_CHALLENGE_NOT_ALLOWED', `count ${request.count} exceeds this tenant's maximum of ${settings.maxCount} challenges.`, { details: { maxCount: settings.maxCount } });
  }
  const count = request.count ?? settings.minCount + randomInt(settings.maxCount - settings.minCount + 1);
  return shuffle(pool).slice(0, Math.min(count, pool.length));
}
