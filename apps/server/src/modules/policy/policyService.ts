import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { decide } from './decide.ts';
import type { Decision, PolicyAction } from './decide.ts';
import { policyRepository } from './policyRepository.ts';
import type { PolicyVersion } from './policyRepository.ts';
import { defaultPolicy, policySchema } from './policySchema.ts';
import type { Policy } from './policySchema.ts';
import type { RiskAssessment } from './scoreRisk.ts';
import { thresholdForFmr } from './thresholdForFmr.ts';
import type { OperatingPoint } from './thresholdForFmr.ts';

/**
 * Per-tenant policy: the current version (version 0 is the built-in default), changes validated
 * and audited in one transaction, and decisions that name the rule and signals behind them.
 */
export function policyService({ db, audit, clock }: { db: Database; audit: AuditLog; clock: Clock }) {
  return {
    /** The tenant's current policy and its version (0 = the default, never set). */
    async get(tenantId: string, tx: Queryable = db): Promise<{ version: number; policy: Policy }> {
      const latest = await policyRepository(tx).latest(tenantId);
      if (latest === null) return { version: 0, policy: defaultPolicy };
      return { version: latest.version, policy: policySchema.parse(latest.policy) };
    },

    /** Validates and stores a new version; audited as `policy.update`. Throws POLICY_INVALID. */
    async set(tenantId: string, input: unknown, actor: AuditActor): Promise<{ version: number; policy: Policy }> {
      const parsed = policySchema.safeParse(input);
      if (!parsed.success) {
        throw new AppError('POLICY_INVALID', `The policy is not valid: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, {
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        });
      }
      return db.transaction(async (tx) => {
        const previous = await policyRepository(tx).latest(tenantId);
        const version = await policyRepository(tx).insertNext(tenantId, parsed.data, clock.now(), actor);
        await audit.record(tx, { tenantId, actor, action: 'policy.update', outcome: 'success', details: { version, previousVersion: previous?.version ?? 0 } });
        return { version, policy: parsed.data };
      });
    },

    versions: (tenantId: string): Promise<PolicyVersion[]> => policyRepository(db).list(tenantId),

    /** What the tenant's policy demands for one attempt given its risk assessment. */
    async decide(tenantId: string, input: { action: PolicyAction; amountMinor?: number | undefined; currency?: string | undefined; risk: RiskAssessment }, tx: Queryable = db): Promise<Decision> {
      const { version, policy } = await this.get(tenantId, tx);
      return decide(policy, version, input);
    },

    /** The matcher threshold meeting the tenant's target FMR for `modality`, from the engine's operating points. */
    async threshold(tenantId: string, modality: 'face' | 'voice' | 'fingerprint', points: readonly OperatingPoint[]): Promise<{ targetFmr: number; threshold: number | null }> {
      const { policy } = await this.get(tenantId);
      const targetFmr = policy.thresholds[modality]?.targetFmr ?? policy.thresholds.face.targetFmr;
      return { targetFmr, threshold: thresholdForFmr(points, targetFmr) };
    },
  };
}

export type PolicyService = ReturnType<typeof policyService>;
