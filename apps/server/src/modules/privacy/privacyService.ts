import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { AuditService } from '../audit/auditService.ts';
import type { StoredAuditRecord } from '../audit/auditRepository.ts';
import type { PolicyService } from '../policy/policyService.ts';
import { subjectRepository } from '../subjects/subjectRepository.ts';
import type { ConsentService } from './consentService.ts';
import type { SubjectDataRegistry } from './subjectDataRegistry.ts';
import type { SubjectKeyService } from './subjectKeyService.ts';

/** Everything held about a subject (GDPR Art. 15/20): metadata only, never templates or secrets. */
export interface SubjectExport {
  readonly exportedAt: string;
  readonly subject: { readonly id: string; readonly externalId: string; readonly displayName: string | null; readonly createdAt: string };
  readonly consents: readonly Record<string, unknown>[];
  readonly data: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  readonly subjectKey: { readonly keyId: string } | null;
  readonly audit: readonly StoredAuditRecord[];
}

const RETENTION_BATCH = 200;

/**
 * Data-subject rights: export, erasure across every registered source in one transaction with the
 * subject key destroyed (crypto-shredding) and an audit record, and the retention job that erases
 * the biometric data of inactive subjects.
 */
export function privacyService({ db, audit, auditTrail, subjectData, subjectKeys, consent, policy, clock }: { db: Database; audit: AuditLog; auditTrail: AuditService; subjectData: SubjectDataRegistry; subjectKeys: SubjectKeyService; consent: ConsentService; policy: PolicyService; clock: Clock }) {
  return {
    async export(tenantId: string, subjectId: string, actor: AuditActor): Promise<SubjectExport> {
      const subject = await subjectRepository(db).get(tenantId, subjectId);
      if (subject === null) throw new AppError('SUBJECT_NOT_FOUND', `No subject ${subjectId} in this tenant.`);
      const result = await db.transaction(async (tx) => {
        const data: Record<string, readonly Record<string, unknown>[]> = {};
        for (const s of subjectData.all()) if (s.name !== 'consents') data[s.name] = await s.export(tx, tenantId, subjectId);
        const key = await tx.query<{ key_id: string }>('SELECT key_id FROM subject_keys WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
        const consents = (await consent.list(tenantId, subjectId, tx)).map((c) => ({ ...c, grantedAt: c.grantedAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null }));
        return { data, consents, subjectKey: key[0] === undefined ? null : { keyId: key[0].key_id } };
      });
      const entries: StoredAuditRecord[] = [];
      for await (const r of auditTrail.scan(tenantId, { subjectId })) entries.push(r);
      await db.transaction((tx) => audit.record(tx, { tenantId, actor, action: 'privacy.export', subjectId, outcome: 'success' }));
      return {
        exportedAt: clock.now().toISOString(),
        subject: { id: subject.id, externalId: subject.externalId, displayName: subject.displayName, createdAt: subject.createdAt.toISOString() },
        ...result,
        audit: entries,
      };
    },

    /** Erases the subject everywhere in one transaction; returns rows erased per source. Audit entries stay (pseudonymous). */
    async erase(tenantId: string, subjectId: string, actor: AuditActor): Promise<{ erased: Record<string, number>; keyDestroyed: boolean }> {
      return db.transaction(async (tx) => {
        if ((await subjectRepository(tx).get(tenantId, subjectId)) === null) throw new AppError('SUBJECT_NOT_FOUND', `No subject ${subjectId} in this tenant.`);
        const erased: Record<string, number> = {};
        for (const s of subjectData.all()) erased[s.name] = await s.erase(tx, tenantId, subjectId);
        const keyDestroyed = await subjectKeys.destroy(tenantId, subjectId, tx);
        await subjectRepository(tx).delete(tenantId, subjectId);
        await audit.record(tx, {
          tenantId,
          actor,
          action: 'privacy.erase',
          subjectId,
          outcome: 'success',
          details: { keyDestroyed, ...Object.fromEntries(Object.entries(erased).filter(([, n]) => n > 0).map(([k, n]) => [`erased.${k}`, n])) },
        });
        return { erased, keyDestroyed };
      });
    },

    /**
     * The retention job: for each tenant whose policy sets `privacy.retentionDays`, erases biometric
     * data (and the subject key) of subjects with no activity (creation, update or authentication
     * attempt) for that long. Returns how many subjects lost data.
     */
    async runRetention(): Promise<number> {
      const now = clock.now().getTime();
      let affected = 0;
      const tenants = await db.query<{ id: string }>('SELECT id FROM tenants ORDER BY id');
      for (const { id: tenantId } of tenants) {
        const { policy: p, version } = await policy.get(tenantId);
        if (p.privacy.retentionDays === null) continue;
        const cutoff = new Date(now - p.privacy.retentionDays * 86_400_000);
        const stale = await db.query<{ id: string }>(
          `SELECT s.id FROM subjects s WHERE s.tenant_id = $1 AND GREATEST(s.created_at, s.updated_at) < $2
             AND NOT EXISTS (SELECT 1 FROM auth_attempts a WHERE a.tenant_id = s.tenant_id AND a.subject_id = s.id AND a.occurred_at >= $2)
           ORDER BY s.id LIMIT $3`,
          [tenantId, cutoff, RETENTION_BATCH * 10],
        );
        for (const { id: subjectId } of stale) {
          const done = await db.transaction(async (tx) => {
            const erased: Record<string, number> = {};
            for (const s of subjectData.all()) if (s.category === 'biometric') erased[s.name] = await s.erase(tx, tenantId, subjectId);
            const keyDestroyed = await subjectKeys.destroy(tenantId, subjectId, tx);
            const total = Object.values(erased).reduce((a, b) => a + b, 0);
            if (total === 0 && !keyDestroyed) return false;
            await audit.record(tx, {
              tenantId,
              actor: { type: 'system', id: null },
              action: 'privacy.retention-erase',
              subjectId,
              outcome: 'success',
              details: { rule: 'privacy.retentionDays', retentionDays: p.privacy.retentionDays, policyVersion: version, keyDestroyed, ...Object.fromEntries(Object.entries(erased).filter(([, n]) => n > 0).map(([k, n]) => [`erased.${k}`, n])) },
            });
            return true;
          });
          if (done) affected += 1;
        }
      }
      return affected;
    },
  };
}

export type PrivacyService = ReturnType<typeof privacyService>;
