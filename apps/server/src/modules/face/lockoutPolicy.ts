import type { LockoutRow } from './faceRepository.ts';

/** Throttling limits (NIST SP 800-63B-4 §5.2.2; PSD2 RTS art. 4(3)(d)). */
export interface LockoutLimits {
  /** Consecutive failures after which each further attempt waits (5, or 10 with liveness). */
  readonly delayAfter: number;
  /** Consecutive failures after which the face factor is disabled until an operator re-enables it (50, or 100 with liveness). */
  readonly disableAfter: number;
  /** First delay in seconds (30); it doubles with each further failure. */
  readonly baseDelayS: number;
  /** Longest single delay in seconds (1 hour). */
  readonly maxDelayS: number;
}

/** The limits for a tenant: looser when liveness is required, because a presentation attack is then already filtered. */
export function lockoutLimits(livenessRequired: boolean): LockoutLimits {
  return livenessRequired
    ? { delayAfter: 10, disableAfter: 100, baseDelayS: 30, maxDelayS: 3600 }
    : { delayAfter: 5, disableAfter: 50, baseDelayS: 30, maxDelayS: 3600 };
}

/** Whether a verification may run now; a refusal says only what the client may learn: a code and when to retry. */
export type LockoutCheck = { readonly allowed: true } | { readonly allowed: false; readonly code: 'FACE_DISABLED' } | { readonly allowed: false; readonly code: 'FACE_LOCKED'; readonly retryAfterS: number };

/** Checks a subject's state at `now`. */
export function checkLockout(state: LockoutRow | null, now: Date): LockoutCheck {
  if (state === null) return { allowed: true };
  if (state.disabledAt !== null) return { allowed: false, code: 'FACE_DISABLED' };
  if (state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()) {
    return { allowed: false, code: 'FACE_LOCKED', retryAfterS: Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000)) };
  }
  return { allowed: true };
}

/** The state after one more failed verification: a delay from the `delayAfter`-th failure on, doubling each time; disabled at `disableAfter`. */
export function afterFailure(state: LockoutRow | null, now: Date, limits: LockoutLimits): LockoutRow {
  const n = (state?.consecutiveFailures ?? 0) + 1;
  if (n >= limits.disableAfter) return { consecutiveFailures: n, lockedUntil: null, disabledAt: now };
  if (n < limits.delayAfter) return { consecutiveFailures: n, lockedUntil: null, disabledAt: null };
  const delayS = Math.min(limits.maxDelayS, limits.baseDelayS * 2 ** Math.min(30, n - limits.delayAfter));
  return { consecutiveFailures: n, lockedUntil: new Date(now.getTime() + delayS * 1000), disabledAt: null };
}

/** The state after a successful verification (or an operator re-enabling the factor). */
export const CLEAR_LOCKOUT: LockoutRow = Object.freeze({ consecutiveFailures: 0, lockedUntil: null, disabledAt: null });
