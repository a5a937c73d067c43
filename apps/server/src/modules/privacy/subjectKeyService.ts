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
    /** Destroys the subject's key (crypto-shredding). Returns whether there was one. */
    async destroy(tenantId: string, subjectId: string, tx: Queryable = db): Promise<boolean> {
      return (await tx.query('DELETE FROM subject_keys WHERE tenant_id = $1 AND subject_id = $2 RETURNING 1', [tenantId, subjectId])).length > 0;
    },
  };
}

export type SubjectKeyService = ReturnType<typeof subjectKeyService>;
