import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK } from 'jose';
import type { JWK, CryptoKey } from 'jose';

/** A signing key pair for EdDSA (Ed25519) tokens and artefacts. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
  readonly createdAt: Date;
}

/** Generates a fresh Ed25519 key with a random `kid`. */
export async function generateSigningKey(now: Date = new Date()): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = `k_${now.toISOString().slice(0, 10).replaceAll('-', '')}_${randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' };
  return { kid, alg: 'EdDSA', publicJwk, privateJwk, createdAt: now };
}

/** Imports a JWK as a CryptoKey usable by jose. */
export async function importSigningJwk(jwk: JWK): Promise<CryptoKey> {
  const key = await importJWK(jwk, 'EdDSA');
  if (key instanceof Uint8Array) throw new TypeError('expected an asymmetric JWK');
  return key;
}
