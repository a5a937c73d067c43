/** What a server-side challenge was issued for. */
export type ChallengePurpose = 'registration' | 'authentication' | 'transaction';

/**
 * One issued WebAuthn challenge. `key` is what the store files it under: the challenge itself for
 * passkey ceremonies, `transaction:<id>` for a transaction (a newer challenge replaces an older one).
 */
export interface ChallengeRecord {
  readonly tenantId: string;
  readonly key: string;
  readonly purpose: ChallengePurpose;
  /** The base64url challenge the authenticator must sign. */
  readonly challenge: string;
  /** The subject the ceremony is for, or null for a username-less sign-in. */
  readonly subjectId: string | null;
  /** The transaction a `transaction` challenge is bound to. */
  readonly transactionId: string | null;
  /** The server nonce mixed into a transaction challenge (base64url). */
  readonly nonce: string | null;
  /** ISO time after which the challenge is refused. */
  readonly expiresAt: string;
}

/** The outcome of {@link ChallengeStore.consume}: found (now used), used before, or never issued. */
export type ConsumeResult = { readonly status: 'ok'; readonly record: ChallengeRecord } | { readonly status: 'replayed' } | { readonly status: 'unknown' };

/**
 * Server-side storage of single-use challenges: the database by default, Redis when configured.
 * Expiry is judged by the caller against the injected clock (`record.expiresAt`); stores keep records a
 * little longer than that so an expired challenge is reported as expired, not unknown.
 */
export interface ChallengeStore {
  readonly kind: 'database' | 'redis';
  /** Saves `record`, replacing any record under the same key. */
  put(record: ChallengeRecord): Promise<void>;
  /** Atomically marks the record used and returns it; a second call answers `replayed`. */
  consume(tenantId: string, key: string): Promise<ConsumeResult>;
}
