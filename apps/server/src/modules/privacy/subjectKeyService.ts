import { randomUUID } from 'node:crypto';
import { decrypt, encrypt, generateKey } from '@authloop/crypto';
import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';

/**
 * Per-subject data keys for crypto-shredding: a random 32-byte key per subject, sealed with the
 * tenant's data key (AES-256-GCM, AAD = tenant, subject and key id). Seal a subject's biometric data
 * with `forSubject(...)`; erasure deletes the row, after which nothing sealed with it (including
 * copies in backups) can be decrypted.
 */
export function subjectKeyService({ db, tenantKeys, clock }: { db: Database; tenantKeys: TenantKeyService; clock: Clock }) {
  const aad = (tenantId: string, subjectId: string, keyId: string) => `subject-key:${tenantId}:${subjectId}:${keyId}`;

  async function read(tx: Queryable, tenantId: string, subjectId: string): Promise<{ keyId: string; key: Uint8Array } | null> {
    const [row] = await tx.query<{ key_id: string; tenant_key_id: string; wrapped_key: string }>('SELECT key_id, tenant_key_id, wrapped_key FROM subject_keys WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
    if (row === undefined) return null;
    const tenantKey = await tenantKeys.byId(tenantId, row.tenant_key_id, tx);
    return { keyId: row.key_id, key: decrypt(tenantKey, Buffer.from(row.wrapped_key, 'base64'), aad(tenantId, subjectId, row.key_id)) };
  }

  return {
    /** The subject's key, created on first use (inside `tx`, so it commits with the data it seals). */
    async forSubject(tenantId: string, subjectId: string, tx: Queryable = db): Promise<{ keyId: string; key: Uint8Array }> {
      const existing = await read(tx, tenantId, subjectId);
      if (existing !== null) return existing;
      const keyId = `sk_${randomUUID()}`;
      const key = generateKey();
      const tenantKey = await tenantKeys.current(tenantId, tx);
      const wrapped = Buffer.from(encrypt(tenantKey.key, key, aad(tenantId, subjectId, keyId))).toString('base64');
      const inserted = await tx.query('INSERT INTO subject_keys (tenant_id, subject_id, key_id, tenant_key_id, wrapped_key, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, subject_id) DO NOTHING RETURNING 1', [
        tenantId,
        subjectId,
        keyId,
        tenantKey.keyId,
        wrapped,
        clock.now(),
      ]);
      if (inserted.length > 0) return { keyId, key };
      const raced = await read(tx, tenantId, subjectId);
      if (raced === null) throw new Error('subject key vanished');
      return raced;
    },
    /** The subject's key if it still exists (null after erasure: the data is shredded). */
    existing: (tenantId: string, subjectId: string, tx: Queryable = db) => read(tx, tenantId, subjectId),
    /**
     * Re-wraps up to `limit` of the tenant's subject keys that an older tenant data key wraps under
     * the current one (after `tenantKeys.create`); the subject keys themselves, and so everything
     * they seal, stay the same. Returns how many it re-wrapped and the current tenant key id.
     */
    async rewrap(tenantId: string, limit: number, tx: Queryable = db): Promise<{ rewrapped: number; tenantKeyId: string }> {
      const current = await tenantKeys.current(tenantId, tx);
      const rows = await tx.query<{ subject_id: string; key_id: string; tenant_key_id: string; wrapped_key: string }>(
        'SELECT subject_id, key_id, tenant_key_id, wrapped_key FROM subject_keys WHERE tenant_id = $1 AND tenant_key_id <> $2 ORDER BY subject_id LIMIT $3 FOR UPDATE',
        [tenantId, current.keyId, limit],
      );
      for (const r of rows) {
        const old = await tenantKeys.byId(tenantId, r.tenant_key_id, tx);
        const key = decrypt(old, Buffer.from(r.wrapped_key, 'base64'), aad(tenantId, r.subject_id, r.key_id));
        const wrapped = Buffer.from(encrypt(current.key, key, aad(tenantId, r.subject_id, r.key_id))).toString('base64');
        await tx.query('UPDATE subject_keys SET tenant_key_id = $3, wrapped_key = $4 WHERE tenant_id = $1 AND subject_id = $2', [tenantId, r.subject_id, current.keyId, wrapped]);
      }
      return { rewrapped: rows.length, tenantKeyId: current.keyId };
    },
    /** Destroys the subject's key (crypto-shredding). Returns whether there was one. */
    async destroy(tenantId: string, subjectId: string, tx: Queryable = db): Promise<boolean> {
      return (await tx.query('DELETE FROM subject_keys WHERE tenant_id = $1 AND subject_id = $2 RETURNING 1', [tenantId, subjectId])).length > 0;
    },
  };
}

export type SubjectKeyService = ReturnType<typeof subjectKeyService>;
