import type { ErrorCode } from '../../errors/codes.ts';
import type { AssertionFailure } from './verifyAssertion.ts';

/** The API error code of each assertion refusal. */
export const assertionCodes = {
  type: 'PASSKEY_CEREMONY_MISMATCH',
  challenge: 'PASSKEY_CHALLENGE_UNKNOWN',
  origin: 'PASSKEY_ORIGIN_NOT_ALLOWED',
  rpId: 'PASSKEY_RP_ID_MISMATCH',
  userPresence: 'PASSKEY_USER_NOT_PRESENT',
  userVerification: 'PASSKEY_USER_NOT_VERIFIED',
  signature: 'PASSKEY_SIGNATURE_INVALID',
  counter: 'PASSKEY_COUNTER_REGRESSED',
} as const satisfies Record<AssertionFailure, ErrorCode>;
