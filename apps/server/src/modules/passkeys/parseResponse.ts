import { AppError } from '../../errors/AppError.ts';
import { parseAttestationObject } from './parseAttestationObject.ts';
import { parseAuthenticatorData } from './parseAuthenticatorData.ts';
import type { AuthenticatorData } from './parseAuthenticatorData.ts';
import type { AttestationObject } from './parseAttestationObject.ts';
import { parseClientDataJSON } from './parseClientDataJSON.ts';
import type { ClientData } from './parseClientDataJSON.ts';
import { WebAuthnParseError } from './WebAuthnParseError.ts';

function asAppError(error: unknown): never {
  if (error instanceof WebAuthnParseError) throw new AppError('PASSKEY_RESPONSE_MALFORMED', error.message, { details: { stage: error.stage }, cause: error });
  throw error;
}

/** {@link parseClientDataJSON}, answering PASSKEY_RESPONSE_MALFORMED (with the stage) on bad input. */
export function clientDataOrThrow(encoded: string): ClientData {
  try {
    return parseClientDataJSON(encoded);
  } catch (error) {
    return asAppError(error);
  }
}

/** {@link parseAttestationObject}, answering PASSKEY_RESPONSE_MALFORMED (with the stage) on bad input. */
export function attestationOrThrow(encoded: string): AttestationObject {
  try {
    return parseAttestationObject(encoded);
  } catch (error) {
    return asAppError(error);
  }
}

/** {@link parseAuthenticatorData} of base64url bytes, answering PASSKEY_RESPONSE_MALFORMED on bad input. */
export function authenticatorDataOrThrow(encoded: string): AuthenticatorData {
  try {
    return parseAuthenticatorData(Buffer.from(encoded, 'base64url'));
  } catch (error) {
    return asAppError(error);
  }
}

/** Runs `fn`, turning a {@link WebAuthnParseError} into PASSKEY_RESPONSE_MALFORMED. */
export async function malformedAsAppError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    return asAppError(error);
  }
}
