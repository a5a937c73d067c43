import { isAuthloopError } from '@authloop/sdk';
import type { AuthloopErrorCode } from '@authloop/sdk';

const friendly: Partial<Record<AuthloopErrorCode, string>> = {
  NETWORK_ERROR: 'The server did not answer. Check your connection and try again.',
  UNAUTHENTICATED: 'You need to sign in first.',
  TOKEN_EXPIRED: 'Your session has expired. Sign in again.',
  TOKEN_REVOKED: 'Your session was ended. Sign in again.',
  REFRESH_TOKEN_REUSED: 'Your session was ended for safety. Sign in again.',
  INSUFFICIENT_SCOPE: 'This account is not allowed to do that.',
  FORBIDDEN: 'This account is not allowed to do that.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  INVALID_CLIENT: 'The client id or secret is wrong.',
  SUBJECT_NOT_FOUND: 'No such person in this bank.',
  SUBJECT_EXISTS: 'A person with this id already exists.',
  TENANT_NOT_FOUND: 'No such bank (tenant id).',
  CLIENT_NOT_FOUND: 'No such API client in this bank.',
  MFA_FAILED: 'The passkey step did not work. Start again.',
};

/**
 * A sentence for a person about what went wrong, with the stable code for support. Browser
 * WebAuthn errors (cancelled, timed out) get their own wording.
 */
export function describeError(error: unknown): { message: string; code: string | undefined } {
  if (isAuthloopError(error)) return { message: friendly[error.code] ?? error.message, code: error.code };
  if (error instanceof Error) {
    if (error.name === 'NotAllowedError' || /not allowed|timed out|cancel/i.test(error.message)) return { message: 'The passkey prompt was cancelled or timed out.', code: error.name };
    return { message: error.message, code: undefined };
  }
  return { message: String(error), code: undefined };
}
