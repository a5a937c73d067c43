import type { Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { clientRepository } from './clientRepository.ts';

const TTL_MS = 15_000;
const LIMIT = 10_000;

/**
 * Whether an API client may still use its access tokens. Disabling a client must stop its tokens
 * before they expire; the answer is cached for 15 s per client so a hot client costs one read per
 * 15 s, and a disable takes effect on every replica within that time.
 */
export function clientStatus({ db, clock }: { db: Queryable; clock: Clock }) {
  const cache = new Map<string, { active: boolean; until: number }>();
  return {
    async isActive(tenantId: string, clientId: string): Promise<boolean> {
      const key = `${tenantId}/${clientId}`;
      const now = clock.now().getTime();
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > now) return hit.active;
      const client = await clientRepository(db).get(tenantId, clientId);
      const active = client !== null && client.disabledAt === null;
      if (cache.size >= LIMIT) cache.clear();
      cache.set(key, { active, until: now + TTL_MS });
      return active;
    },
    /** Forgets the cached answer (called when this replica disables a client). */
    forget(tenantId: string, clientId: string): void {
      cache.delete(`${tenantId}/${clientId}`);
    },
  };
}

export type ClientStatus = ReturnType<typeof clientStatus>;
