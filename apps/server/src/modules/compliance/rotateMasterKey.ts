import type { KeyWrapper } from '@authloop/crypto';
import type { Database } from '@authloop/store';

/** What a master-key rotation re-wrapped (rows already under the new key are skipped). */
export interface MasterKeyRotation {
  readonly tenantKeys: number;
  readonly signingKeys: number;
  readonly alreadyRotated: number;
}

/**
 * Re-wraps every tenant data key and every signing key from the master key `from` to `to`, in one
 * transaction. Data sealed with the data keys (templates, subject keys, webhook secrets) is not
 * touched: only the wrapping changes. Idempotent: rows already wrapped by `to` are skipped, so an
 * interrupted or repeated run is safe. Both wrappers may be KMS/HSM-backed `KeyWrapper`s.
 */
export async function rotateMasterKey({ db, from, to }: { db: Database; from: KeyWrapper; to: KeyWrapper }): Promise<MasterKeyRotation> {
  if (from.id === to.id) throw new Error('the new master key is the current one');
  return db.transaction(async (tx) => {
    let tenantKeys = 0;
    let signingKeys = 0;
    let alreadyRotated = 0;
    const rows = await tx.query<{ tenant_id: string; key_id: string; wrapped_key: string; master_key_id: string }>('SELECT tenant_id, key_id, wrapped_key, master_key_id FROM tenant_keys ORDER BY tenant_id, key_id FOR UPDATE');
    for (const r of rows) {
      if (r.master_key_id === to.id) {
        alreadyRotated += 1;
        continue;
      }
      const context = `tenant:${r.tenant_id}:${r.key_id}`;
      const rewrapped = await to.wrap(await from.unwrap(r.wrapped_key, context), context);
      await tx.query('UPDATE tenant_keys SET wrapped_key = $3, master_key_id = $4 WHERE tenant_id = $1 AND key_id = $2', [r.tenant_id, r.key_id, rewrapped, to.id]);
      tenantKeys += 1;
    }
    const signing = await tx.query<{ kid: string; private_key_enc: string }>('SELECT kid, private_key_enc FROM signing_keys ORDER BY kid FOR UPDATE');
    for (const s of signing) {
      const context = `signing-key:${s.kid}`;
      let plain: Uint8Array;
      try {
        plain = await from.unwrap(s.private_key_enc, context);
      } catch (error) {
        // Already under the new key (an earlier, interrupted run)? Then it unwraps with `to`.
        await to.unwrap(s.private_key_enc, context).catch(() => {
          throw error;
        });
        alreadyRotated += 1;
        continue;
      }
      await tx.query('UPDATE signing_keys SET private_key_enc = $2 WHERE kid = $1', [s.kid, await to.wrap(plain, context)]);
      signingKeys += 1;
    }
    return { tenantKeys, signingKeys, alreadyRotated };
  });
}
