import { randomUUID } from 'node:crypto';
import type { Database } from '@authloop/store';
import type { AuditLog } from '../audit/auditLog.ts';
import { tenantRepository } from './tenantRepository.ts';
import type { Tenant } from './tenantRepository.ts';
import type { TenantKeyService } from './tenantKeyService.ts';

/** Creates tenants: the row, its first data key and the audit record, in one transaction. */
export function tenantService({ db, tenantKeys, audit }: { db: Database; tenantKeys: TenantKeyService; audit: AuditLog }) {
  return {
    async create(input: { name: string; settings?: Record<string, unknown> }): Promise<Tenant> {
      return db.transaction(async (tx) => {
        const tenant = await tenantRepository(tx).insert({ id: randomUUID(), name: input.name, ...(input.settings ? { settings: input.settings } : {}) });
        await tenantKeys.create(tenant.id, tx);
        await audit.record(tx, { tenantId: tenant.id, actor: { type: 'system', id: null }, action: 'tenant.create', outcome: 'success', details: { name: tenant.name } });
        return tenant;
      });
    },
    get: (id: string) => tenantRepository(db).get(id),
    list: () => tenantRepository(db).list(),
  };
}

export type TenantService = ReturnType<typeof tenantService>;
