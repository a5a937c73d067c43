import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import { defaultPolicy } from '../src/modules/policy/policySchema.ts';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

const PASSWORD = 'correct-fjord-lamp-quiz';

describe.each(testDrivers())('policy and risk on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  const op: Record<'operator' | 'auditor', { authorization: string }> = { operator: { authorization: '' }, auditor: { authorization: '' } };
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: { authorization: string }, payload?: object) => h.app.server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const errCode = (r: { json: <T>() => T }) => r.json<{ error: { code: string } }>().error.code;
  const newSubject = async () => (await req('POST', '/v1/subjects', t.auth, { externalId: `s-${Math.random().toString(36).slice(2)}` })).json<{ id: string }>().id;
  const fail = (subjectId: string, ip = '198.51.100.7') => h.db.transaction((tx) => h.app.services.risk.recordAttempt(tx, { tenantId: t.tenantId, subjectId, factor: 'face', outcome: 'failure', ip }));

  beforeAll(async () => {
    h = await createHarness(driver);
    t = await h.createTenant();
    for (const role of ['operator', 'auditor'] as const) {
      await h.app.services.operators.create({ tenantId: t.tenantId, email: `${role}@bank.test`, role, password: PASSWORD }, { type: 'system', id: null });
      const r = await h.app.services.operators.signIn({ tenantId: t.tenantId, email: `${role}@bank.test`, password: PASSWORD });
      if (r.status !== 'signed-in') throw new Error('expected a session');
      op[role] = { authorization: `Bearer ${r.tokens.accessToken}` };
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('starts from the default (version 0), stores validated versions and audits each change', async () => {
    const initial = await req('GET', '/v1/policy', t.auth);
    expect(initial.json()).toMatchObject({ version: 0, policy: { lockout: { maxFailures: 5 } } });
    const next = { ...defaultPolicy, lockout: { maxFailures: 3, windowS: 600, lockS: 0 } };
    const put = await req('PUT', '/v1/policy', t.auth, next);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, policy: { lockout: { maxFailures: 3 } } });
    expect((await req('GET', '/v1/policy', op.auditor)).json()).toMatchObject({ version: 1 });
    const audit = (await req('GET', '/v1/audit/events?action=policy.update', t.auth)).json<{ items: { details: Record<string, unknown> }[] }>().items;
    expect(audit.map((a) => a.details)).toEqual([{ version: 1, previousVersion: 0 }]);
    expect((await req('GET', '/v1/policy/versions', t.auth)).json<{ items: { version: number }[] }>().items.map((v) => v.version)).toEqual([1]);
  });

  it('refuses an invalid policy with a code, and refuses policy changes to operators and auditors', async () => {
    const bad = await req('PUT', '/v1/policy', t.auth, { ...defaultPolicy, risk: { stepUpAbove: 90, denyAbove: 10 } });
    expect(bad.statusCode).toBe(400);
    await expect(h.app.services.policy.set(t.tenantId, { ...defaultPolicy, lockout: { maxFailures: 0, windowS: 1, lockS: 0 } }, { type: 'system', id: null })).rejects.toMatchObject({ code: 'POLICY_INVALID' });
    expect(errCode(await req('PUT', '/v1/policy', op.operator, defaultPolicy))).toBe('INSUFFICIENT_SCOPE');
    expect(errCode(await req('PUT', '/v1/policy', op.auditor, defaultPolicy))).toBe('INSUFFICIENT_SCOPE');
  });

  it('locks a factor after the policy number of failures (audited), and an operator re-enables it', async () => {
    const s = await newSubject();
    expect((await fail(s)).locked).toBe(false);
    expect((await fail(s)).locked).toBe(false);
    expect((await fail(s)).locked).toBe(true);
    await expect(h.app.services.risk.assertNotLocked(t.tenantId, s, 'face')).rejects.toMatchObject({ code: 'FACTOR_LOCKED' });
    await h.app.services.risk.assertNotLocked(t.tenantId, s, 'passkey');
    const locks = (await req('GET', `/v1/subjects/${s}/locks`, op.operator)).json<{ items: { factor: string; lockedUntil: string | null }[] }>().items;
    expect(locks.map((l) => [l.factor, l.lockedUntil])).toEqual([['face', null]]);
    const lockEvent = (await req('GET', `/v1/audit/events?subjectId=${s}&action=factor.lock`, t.auth)).json<{ items: { details: Record<string, unknown> }[] }>().items;
    expect(lockEvent[0]?.details).toMatchObject({ factor: 'face', failures: 3, rule: 'lockout.maxFailures', policyVersion: 1 });

    expect(errCode(await req('POST', `/v1/subjects/${s}/unlock`, op.auditor, {}))).toBe('INSUFFICIENT_SCOPE');
    const unlocked = await req('POST', `/v1/subjects/${s}/unlock`, op.operator, { factor: 'face' });
    expect(unlocked.json()).toEqual({ unlocked: ['face'] });
    await h.app.services.risk.assertNotLocked(t.tenantId, s, 'face');
    expect((await req('GET', `/v1/audit/events?subjectId=${s}&action=factor.unlock`, t.auth)).json<{ items: unknown[] }>().items.length).toBe(1);
  });

  it('scores attempts from stored signals and records the rule and signals that decided', async () => {
    const s = await newSubject();
    const decision = async (body: object) => (await req('POST', `/v1/subjects/${s}/decisions`, t.auth, body)).json<{ outcome: string; rule: string; riskScore: number; factors: string[]; signals: Record<string, unknown>; reasons: string[] }>();
    const first = await decision({ action: 'verify', ip: '203.0.113.5', deviceId: 'phone-1' });
    expect(first).toMatchObject({ outcome: 'allow', rule: 'actions.verify', riskScore: 25, factors: ['face', 'liveness'] });
    expect(first.signals).toMatchObject({ newDevice: true, daysSinceLastSuccess: null });

    await h.db.transaction((tx) => h.app.services.risk.recordAttempt(tx, { tenantId: t.tenantId, subjectId: s, factor: 'face', outcome: 'success', ip: '203.0.113.5', deviceId: 'phone-1' }));
    expect(await decision({ action: 'verify', ip: '203.0.113.9', deviceId: 'phone-1' })).toMatchObject({ riskScore: 0, outcome: 'allow' });

    const moved = await decision({ action: 'verify', ip: '192.0.2.1', deviceId: 'laptop-9' });
    expect(moved).toMatchObject({ riskScore: 25, reasons: ['new device +15', 'new network +10'] });
    await fail(s, '192.0.2.1');
    await fail(s, '192.0.2.1');
    const stepUp = await decision({ action: 'verify', ip: '192.0.2.1', deviceId: 'laptop-9' });
    expect(stepUp).toMatchObject({ outcome: 'step-up', rule: 'actions.verify + risk.stepUpAbove', factors: ['face', 'passkey', 'liveness'] });
    expect(stepUp.riskScore).toBe(25 + 20 + 8);

    expect(await decision({ action: 'approvePayment', amountMinor: 2_500_00, currency: 'EUR' })).toMatchObject({ outcome: 'allow', rule: 'actions.approvePayment[1]', riskScore: 20 });
    expect(errCode(await req('POST', `/v1/subjects/${s}/decisions`, op.operator, { action: 'verify' }))).toBe('FORBIDDEN');
  });

  it('turns a target FMR into a threshold from the engine operating points', async () => {
    const r = await h.app.services.policy.threshold(t.tenantId, 'face', [
      { threshold: 0.5, fmr: 1e-3 },
      { threshold: 0.62, fmr: 1e-4 },
    ]);
    expect(r).toEqual({ targetFmr: 1e-4, threshold: 0.62 });
  });
});
