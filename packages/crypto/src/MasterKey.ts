import { createHash, randomBytes } from 'node:crypto';
import { decrypt, encrypt } from './envelope.ts';

/**
 * The root of the key hierarchy: a 32-byte key from the environment, a file, or (behind the same
 * interface) a KMS/HSM. It only wraps and unwraps data keys; it never encrypts data directly.
 */
export interface KeyWrapper {
  /** A stable id of the wrapping key (stored beside each wrapped key, so rotation can find old ones). */
  readonly id: string;
  wrap(dataKey: Uint8Array, context: string): Promise<string>;
  unwrap(wrapped: string, context: string): Promise<Uint8Array>;
}

/** A {@link KeyWrapper} over a local 32-byte master key (AES-256-GCM key wrap with context as AAD). */
export function createLocalMasterKey(key: Uint8Array): KeyWrapper {
  if (key.length !== 32) throw new RangeError(`the master key must be 32 bytes, got ${key.length}`);
  const id = `local:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  const copy = new Uint8Array(key);
  return {
    id,
    wrap: (dataKey, context) => Promise.resolve(Buffer.from(encrypt(copy, dataKey, `wrap:${context}`)).toString('base64')),
    unwrap: (wrapped, context) => Promise.resolve(decrypt(copy, Buffer.from(wrapped, 'base64'), `wrap:${context}`)),
  };
}

/** 32 random bytes for a new master or data key. */
export function generateKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** Parses a base64 (or base64url) 32-byte key; throws a RangeError that names the problem. */
export function parseKey(text: string): Uint8Array {
  const bytes = Buffer.from(text.trim(), text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (bytes.length !== 32) throw new RangeError(`expected 32 bytes of base64, got ${bytes.length} bytes`);
  return new Uint8Array(bytes);
}
