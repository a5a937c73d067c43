import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Raised when ciphertext fails authentication or is malformed: wrong key, tampering or truncation. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts `plaintext` with AES-256-GCM under a 32-byte `key`. `aad` (associated data, e.g. the
 * tenant and row id) is authenticated but not stored: decrypting needs the same `aad`.
 * Output: version byte ‖ 12-byte IV ‖ ciphertext ‖ 16-byte tag.
 */
export function encrypt(key: Uint8Array, plaintext: Uint8Array, aad: string = ''): Uint8Array {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, body, cipher.getAuthTag()]);
}

/** Reverses {@link encrypt}; throws {@link DecryptionError} when the key, `aad` or bytes are wrong. */
export function decrypt(key: Uint8Array, sealed: Uint8Array, aad: string = ''): Uint8Array {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new DecryptionError('ciphertext is malformed');
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(buf.length - TAG_BYTES);
  const body = buf.subarray(1 + IV_BYTES, buf.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch (cause) {
    throw new DecryptionError('ciphertext failed authentication', { cause });
  }
}
