import { createHash, verify } from 'node:crypto';
import type { ImportedKey } from './importCoseKey.ts';

/**
 * Checks a WebAuthn assertion signature with node:crypto: the signature is over
 * `authenticatorData ‖ SHA-256(clientDataJSON)` (WebAuthn §7.2 step 20), DER-encoded for ECDSA,
 * raw for EdDSA, PKCS#1 v1.5 for RSA. A bad or malformed signature is `false`, never an exception.
 */
export function verifyAssertionSignature(imported: ImportedKey, authenticatorData: Uint8Array, clientDataJSON: Uint8Array, signature: Uint8Array): boolean {
  const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
  try {
    return verify(imported.hash, signed, imported.key, signature);
  } catch {
    return false;
  }
}
