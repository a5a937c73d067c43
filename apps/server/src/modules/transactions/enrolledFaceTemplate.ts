import type { FaceTemplate } from '@authloop/engine';
import type { Queryable } from '@authloop/store';
import { faceRepository } from '../face/faceRepository.ts';
import { meanTemplate } from '../face/templateMath.ts';
import { templateVault } from '../face/templateVault.ts';
import type { SubjectKeyService } from '../privacy/subjectKeyService.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';

/**
 * Reads a subject's enrolled face template (the mean of the enrolment samples, the same reference
 * 1:1 verification compares with), or null when the subject has no face enrolment. The template
 * stays in memory for the comparison only; it is never returned by the API or audited.
 */
export function enrolledFaceTemplate({ db, tenantKeys, subjectKeys }: { db: Queryable; tenantKeys: TenantKeyService; subjectKeys: SubjectKeyService }) {
  const vault = templateVault({ tenantKeys, subjectKeys });
  return async (tenantId: string, subjectId: string): Promise<FaceTemplate | null> => {
    const row = await faceRepository(db).get(tenantId, subjectId);
    if (row === null) return null;
    const secrets = await vault.open(db, row);
    return secrets.samples.length === 0 ? null : meanTemplate(secrets.samples.map((s) => s.template));
  };
}
