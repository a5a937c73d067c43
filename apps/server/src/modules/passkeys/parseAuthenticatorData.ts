import { WebAuthnParseError } from './WebAuthnParseError.ts';

/** The fixed part of authenticator data (WebAuthn §6.1): RP ID hash, flags and signature counter. */
export interface AuthenticatorData {
  readonly rpIdHash: Uint8Array;
  readonly flags: {
    /** User present. */
    readonly up: boolean;
    /** User verified (biometric or PIN on the authenticator). */
    readonly uv: boolean;
    /** Backup eligible. */
    readonly be: boolean;
    /** Backed up. */
    readonly bs: boolean;
    /** Attested credential data included. */
    readonly at: boolean;
    /** Extension data included. */
    readonly ed: boolean;
  };
  readonly signCount: number;
}

/**
 * Parses the 37-byte header of authenticator data. Throws {@link WebAuthnParseError} (stage
 * `authenticatorData`) when the bytes are shorter than that.
 */
export function parseAuthenticatorData(bytes: Uint8Array): AuthenticatorData {
  if (bytes.length < 37) throw new WebAuthnParseError('authenticatorData', `authenticatorData is ${bytes.length} bytes; at least 37 are needed.`);
  const flags = bytes[32] ?? 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    rpIdHash: bytes.slice(0, 32),
    flags: {
      up: (flags & 0x01) !== 0,
      uv: (flags & 0x04) !== 0,
      be: (flags & 0x08) !== 0,
      bs: (flags & 0x10) !== 0,
      at: (flags & 0x40) !== 0,
      ed: (flags & 0x80) !== 0,
    },
    signCount: view.getUint32(33, false),
  };
}
