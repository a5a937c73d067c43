import { createHash, timingSafeEqual } from 'node:crypto';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { importCoseKey } from './importCoseKey.ts';
import type { ClientData } from './parseClientDataJSON.ts';
import { parseAuthenticatorData } from './parseAuthenticatorData.ts';
import type { PublicKeyCache } from './publicKeyCache.ts';
import type { AuthenticationResponseInput } from './schema.ts';
import { verifyAssertionSignature } from './verifyAssertionSignature.ts';

/** Why an assertion was refused; each maps to its own API error code. */
export type AssertionFailure = 'type' | 'challenge' | 'origin' | 'rpId' | 'userPresence' | 'userVerification' | 'signature' | 'counter';

/** The outcome of {@link verifyAssertion}: a refusal is a result, not an exception. */
export type AssertionResult =
  | {
      readonly verified: true;
      readonly signCount: number;
      readonly userVerified: boolean;
      readonly backedUp: boolean;
      /** base64url SHA-256 of the raw authenticator data. */
      readonly authenticatorDataHash: string;
      /** base64url SHA-256 of the raw client data JSON. */
      readonly clientDataHash: string;
    }
  | { readonly verified: false; readonly reason: AssertionFailure; readonly message: string };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The response in the shape @simplewebauthn/server takes (optional members omitted, not undefined). */
export function toLibraryResponse(r: AuthenticationResponseInput): AuthenticationResponseJSON {
  const { userHandle } = r.response;
  return {
    id: r.id,
    rawId: r.rawId,
    type: 'public-key',
    response: {
      clientDataJSON: r.response.clientDataJSON,
      authenticatorData: r.response.authenticatorData,
      signature: r.response.signature,
      ...(userHandle === null || userHandle === undefined ? {} : { userHandle }),
    },
    clientExtensionResults: {},
  };
}

/** The signature check through @simplewebauthn/server, for keys the node:crypto path does not import. */
async function librarySignatureOk({ response, expectedChallenge, expectedTypes, origins, rpId, credential }: { response: AuthenticationResponseInput; expectedChallenge: string; expectedTypes: readonly string[]; origins: readonly string[]; rpId: string; credential: { readonly credentialId: string; readonly publicKey: string } }): Promise<boolean> {
  try {
    const result = await verifyAuthenticationResponse({
      response: toLibraryResponse(response),
      expectedChallenge,
      expectedOrigin: [...origins],
      expectedRPID: rpId,
      expectedType: [...expectedTypes],
      // The counter is judged by the caller, after the signature, so an unsigned low counter cannot flag a credential.
      credential: { id: credential.credentialId, publicKey: Buffer.from(credential.publicKey, 'base64url'), counter: 0 },
      requireUserVerification: true,
    });
    return result.verified;
  } catch {
    return false;
  }
}

/**
 * Verifies a WebAuthn assertion against one stored credential, checking in order: client data type,
 * challenge, origin, RP ID hash, user presence, user verification (always required), the signature,
 * then the sign counter (a counter that does not move forward while either side is non-zero means a
 * cloned authenticator). `clientData` is the already-parsed client data.
 *
 * The signature over `authenticatorData ‖ SHA-256(clientDataJSON)` is checked with node:crypto and
 * the credential's key imported once per credential when `keys` (a {@link PublicKeyCache}) is given
 * (ES256/384/512, EdDSA, RS256/384/512); a key it cannot import goes through
 * @simplewebauthn/server's `verifyAuthenticationResponse`, which registration and attestation use too.
 * Malformed authenticator data throws `WebAuthnParseError`; every other refusal is a result.
 */
export async function verifyAssertion({
  response,
  clientData,
  expectedChallenge,
  expectedTypes = ['webauthn.get'],
  origins,
  rpId,
  credential,
  keys,
}: {
  response: AuthenticationResponseInput;
  clientData: ClientData;
  expectedChallenge: string;
  expectedTypes?: readonly string[];
  origins: readonly string[];
  rpId: string;
  credential: { readonly credentialId: string; readonly publicKey: string; readonly signCount: number };
  /** Imported public keys by credential id; without it the key is imported on every call. */
  keys?: PublicKeyCache | undefined;
}): Promise<AssertionResult> {
  const authDataBytes = Buffer.from(response.response.authenticatorData, 'base64url');
  const authData = parseAuthenticatorData(authDataBytes);
  const fail = (reason: AssertionFailure, message: string): AssertionResult => ({ verified: false, reason, message });
  if (!expectedTypes.includes(clientData.type)) return fail('type', `client data type is "${clientData.type}"; expected ${expectedTypes.join(' or ')}.`);
  if (!sameBytes(Buffer.from(clientData.challenge), Buffer.from(expectedChallenge))) return fail('challenge', 'the signed challenge is not the one issued.');
  if (!origins.includes(clientData.origin)) return fail('origin', `origin ${clientData.origin} is not allowed for this tenant.`);
  if (!sameBytes(authData.rpIdHash, sha256(Buffer.from(rpId, 'utf8')))) return fail('rpId', `the credential was not used for RP ID ${rpId}.`);
  if (!authData.flags.up) return fail('userPresence', 'the authenticator did not report user presence.');
  if (!authData.flags.uv) return fail('userVerification', 'the authenticator did not verify the user (biometric or PIN); user verification is required.');
  const imported = keys === undefined ? importCoseKey(credential.publicKey) : keys.get(credential.credentialId, credential.publicKey);
  const clientDataBytes = Buffer.from(response.response.clientDataJSON, 'base64url');
  const signatureOk =
    imported === null
      ? await librarySignatureOk({ response, expectedChallenge, expectedTypes, origins, rpId, credential })
      : verifyAssertionSignature(imported, authDataBytes, clientDataBytes, Buffer.from(response.response.signature, 'base64url'));
  if (!signatureOk) return fail('signature', 'the assertion signature does not verify with this credential’s public key.');
  if ((authData.signCount > 0 || credential.signCount > 0) && authData.signCount <= credential.signCount) {
    return fail('counter', `the sign counter went from ${credential.signCount} to ${authData.signCount}; the authenticator may be cloned.`);
  }
  return {
    verified: true,
    signCount: authData.signCount,
    userVerified: authData.flags.uv,
    backedUp: authData.flags.bs,
    authenticatorDataHash: sha256(authDataBytes).toString('base64url'),
    clientDataHash: sha256(clientDataBytes).toString('base64url'),
  };
}
