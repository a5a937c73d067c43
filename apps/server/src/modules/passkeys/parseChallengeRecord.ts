import { z } from 'zod';
import type { ChallengeRecord } from './ChallengeStore.ts';

const challengeRecord = z.object({
  tenantId: z.string(),
  key: z.string(),
  purpose: z.enum(['registration', 'authentication', 'transaction']),
  challenge: z.string(),
  subjectId: z.string().nullable(),
  transactionId: z.string().nullable(),
  nonce: z.string().nullable(),
  expiresAt: z.string(),
});

/** Parses a stored challenge record (a JSON value, or JSON text from Redis), or null when it is not one. */
export function parseChallengeRecord(value: unknown): ChallengeRecord | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  const parsed = challengeRecord.safeParse(v);
  return parsed.success ? parsed.data : null;
}
