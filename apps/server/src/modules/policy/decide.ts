import type { Factor, Policy } from './policySchema.ts';
import type { RiskAssessment } from './scoreRisk.ts';

/** An action a policy governs. */
export type PolicyAction = 'enrol' | 'verify' | 'recover' | 'approvePayment';

/** What the policy asks for one attempt, and why: the rule and the signals that decided it. */
export interface Decision {
  readonly outcome: 'allow' | 'step-up' | 'deny';
  /** Every factor the attempt must pass (including step-up factors and liveness when required). */
  readonly factors: readonly Factor[];
  readonly livenessRequired: boolean;
  /** The rule that decided, e.g. `actions.approvePayment[1]`, `risk.denyAbove`. */
  readonly rule: string;
  readonly policyVersion: number;
  readonly riskScore: number;
  readonly signals: RiskAssessment['signals'];
}

/**
 * Applies a policy to one attempt: picks the action's rule (for payments the first rule whose
 * currency matches and whose limit covers the amount), adds step-up factors above
 * `risk.stepUpAbove`, denies above `risk.denyAbove`, and adds liveness per `liveness.required`.
 */
export function decide(policy: Policy, policyVersion: number, input: { action: PolicyAction; amountMinor?: number | undefined; currency?: string | undefined; risk: RiskAssessment }): Decision {
  let rule: string;
  let req: { factors: readonly Factor[]; stepUpFactors: readonly Factor[] };
  if (input.action === 'approvePayment') {
    const amount = input.amountMinor ?? 0;
    const i = policy.actions.approvePayment.findIndex((r) => (r.currency === undefined || r.currency === input.currency) && (r.maxAmountMinor === null || amount <= r.maxAmountMinor));
    const found = policy.actions.approvePayment[i];
    if (found === undefined) {
      return { outcome: 'deny', factors: [], livenessRequired: false, rule: 'actions.approvePayment (no rule covers this amount)', policyVersion, riskScore: input.risk.score, signals: input.risk.signals };
    }
    rule = `actions.approvePayment[${i}]`;
    req = found;
  } else {
    rule = `actions.${input.action}`;
    req = policy.actions[input.action];
  }
  const base = { policyVersion, riskScore: input.risk.score, signals: input.risk.signals };
  if (input.risk.score > policy.risk.denyAbove) return { ...base, outcome: 'deny', factors: [], livenessRequired: false, rule: 'risk.denyAbove' };
  const stepUp = input.risk.score > policy.risk.stepUpAbove && req.stepUpFactors.length > 0;
  const liveness = policy.liveness.required === 'always' || (policy.liveness.required === 'above-risk' && input.risk.score > policy.liveness.riskAbove);
  const factors = new Set<Factor>([...req.factors, ...(stepUp ? req.stepUpFactors : []), ...(liveness ? (['liveness'] as const) : [])]);
  return { ...base, outcome: stepUp ? 'step-up' : 'allow', factors: [...factors], livenessRequired: factors.has('liveness'), rule: stepUp ? `${rule} + risk.stepUpAbove` : rule };
}

/** A decision flattened for audit `details` (no nested objects). */
export function decisionDetails(d: Decision): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = { decision: d.outcome, rule: d.rule, policyVersion: d.policyVersion, riskScore: d.riskScore, factors: d.factors.join(',') };
  for (const [k, v] of Object.entries(d.signals)) out[`signal.${k}`] = v;
  return out;
}
