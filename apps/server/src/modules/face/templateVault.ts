import type { Queryable } from '@authloop/store';
import { AppError } from '../../errors/AppError.ts';
import type { SubjectKeyService } from '../privacy/subjectKeyService.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { openTemplate, sealTemplate, templateAad } from './sealedTemplate.ts';
import type { TemplateSecrets } from './sealedTemplate.ts';

/** Key ids of per-subject keys (`subjectKeyService`); any other key id names a tenant data key. */
export const isSubjectKeyId = (keyId: string): boolean => keyId.startsWith('sk_');

/**
 * Seals template secrets under the subject's own key (`subjectKeys.forSubject`, itself wrapped by
 * the tenant's data key), so erasing the subject destroys the key and every copy of the template,
 * backups included, becomes unreadable (crypto-shredding). Opens rows sealed that way and rows
 * sealed by earlier versions directly under a tenant data key (`POST /v1/face/rekey` moves those to
 * subject keys).
 */
export function templateVault({ tenantKeys, subjectKeys }: { tenantKeys: TenantKeyService; subjectKeys: SubjectKeyService }) {
  return {
    async seal(tx: Queryable, ids: { tenantId: string; subjectId: string; rowId: string }, secrets: TemplateSecrets): Promise<{ keyId: string; sealed: Uint8Array }> {
      const { keyId, key } = await subjectKeys.forSubject(ids.tenantId, ids.subjectId, tx);
      return { keyId, sealed: sealTemplate(key, secrets, templateAad(ids.tenantId, ids.subjectId, ids.rowId)) };
    },
    async open(tx: Queryable, row: { tenantId: string; subjectId: string; id: string; keyId: string; sealed: Uint8Array }): Promise<TemplateSecrets> {
      const aad = templateAad(row.tenantId, row.subjectId, row.id);
      if (!isSubjectKeyId(row.keyId)) return openTemplate(await tenantKeys.byId(row.tenantId, row.keyId, tx), row.sealed, aad);
      const k = await subjectKeys.existing(row.tenantId, row.subjectId, tx);
      // A template whose subject key is gone was shredded: erasure removes both in one transaction,
      // so this is a restored backup or a damaged database, never a normal state.
      if (k === null || k.keyId !== row.keyId) throw new AppError('INTERNAL', 'The key of this face template no longer exists.');
      return openTemplate(k.key, row.sealed, aad);
    },
  };
}

export type TemplateVault = ReturnType<typeof templateVault>;
