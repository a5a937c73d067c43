import { CborError, decodeCbor } from './decodeCbor.ts';
import { parseAuthenticatorData } from './parseAuthenticatorData.ts';
import type { AuthenticatorData } from './parseAuthenticatorData.ts';
import { WebAuthnParseError } from './WebAuthnParseError.ts';

/** The parts of an attestation object policy checks need before full verification. */
export interface AttestationObject {
  /** Attestation statement format, e.g. `none`, `packed`, `tpm`. */
  readonly fmt: string;
  readonly authData: AuthenticatorData;
}

/**
 * Decodes a base64url attestation object (CBOR map of `fmt`, `attStmt`, `authData`) and parses the
 * header of its authenticator data. Throws {@link WebAuthnParseError} (stage `attestationObject` or
 * `authenticatorData`) when it is malformed.
 */
export function parseAttestationObject(encoded: string): AttestationObject {
  let decoded;
  try {
    decoded = decodeCbor(Buffer.from(encoded, 'base64url'));
  } catch (error) {
    if (error instanceof CborError) throw new WebAuthnParseError('attestationObject', `attestationObject is not valid CBOR: ${error.message}`);
    throw error;
  }
  const map = decoded.value;
  if (!(map instanceof Map)) throw new WebAuthnParseError('attestationObject', 'attestationObject is not a CBOR map.');
  const fmt = map.get('fmt');
  const authData = map.get('authData');
  if (typeof fmt !== 'string') throw new WebAuthnParseError('attestationObject', 'attestationObject lacks a text "fmt".');
  if (!(authData instanceof Uint8Array)) throw new WebAuthnParseError('attestationObject', 'attestationObject lacks byte-string "authData".');
  if (!(map.get('attStmt') instanceof Map)) throw new WebAuthnParseError('attestationObject', 'attestationObject lacks a map "attStmt".');
  const parsed = parseAuthenticatorData(authData);
  if (!parsed.flags.at) throw new WebAuthnParseError('authenticatorData', 'authenticatorData of a registration carries no attested credential data.');
  return { fmt, authData: parsed };
}
