import { createHmac, randomUUID } from 'node:crypto';
import { generateKey } from '@authloop/crypto';
import type { KeyWrapper } from '@authloop/crypto';
import type { Database, Queryable } from '@authloop/store';

/**
 * Per-tenant data keys (envelope encryption): each tenant has data keys wrapped by the master key.
 * The newest key encrypts; any key decrypts what it sealed (by key id). Unwrapped keys are cached in
 * this process only.
 */
export function tenantKeyService({ db, masterKey }: { db: Database; masterKey: KeyWrapper }) {
  const cache = new Map<string, Uint8Array>();
  const context = (tenantId: string, keyId: string) => `tenant:${tenantId}:${keyId}`;

  async function unwrapRow(tenantId: string, keyId: string, wrapped: string): Promise<Uint8Array> {
    const cacheKey = `${tenantId}/${keyId}`;
    const hit = cache.get(cacheKey);
    if (hit !== undefined) return hit;
    const key = await masterKey.unwrap(wrapped, context(tenantId, keyId));
    cache.set(cacheKey, key);
    return key;
  }

  return {
    /** Creates a new data key for the tenant (inside `tx` when given) and returns its id. */
    async create(tenantId: string, tx: Queryable = db): Promise<string> {
      const keyId = `dk_${randomUUID()}`;
      const wrapped = await masterKey.wrap(generateKey(), context(tenantId, keyId));
      await tx.query('INSERT INTO tenant_keys (tenant_id, key_id, wrapped_key, master_key_id) VALUES ($1, $2, $3, $4)', [tenantId, keyId, wrapped, masterKey.id]);
      return keyId;
    },
    /** The tenant's current data key (newest, not retired). */
    async current(tenantId: string, tx: Queryable = db): Promise<{ keyId: string; key: Uint8Array }> {
      const [row] = await tx.query<{ key_id: string; wrapped_key: string }>(
        'SELECT key_id, wrapped_key FROM tenant_keys WHERE tenant_id = $1 AND retired_at IS NULL ORDER BY created_at DESC, key_id DESC LIMIT 1',
        [tenantId],
      );
      if (row === undefined) throw new Error(`tenant ${tenantId} has no data key`);
      return { keyId: row.key_id, key: await unwrapRow(tenantId, row.key_id, row.wrapped_key) };
    },
    /** A specific data key by id (for decrypting what it sealed). */
    async byId(tenantId: string, keyId: string, tx: Queryable = db): Promise<Uint8Array> {
      const [row] = await tx.query<{ wrapped_key: string }>('SELECT wrapped_key FROM tenant_keys WHERE tenant_id = $1 AND key_id = $2', [tenantId, keyId]);
      if (row === undefined) throw new Error(`tenant ${tenantId} has no data key ${keyId}`);
      return unwrapRow(tenantId, keyId, row.wrapped_key);
    },
    /** A key derived for one purpose (HMAC-SHA256 of the purpose under the tenant's first data key). */
    async derived(tenantId: string, purpose: string, tx: Queryable = db): Promise<Uint8Array> {
      const [row] = await tx.query<{ key_id: string; wrapped_key: string }>(
        'SELECT key_id, wrapped_key FROM tenant_keys WHERE tenant_id = $1 ORDER BY created_at, key_id LIMIT 1',
        [tenantId],
      );
      if (row === undefined) throw new Error(`tenant ${tenantId} has no data key`);
      const base = await unwrapRow(tenantId, row.key_id, row.wrapped_key);
      return new Uint8Array(createHmac('sha256', base).update(purpose).digest());
    },
    /** Forgets cached keys (after rotation or erasure). */
    clearCache(): void {
      cache.clear();
    },
  };
}

export type TenantKeyService = ReturnType<typeof tenantKeyService>;
