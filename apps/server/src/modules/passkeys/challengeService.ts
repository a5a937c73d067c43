import { randomBytes } from 'node:crypto';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { ChallengePurpose, ChallengeRecord, ChallengeStore } from './ChallengeStore.ts';

/** How long a challenge stays valid: 5 minutes. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** A fresh random 32-byte challenge or nonce, base64url. */
export const randomChallenge = (): string => randomBytes(32).toString('base64url');

/**
 * Issues and consumes single-use challenges over a {@link ChallengeStore}, judging expiry with the
 * injected clock. Consuming refuses with PASSKEY_CHALLENGE_UNKNOWN, _REPLAYED, _EXPIRED or
 * PASSKEY_CEREMONY_MISMATCH (a challenge issued for another purpose).
 */
export function challengeService({ store, clock, ttlMs = CHALLENGE_TTL_MS }: { store: ChallengeStore; clock: Clock; ttlMs?: number }) {
  return {
    ttlMs,
    store,
    async issue(r: Omit<ChallengeRecord, 'expiresAt'>): Promise<ChallengeRecord> {
      const record: ChallengeRecord = { ...r, expiresAt: new Date(clock.now().getTime() + ttlMs).toISOString() };
      await store.put(record);
      return record;
    },
    async consume(tenantId: string, key: string, purpose: ChallengePurpose): Promise<ChallengeRecord> {
      const result = await store.consume(tenantId, key);
      switch (result.status) {
        case 'unknown':
          throw new AppError('PASSKEY_CHALLENGE_UNKNOWN', 'The signed challenge was not issued by this server for this tenant; ask for new options.');
        case 'replayed':
          throw new AppError('PASSKEY_CHALLENGE_REPLAYED', 'This challenge was already used; a response can be submitted once. Ask for new options.');
        case 'ok':
          break;
      }
      const { record } = result;
      if (record.purpose !== purpose) throw new AppError('PASSKEY_CEREMONY_MISMATCH', `This challenge was issued for ${record.purpose}, not ${purpose}.`);
      if (new Date(record.expiresAt).getTime() <= clock.now().getTime()) {
        throw new AppError('PASSKEY_CHALLENGE_EXPIRED', `The challenge expired at ${record.expiresAt}; challenges are valid for ${Math.round(ttlMs / 1000)} s. Ask for new options.`);
      }
      return record;
    },
  };
}

export type ChallengeService = ReturnType<typeof challengeService>;
