import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { PolicyService } from '../policy/policyService.ts';
import type { SubjectDataRegistry } from './subjectDataRegistry.ts';

/** A consent record: what the subject agreed to (`purpose`, `noticeVersion`), when, and if withdrawn. */
export interface Consent {
  readonly id: string;
  readonly purpose: string;
  readonly noticeVersion: string;
  readonly grantedAt: Date;
  readonly withdrawnAt: Date | null;
  readonly actorType: string;
  readonly actorId: string | null;
}

interface Row {
  id: string;
  purpose: string;
  notice_version: string;
  granted_at: Date;
  withdrawn_at: Date | null;
  actor_type: string;
  actor_id: string | null;
}

const toConsent = (r: Row): Consent => ({ id: r.id, purpose: r.purpose, noticeVersion: r.notice_version, grantedAt: new Date(r.granted_at), withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at), actorType: r.actor_type, actorId: r.actor_id });

/**
 * Consent records. `require(tenantId, subjectId, 'face')` is what enrolment calls: it throws
 * CONSENT_REQUIRED when the tenant's policy lists the purpose in `privacy.consentRequiredFor` and
 * there is no active consent. Withdrawing a biometric consent erases that modality's data.
 */
export function consentService({ db, audit, policy, subjectData, clock }: { db: Database; audit: AuditLog; policy: PolicyService; subjectData: SubjectDataRegistry; clock: Clock }) {
  async function active(tx: Queryable, tenantId: string, subjectId: string, purpose: string): Promise<Consent | null> {
    const [row] = await tx.query<Row>('SELECT * FROM consents WHERE tenant_id = $1 AND subject_id = $2 AND purpose = $3 AND withdrawn_at IS NULL ORDER BY granted_at DESC LIMIT 1', [tenantId, subjectId, purpose]);
    return row === undefined ? null : toConsent(row);
  }

  return {
    /** Throws CONSENT_REQUIRED unless the policy does not require it or an active consent exists. */
    async require(tenantId: string, subjectId: string, purpose: string, tx: Queryable = db): Promise<void> {
      const { policy: p } = await policy.get(tenantId, tx);
      if (!p.privacy.consentRequiredFor.includes(purpose)) return;
      if ((await active(tx, tenantId, subjectId, purpose)) === null) {
        throw new AppError('CONSENT_REQUIRED', `The subject has not consented to ${purpose} processing; record consent first (POST /v1/subjects/{id}/consents).`, { details: { purpose } });
      }
    },
    /** Records consent (audited as `consent.grant`). */
    async grant(tenantId: string, subjectId: string, input: { purpose: string; noticeVersion: string }, actor: AuditActor): Promise<Consent> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<Row>('INSERT INTO consents (id, tenant_id, subject_id, purpose, notice_version, granted_at, actor_type, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *', [
          randomUUID(),
          tenantId,
          subjectId,
          input.purpose,
          input.noticeVersion,
          clock.now(),
          actor.type,
          actor.id,
        ]);
        if (row === undefined) throw new Error('insert returned no row');
        await audit.record(tx, { tenantId, actor, action: 'consent.grant', subjectId, outcome: 'success', details: { purpose: input.purpose, noticeVersion: input.noticeVersion } });
        return toConsent(row);
      });
    },
    /** Withdraws consent and erases that modality's biometric data in the same transaction. */
    async withdraw(tenantId: string, subjectId: string, purpose: string, actor: AuditActor): Promise<{ withdrawn: boolean; erased: Record<string, number> }> {
      return db.transaction(async (tx) => {
        const rows = await tx.query('UPDATE consents SET withdrawn_at = $4 WHERE tenant_id = $1 AND subject_id = $2 AND purpose = $3 AND withdrawn_at IS NULL RETURNING id', [tenantId, subjectId, purpose, clock.now()]);
        const erased: Record<string, number> = {};
        for (const s of subjectData.all()) if (s.category === 'biometric' && s.modality === purpose) erased[s.name] = await s.erase(tx, tenantId, subjectId);
        await audit.record(tx, { tenantId, actor, action: 'consent.withdraw', subjectId, outcome: 'success', details: { purpose, withdrawn: rows.length, ...Object.fromEntries(Object.entries(erased).map(([k, v]) => [`erased.${k}`, v])) } });
        return { withdrawn: rows.length > 0, erased };
      });
    },
    async list(tenantId: string, subjectId: string, tx: Queryable = db): Promise<Consent[]> {
      return (await tx.query<Row>('SELECT * FROM consents WHERE tenant_id = $1 AND subject_id = $2 ORDER BY granted_at, id', [tenantId, subjectId])).map(toConsent);
    },
  };
}

export type ConsentService = ReturnType<typeof consentService>;
