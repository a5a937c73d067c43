import { describe, expect, it } from 'vitest';
import { decide, decisionDetails } from './decide.ts';
import { defaultPolicy, policySchema } from './policySchema.ts';
import { scoreRisk } from './scoreRisk.ts';
import { thresholdForFmr } from './thresholdForFmr.ts';

const quiet = scoreRisk({ subjectFailures: 0, subjectVelocity: 0, ipFailures: 0, ipVelocity: 0, newDevice: false, newNetwork: false, daysSinceLastSuccess: 1 });
const risky = scoreRisk({ subjectFailures: 3, subjectVelocity: 1, ipFailures: 2, ipVelocity: 1, newDevice: true, newNetwork: false, daysSinceLastSuccess: 1 });

describe('decide', () => {
  it('picks the first payment rule whose limit covers the amount and names it', () => {
    expect(decide(defaultPolicy, 3, { action: 'approvePayment', amountMinor: 9_999, currency: 'EUR', risk: quiet })).toMatchObject({ outcome: 'allow', rule: 'actions.approvePayment[0]', factors: ['passkey', 'liveness'], policyVersion: 3 });
    expect(decide(defaultPolicy, 3, { action: 'approvePayment', amountMinor: 10_001, risk: quiet })).toMatchObject({ rule: 'actions.approvePayment[1]', factors: ['passkey', 'face', 'liveness'] });
  });

  it('adds step-up factors above risk.stepUpAbove and denies above risk.denyAbove', () => {
    expect(risky.score).toBe(53);
    const d = decide(defaultPolicy, 1, { action: 'verify', risk: risky });
    expect(d).toMatchObject({ outcome: 'step-up', rule: 'actions.verify + risk.stepUpAbove', factors: ['face', 'passkey', 'liveness'], riskScore: 53 });
    expect(d.signals['subjectFailures']).toBe(3);
    const strict = policySchema.parse({ ...defaultPolicy, risk: { stepUpAbove: 20, denyAbove: 50 } });
    expect(decide(strict, 2, { action: 'verify', risk: risky })).toMatchObject({ outcome: 'deny', rule: 'risk.denyAbove', factors: [] });
  });

  it('requires liveness only above the risk level when the policy says above-risk', () => {
    const p = policySchema.parse({ ...defaultPolicy, liveness: { required: 'above-risk', riskAbove: 30 } });
    expect(decide(p, 1, { action: 'verify', risk: quiet }).livenessRequired).toBe(false);
    expect(decide(p, 1, { action: 'verify', risk: risky }).livenessRequired).toBe(true);
  });

  it('denies a payment no rule covers', () => {
    const p = policySchema.parse({ ...defaultPolicy, actions: { ...defaultPolicy.actions, approvePayment: [{ maxAmountMinor: 100, currency: 'GBP', factors: ['passkey'] }] } });
    expect(decide(p, 1, { action: 'approvePayment', amountMinor: 50, currency: 'EUR', risk: quiet }).outcome).toBe('deny');
  });

  it('flattens a decision for audit details', () => {
    const flat = decisionDetails(decide(defaultPolicy, 4, { action: 'verify', risk: risky }));
    expect(flat).toMatchObject({ decision: 'step-up', policyVersion: 4, riskScore: 53, 'signal.newDevice': true, factors: 'face,passkey,liveness' });
  });
});

describe('thresholdForFmr', () => {
  const points = [
    { threshold: 0.3, fmr: 1e-2 },
    { threshold: 0.45, fmr: 1e-3 },
    { threshold: 0.6, fmr: 1e-4 },
    { threshold: 0.7, fmr: 1e-5 },
  ];
  it('takes the lowest threshold that meets the target, and refuses an unreachable target', () => {
    expect(thresholdForFmr(points, 1e-3)).toBe(0.45);
    expect(thresholdForFmr(points, 5e-4)).toBe(0.6);
    expect(thresholdForFmr(points, 1e-6)).toBeNull();
  });
});
