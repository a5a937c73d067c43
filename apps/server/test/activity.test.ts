import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { codeOf, createPasskeyTenant } from './support/passkeyFixtures.ts';
import type { PasskeyTenant } from './support/passkeyFixtures.ts';
import { recordLivenessResult } from './support/recordLivenessResult.ts';
import { SoftAuthenticator } from './support/softAuthenticator.ts';

const PASSWORD = 'correct-fjord-lamp-quiz';
const TODAY = new Date('2026-03-10T10:00:00Z');

type Counts = { success: number; failure: number; denied: number; error: number };
interface Report {
  days: number;
  from: string;
  to: string;
  daily: { date: string; total: Counts; byAction: Record<string, Counts> }[];
  totals: { total: Counts; byAction: Record<string, Counts> };
  liveness: { passed: number; failed: number; daily: { date: string; passed: number; failed: number }[]; reasons: { reason: string; count: number }[] };
}

const counts = (c: Partial<Counts>): Counts => ({ success: 0, failure: 0, denied: 0, error: 0, ...c });

describe.each(testDrivers())('activity dashboard on %s', (driver) => {
  let h: Harness;
  let a: PasskeyTenant;
  let other: TestTenant;
  let adminToken: string;

  const get = (url: string, headers: Record<string, string> = a.clientAuth) => h.app.server.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: object, headers: Record<string, string> = {}) => h.app.server.inject({ method: 'POST', url, payload, headers });
  const report = async (days?: number, headers: Record<string, string> = a.clientAuth): Promise<Report> => {
    const r = await get(`/v1/ops/activity${days === undefined ? '' : `?days=${days}`}`, headers);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Report>();
  };
  /** Records `n` audit events at `at` the way a module does (in a transaction). */
  async function record(tenantId: string, at: string, action: string, outcome: keyof Counts, n = 1): Promise<void> {
    h.clock.set(new Date(at));
    for (let i = 0; i < n; i++) {
      await h.db.transaction((tx) => h.app.services.audit.record(tx, { tenantId, actor: { type: 'system', id: null }, action, outcome, details: {} }));
    }
    h.clock.set(TODAY);
  }

  beforeAll(async () => {
    h = await createHarness(driver);
    h.clock.set(TODAY);
    a = await createPasskeyTenant(h);
    other = await h.createTenant('Other Bank');

    // Earlier days, recorded as the face module does (volume without a face engine).
    await record(a.tenantId, '2026-03-08T09:00:00Z', 'face.verify', 'success', 3);
    await record(a.tenantId, '2026-03-08T09:30:00Z', 'face.verify', 'failure');
    await record(a.tenantId, '2026-03-08T10:00:00Z', 'transaction.decline', 'success');
    await record(a.tenantId, '2026-03-08T10:00:00Z', 'face.enrol', 'success');
    await record(a.tenantId, '2026-03-09T23:59:59Z', 'face.identify', 'denied', 2);
    await record(a.tenantId, '2026-02-01T12:00:00Z', 'face.verify', 'success');
    await record(other.tenantId, '2026-03-10T08:00:00Z', 'face.verify', 'success', 5);
    await recordLivenessResult(h.app.services, other.tenantId, ['PAD_SPOOF']);

    // Today, through the real endpoints: a passkey sign-in and a forged one.
    const auth = new SoftAuthenticator();
    const ro = await post('/v1/me/passkeys/registration/options', {}, a.subjectAuth);
    expect(codeOf(await post('/v1/me/passkeys/registration/verify', { credential: auth.create(ro.json()), name: 'Phone' }, a.subjectAuth))).toBe('OK 201');
    const options = async () => (await post('/v1/passkeys/authentication/options', { tenantId: a.tenantId })).json<{ challenge: string }>();
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: a.tenantId, credential: auth.get(await options()) }))).toBe('OK 200');
    const good = auth.get(await options());
    const forged = auth.get({ challenge: good.response.clientDataJSON.slice(0, 43) }, { signCount: 999 });
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: a.tenantId, credential: { ...good, response: { ...good.response, signature: forged.response.signature } } }))).toBe('PASSKEY_SIGNATURE_INVALID');

    // An operator signs in once with a wrong password, then correctly.
    await h.app.services.operators.create({ tenantId: a.tenantId, email: 'admin@bank.test', role: 'admin', password: PASSWORD }, { type: 'system', id: null });
    expect(codeOf(await post('/v1/operators/sign-in', { tenantId: a.tenantId, email: 'admin@bank.test', password: 'wrong-password-123' }))).toBe('OPERATOR_SIGN_IN_FAILED');
    const signedIn = await post('/v1/operators/sign-in', { tenantId: a.tenantId, email: 'admin@bank.test', password: PASSWORD });
    adminToken = signedIn.json<{ tokens: { access_token: string } }>().tokens.access_token;

    // Liveness sessions completed through the liveness service: one passed, two failed.
    await recordLivenessResult(h.app.services, a.tenantId, []);
    await recordLivenessResult(h.app.services, a.tenantId, ['PAD_SPOOF', 'PLANAR_MOTION']);
    await recordLivenessResult(h.app.services, a.tenantId, ['PAD_SPOOF']);
  });
  afterAll(async () => {
    await h.close();
  });

  it('counts the attempts of the last 14 days by action and outcome, with every day present', async () => {
    const r = await report();
    expect(r).toMatchObject({ days: 14, from: '2026-02-25', to: '2026-03-10' });
    expect(r.daily.map((d) => d.date)).toHaveLength(14);
    expect(r.daily[0]?.date).toBe('2026-02-25');
    expect(r.totals.byAction).toEqual({
      'face.verify': counts({ success: 3, failure: 1 }),
      'face.identify': counts({ denied: 2 }),
      'passkey.authenticate': counts({ success: 1, denied: 1 }),
      'liveness.session.complete': counts({ success: 1, failure: 2 }),
      'transaction.approve': counts({}),
      'operator.sign-in': counts({ success: 1, failure: 1 }),
    });
    expect(r.totals.total).toEqual(counts({ success: 6, failure: 4, denied: 3 }));
    const day = (date: string) => r.daily.find((d) => d.date === date);
    expect(day('2026-03-08')?.total).toEqual(counts({ success: 3, failure: 1 }));
    expect(day('2026-03-09')?.byAction['face.identify']).toEqual(counts({ denied: 2 }));
    expect(day('2026-03-10')?.total).toEqual(counts({ success: 3, failure: 3, denied: 1 }));
    expect(day('2026-03-01')?.total).toEqual(counts({}));
  });

  it('answers liveness sessions passed and failed with their reasons, most frequent first', async () => {
    const { liveness } = await report();
    expect(liveness).toMatchObject({ passed: 1, failed: 2, reasons: [{ reason: 'PAD_SPOOF', count: 2 }, { reason: 'PLANAR_MOTION', count: 1 }] });
    expect(liveness.daily.at(-1)).toEqual({ date: '2026-03-10', passed: 1, failed: 2 });
    expect(liveness.daily.slice(0, -1).every((d) => d.passed === 0 && d.failed === 0)).toBe(true);
  });

  it('follows the window: today only, and 90 days reach the older event', async () => {
    const one = await report(1);
    expect(one.daily.map((d) => d.date)).toEqual(['2026-03-10']);
    expect(one.totals.byAction['face.verify']).toEqual(counts({}));
    expect(one.totals.total).toEqual(counts({ success: 3, failure: 3, denied: 1 }));
    const ninety = await report(90);
    expect(ninety.daily).toHaveLength(90);
    expect(ninety.totals.byAction['face.verify']).toEqual(counts({ success: 4, failure: 1 }));
  });

  it("counts only the caller's tenant", async () => {
    const r = await report(14, other.auth);
    expect(r.totals.total).toEqual(counts({ success: 5, failure: 1 }));
    expect(r.totals.byAction['face.verify']).toEqual(counts({ success: 5 }));
    expect(r.liveness).toMatchObject({ passed: 0, failed: 1, reasons: [{ reason: 'PAD_SPOOF', count: 1 }] });
  });

  it('is read by clients and operators holding audit:read, and by no one else', async () => {
    expect((await report(14, { authorization: `Bearer ${adminToken}` })).totals.total.success).toBe(6);
    for (const role of ['auditor', 'operator'] as const) {
      await h.app.services.operators.create({ tenantId: a.tenantId, email: `${role}@bank.test`, role, password: PASSWORD }, { type: 'system', id: null });
    }
    const tokenOf = async (email: string) => (await post('/v1/operators/sign-in', { tenantId: a.tenantId, email, password: PASSWORD })).json<{ tokens: { access_token: string } }>().tokens.access_token;
    expect((await get('/v1/ops/activity', { authorization: `Bearer ${await tokenOf('auditor@bank.test')}` })).statusCode).toBe(200);
    expect(codeOf(await get('/v1/ops/activity', { authorization: `Bearer ${await tokenOf('operator@bank.test')}` }))).toBe('INSUFFICIENT_SCOPE');
    const narrow = await h.createTenant('Narrow', ['subjects:read']);
    expect((await get('/v1/ops/activity', narrow.auth)).statusCode).toBe(403);
    expect(codeOf(await get('/v1/ops/activity', a.subjectAuth))).toMatch(/FORBIDDEN|INSUFFICIENT_SCOPE/);
    const anonymous = await get('/v1/ops/activity', {});
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a number of days outside 1–90 or not a number', async () => {
    for (const days of ['0', '500', 'abc', '1.5', '-3']) {
      const r = await get(`/v1/ops/activity?days=${days}`);
      expect(r.statusCode, days).toBe(400);
      expect(r.json<{ error: { code: string } }>().error.code, days).toBe('INVALID_FIELD');
    }
    expect(codeOf(await get('/v1/ops/activity?weeks=2'))).toBe('UNKNOWN_FIELD');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await get('/docs/json', {})).json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.paths['/v1/ops/activity']?.get?.parameters?.map((p) => p.name)).toEqual(['days']);
    expect(doc.components.schemas).toHaveProperty('ActivityReport');
  });
});
