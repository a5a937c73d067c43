import type { Queryable } from '@authloop/store';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { secretRotation } from './secretRotation.ts';
import type { SecretRotation } from './secretRotation.ts';

/**
 * Each tenant's secret rotation per vector dimension, derived from the tenant's first data key
 * (`tenantKeys.derived`), so it survives data-key rotation and differs between tenants. Kept in
 * a small per-process LRU (one entry is 2·dims² floats).
 */
export function tenantRotations({ tenantKeys, maxEntries = 64 }: { tenantKeys: TenantKeyService; maxEntries?: number }) {
  const cache = new Map<string, SecretRotation>();
  return {
    async get(tenantId: string, dims: number, tx?: Queryable): Promise<SecretRotation> {
      const id = `${tenantId}/${dims}`;
      const hit = cache.get(id);
      if (hit !== undefined) {
        cache.delete(id);
        cache.set(id, hit);
        return hit;
      }
      const seed = await tenantKeys.derived(tenantId, `face-rotation:v1:${dims}`, tx);
      const rotation = secretRotation(seed, dims);
      cache.set(id, rotation);
      if (cache.size > maxEntries) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) cache.delete(oldest.value);
      }
      return rotation;
    },
  };
}

export type TenantRotations = ReturnType<typeof tenantRotations>;
