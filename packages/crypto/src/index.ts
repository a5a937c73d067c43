export { encrypt, decrypt, DecryptionError } from './envelope.ts';
export { createLocalMasterKey, generateKey, parseKey } from './MasterKey.ts';
export type { KeyWrapper } from './MasterKey.ts';
export { generateSigningKey, importSigningJwk } from './signingKeys.ts';
export type { SigningKey } from './signingKeys.ts';
export { KeyRing } from './KeyRing.ts';
export type { TokenFailure, VerifyResult } from './KeyRing.ts';
export { randomSecret, hashSecret, digestsEqual } from './hashToken.ts';
