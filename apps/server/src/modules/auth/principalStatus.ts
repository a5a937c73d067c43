import type { Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { clientRepository } from '../clients/clientRepository.ts';
import { operatorRepository } from '../operators/operatorRepository.ts';
import { PLATFORM_TENANT } from '../operators/roles.ts';
import { subjectRepository } from '../subjects/subjectRepository.ts';
import type { Principal } from './Principal.ts';

const TTL_MS = 15_000;
const LIMIT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the holder of a valid access token may still use it: its API client or operator is not
 * disabled, its subject has not been erased. Disabling or erasing must stop live tokens before they
 * expire; the answer is cached for 15 s per principal, so a hot caller costs one read per 15 s and
 * a change takes effect on every replica within that time (at once on the replica that made it,
 * which calls `forget`).
 */
export function principalStatus({ db, clock }: { db: Queryable; clock: Clock }) {
  const cache = new Map<string, { active: boolean; until: number }>();
  const keyOf = (kind: Principal['kind'], tenantId: string, id: string) => `${kind}/${tenantId}/${id}`;

  async function lookup(p: Pick<Principal, 'kind' | 'tenantId' | 'id'>): Promise<boolean> {
    // Operators and subjects have UUIDs (API clients have their own id format); anything else
    // names nobody this server knows.
    if (p.kind !== 'client' && !UUID.test(p.id)) return false;
    switch (p.kind) {
      case 'client': {
        const c = await clientRepository(db).get(p.tenantId, p.id);
        return c !== null && c.disabledAt === null;
      }
      case 'operator': {
        const o = await operatorRepository(db).get(p.tenantId === PLATFORM_TENANT ? null : p.tenantId, p.id);
        return o !== null && o.disabledAt === null;
      }
      case 'subject':
        return (await subjectRepository(db).get(p.tenantId, p.id)) !== null;
    }
  }

  return {
    async isActive(p: Pick<Principal, 'kind' | 'tenantId' | 'id'>): Promise<boolean> {
      const key = keyOf(p.kind, p.tenantId, p.id);
      const now = clock.now().getTime();
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > now) return hit.active;
      const active = await lookup(p);
      if (cache.size >= LIMIT) cache.clear();
      cache.set(key, { active, until: now + TTL_MS });
      return active;
    },
    /** Forgets the cached answer (called when this replica disables a client or operator, or erases a subject). */
    forget(kind: Principal['kind'], tenantId: string, id: string): void {
      cache.delete(keyOf(kind, tenantId, id));
    },
  };
}

export type PrincipalStatus = ReturnType<typeof principalStatus>;
