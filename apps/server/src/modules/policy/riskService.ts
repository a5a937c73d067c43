import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { ipNetwork } from './ipNetwork.ts';
import type { PolicyService } from './policyService.ts';
import { riskRepository } from './riskRepository.ts';
import { scoreRisk } from './scoreRisk.ts';
import type { RiskAssessment } from './scoreRisk.ts';

/** Re-enables factors locked elsewhere (e.g. a module's own lockout table) when an operator unlocks. */
export type UnlockHook = (tx: Queryable, tenantId: string, subjectId: string, factor: string | null) => Promise<void>;

/**
 * Risk signals and lockout. `assess` scores an attempt before it is made; `recordAttempt` stores
 * its outcome (inside the caller's transaction when given) and locks the factor when the policy's
 * lockout numbers are reached, with an audit record. Operators re-enable factors with `unlock`.
 */
export function riskService({ db, audit, policy, clock }: { db: Database; audit: AuditLog; policy: PolicyService; clock: Clock }) {
  const unlockHooks: UnlockHook[] = [];
  return {
    /** Registers a hook run (in the same transaction) when an operator re-enables a subject's factors. */
    onUnlock(hook: UnlockHook): void {
      unlockHooks.push(hook);
    },

    /** Scores an attempt from stored signals: failures and velocity per subject and IP, new device or network, time since last success. */
    async assess(input: { tenantId: string; subjectId: string; ip?: string | null | undefined; deviceId?: string | null | undefined }, tx: Queryable = db): Promise<RiskAssessment> {
      const { policy: p } = await policy.get(input.tenantId, tx);
      const repo = riskRepository(tx);
      const now = clock.now();
      const windowStart = new Date(now.getTime() - p.lockout.windowS * 1000);
      const minuteAgo = new Date(now.getTime() - 60_000);
      const subject = await repo.subjectCounts(input.tenantId, input.subjectId, windowStart, minuteAgo);
      const ip = input.ip == null ? { failures: 0, recent: 0 } : await repo.ipCounts(input.tenantId, input.ip, windowStart, minuteAgo);
      const last = await repo.lastSuccess(input.tenantId, input.subjectId);
      const network = ipNetwork(input.ip);
      return scoreRisk({
        subjectFailures: subject.failures,
        subjectVelocity: subject.recent,
        ipFailures: ip.failures,
        ipVelocity: ip.recent,
        newDevice: input.deviceId != null && !(await repo.deviceKnown(input.tenantId, input.subjectId, input.deviceId)),
        newNetwork: last !== null && network !== null && last.ipNetwork !== null && last.ipNetwork !== network,
        daysSinceLastSuccess: last === null ? null : Math.floor((now.getTime() - last.occurredAt.getTime()) / 86_400_000),
      });
    },

    /**
     * Records an attempt's outcome. After a failure, locks `factor` when the subject has
     * `lockout.maxFailures` failures of it within `lockout.windowS` (audited as `factor.lock`).
     */
    async recordAttempt(
      tx: Queryable,
      a: { tenantId: string; subjectId: string; factor: string; outcome: 'success' | 'failure'; ip?: string | null | undefined; deviceId?: string | null | undefined; riskScore?: number | null | undefined },
    ): Promise<{ locked: boolean }> {
      const repo = riskRepository(tx);
      const now = clock.now();
      await repo.insertAttempt({ id: randomUUID(), tenantId: a.tenantId, subjectId: a.subjectId, factor: a.factor, outcome: a.outcome, ip: a.ip ?? null, ipNetwork: ipNetwork(a.ip), deviceId: a.deviceId ?? null, riskScore: a.riskScore ?? null, occurredAt: now });
      if (a.outcome === 'success') return { locked: false };
      const { policy: p, version } = await policy.get(a.tenantId, tx);
      const { failures } = await repo.subjectCounts(a.tenantId, a.subjectId, new Date(now.getTime() - p.lockout.windowS * 1000), now, a.factor);
      if (failures < p.lockout.maxFailures) return { locked: false };
      const until = p.lockout.lockS === 0 ? null : new Date(now.getTime() + p.lockout.lockS * 1000);
      await repo.lock(a.tenantId, a.subjectId, a.factor, now, until);
      await audit.record(tx, {
        tenantId: a.tenantId,
        actor: { type: 'system', id: null },
        action: 'factor.lock',
        subjectId: a.subjectId,
        outcome: 'success',
        details: { factor: a.factor, failures, rule: 'lockout.maxFailures', policyVersion: version, lockedUntil: until?.toISOString() ?? null },
      });
      return { locked: true };
    },

    /** The subject's currently locked factors. */
    locks: (tenantId: string, subjectId: string) => riskRepository(db).locks(tenantId, subjectId, clock.now()),

    /** A message when `factor` is locked for the subject, else null (for callers that refuse inside their own transaction). */
    async lockedFactor(tenantId: string, subjectId: string, factor: string, tx: Queryable = db): Promise<string | null> {
      const lock = (await riskRepository(tx).locks(tenantId, subjectId, clock.now())).find((l) => l.factor === factor);
      return lock === undefined ? null : `The ${factor} factor is locked for this subject after repeated failures${lock.lockedUntil === null ? '' : ` (until ${lock.lockedUntil.toISOString()})`}.`;
    },

    /** Throws FACTOR_LOCKED when `factor` is locked for the subject. */
    async assertNotLocked(tenantId: string, subjectId: string, factor: string, tx: Queryable = db): Promise<void> {
      const lock = (await riskRepository(tx).locks(tenantId, subjectId, clock.now())).find((l) => l.factor === factor);
      if (lock !== undefined) throw new AppError('FACTOR_LOCKED', `The ${factor} factor is locked for this subject after repeated failures.`, { details: { factor, lockedUntil: lock.lockedUntil?.toISOString() ?? null } });
    },

    /** Re-enables one factor (or all) for a subject; audited as `factor.unlock`. */
    async unlock(tenantId: string, subjectId: string, factor: string | null, actor: AuditActor): Promise<string[]> {
      return db.transaction(async (tx) => {
        const unlocked = await riskRepository(tx).unlock(tenantId, subjectId, factor);
        for (const hook of unlockHooks) await hook(tx, tenantId, subjectId, factor);
        await audit.record(tx, { tenantId, actor, action: 'factor.unlock', subjectId, outcome: 'success', details: { factor: factor ?? 'all', unlocked: unlocked.join(',') } });
        return unlocked;
      });
    },
  };
}

export type RiskService = ReturnType<typeof riskService>;
