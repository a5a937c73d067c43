import type { JWK } from 'jose';
import type { Queryable } from '@authloop/store';

/** A stored signing key; the private half is sealed by the master key. */
export interface SigningKeyRow {
  readonly kid: string;
  readonly alg: string;
  readonly publicJwk: JWK;
  readonly privateKeyEnc: string;
  readonly createdAt: Date;
}

/** Storage of the platform's EdDSA signing keys (not tenant-scoped: tokens of every tenant share them). */
export function signingKeyRepository(db: Queryable) {
  return {
    async list(): Promise<SigningKeyRow[]> {
      const rows = await db.query<{ kid: string; alg: string; public_jwk: JWK; private_key_enc: string; created_at: Date }>(
        'SELECT kid, alg, public_jwk, private_key_enc, created_at FROM signing_keys WHERE retired_at IS NULL ORDER BY seq',
      );
      return rows.map((r) => ({ kid: r.kid, alg: r.alg, publicJwk: r.public_jwk, privateKeyEnc: r.private_key_enc, createdAt: new Date(r.created_at) }));
    },
    async insert(row: SigningKeyRow): Promise<void> {
      await db.query('INSERT INTO signing_keys (kid, alg, public_jwk, private_key_enc, created_at) VALUES ($1, $2, $3, $4, $5)', [
        row.kid,
        row.alg,
        JSON.stringify(row.publicJwk),
        row.privateKeyEnc,
        row.createdAt,
      ]);
    },
  };
}

export type SigningKeyRepository = ReturnType<typeof signingKeyRepository>;
