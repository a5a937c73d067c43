import type { Queryable } from '@authloop/store';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { openTemplate, sealTemplate, templateAad } from './sealedTemplate.ts';
import type { TemplateSecrets } from './sealedTemplate.ts';

/** Seals template secrets under the tenant's current data key and opens them with the key they name. */
export function templateVault({ tenantKeys }: { tenantKeys: TenantKeyService }) {
  return {
    async seal(tx: Queryable, ids: { tenantId: string; subjectId: string; rowId: string }, secrets: TemplateSecrets): Promise<{ keyId: string; sealed: Uint8Array }> {
      const { keyId, key } = await tenantKeys.current(ids.tenantId, tx);
      return { keyId, sealed: sealTemplate(key, secrets, templateAad(ids.tenantId, ids.subjectId, ids.rowId)) };
    },
    async open(tx: Queryable, row: { tenantId: string; subjectId: string; id: string; keyId: string; sealed: Uint8Array }): Promise<TemplateSecrets> {
      const key = await tenantKeys.byId(row.tenantId, row.keyId, tx);
      return openTemplate(key, row.sealed, templateAad(row.tenantId, row.subjectId, row.id));
    },
  };
}

export type TemplateVault = ReturnType<typeof templateVault>;
