import { createPublicKey } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { CborError, decodeCbor } from './decodeCbor.ts';

/** A credential public key imported for node:crypto, with how its signatures are checked. */
export interface ImportedKey {
  readonly key: KeyObject;
  /** COSE algorithm identifier, e.g. -7 (ES256), -8 (EdDSA), -257 (RS256). */
  readonly alg: number;
  /** The digest `crypto.verify` takes (`null` for EdDSA, which hashes itself). */
  readonly hash: 'sha256' | 'sha384' | 'sha512' | null;
}

// COSE (RFC 9053) key parameters.
const KTY = 1, ALG = 3, CRV = -1, X = -2, Y = -3, N = -1, E = -2;
const EC2 = 2, OKP = 1, RSA = 3;
const EC_CURVES: Readonly<Record<number, { crv: string; alg: number; hash: 'sha256' | 'sha384' | 'sha512' }>> = {
  1: { crv: 'P-256', alg: -7, hash: 'sha256' },
  2: { crv: 'P-384', alg: -35, hash: 'sha384' },
  3: { crv: 'P-521', alg: -36, hash: 'sha512' },
};
const ED25519 = 6;
const RSA_PKCS1: Readonly<Record<number, 'sha256' | 'sha384' | 'sha512'>> = { [-257]: 'sha256', [-258]: 'sha384', [-259]: 'sha512' };

const b64 = (v: unknown): string | null => (v instanceof Uint8Array ? Buffer.from(v).toString('base64url') : null);

/**
 * Imports a COSE_Key (base64url, as stored at registration) as a node:crypto public key for the
 * algorithms the fast assertion path checks itself: ES256/ES384/ES512 (EC2 on the matching curve),
 * EdDSA (OKP Ed25519) and RS256/RS384/RS512 (RSASSA-PKCS1-v1_5). Answers null for anything else
 * (other algorithms, a curve that does not match the algorithm, malformed CBOR or coordinates), so
 * the caller can fall back to the library, which then refuses what is truly malformed.
 */
export function importCoseKey(cosePublicKey: string): ImportedKey | null {
  let map: unknown;
  try {
    map = decodeCbor(Buffer.from(cosePublicKey, 'base64url')).value;
  } catch (error) {
    if (error instanceof CborError) return null;
    throw error;
  }
  if (!(map instanceof Map)) return null;
  const kty: unknown = map.get(KTY);
  const alg: unknown = map.get(ALG);
  if (typeof alg !== 'number') return null;
  let jwk: JsonWebKey;
  let hash: ImportedKey['hash'];
  if (kty === EC2) {
    const curve = EC_CURVES[Number(map.get(CRV))];
    const x = b64(map.get(X)), y = b64(map.get(Y));
    if (curve === undefined || curve.alg !== alg || x === null || y === null) return null;
    jwk = { kty: 'EC', crv: curve.crv, x, y };
    hash = curve.hash;
  } else if (kty === OKP) {
    const x = b64(map.get(X));
    if (alg !== -8 || map.get(CRV) !== ED25519 || x === null) return null;
    jwk = { kty: 'OKP', crv: 'Ed25519', x };
    hash = null;
  } else if (kty === RSA) {
    const n = b64(map.get(N)), e = b64(map.get(E));
    const h = RSA_PKCS1[alg];
    if (h === undefined || n === null || e === null) return null;
    jwk = { kty: 'RSA', n, e };
    hash = h;
  } else {
    return null;
  }
  try {
    return { key: createPublicKey({ key: jwk, format: 'jwk' }), alg, hash };
  } catch {
    // Coordinates off the curve, wrong lengths: not a key node:crypto accepts.
    return null;
  }
}
