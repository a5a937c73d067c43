import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { SoftAuthenticator } from './support/softAuthenticator.ts';

const PASSWORD = 'correct-fjord-lamp-quiz';
type Tokens = { access_token: string; refresh_token: string | null; scope: string };
type SignIn = { status: 'signed-in'; tokens: Tokens } | { status: 'mfa-required'; mfaToken: string; publicKey: { challenge: string; rpId?: string } };

describe.each(testDrivers())('operators and roles on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  const tokens: Record<'admin' | 'operator' | 'auditor' | 'superadmin', string> = { admin: '', operator: '', auditor: '', superadmin: '' };

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string | null, payload?: object) =>
    h.app.server.inject({ method, url, headers: token === null ? {} : { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const code = (r: { statusCode: number; json: <T>() => T }) => (r.statusCode < 300 ? r.statusCode : `${r.statusCode} ${r.json<{ error: { code: string } }>().error.code}`);
  const signIn = async (body: object) => inject('POST', '/v1/operators/sign-in', null, body);
  const tokenOf = async (body: object): Promise<string> => {
    const r = (await signIn(body)).json<SignIn>();
    if (r.status !== 'signed-in') throw new Error('expected a session');
    return r.tokens.access_token;
  };

  beforeAll(async () => {
    h = await createHarness(driver);
    t = await h.createTenant();
    await h.app.services.operators.create({ tenantId: t.tenantId, email: 'admin@bank.test', role: 'admin', password: PASSWORD }, { type: 'system', id: null });
    await h.app.services.operators.create({ tenantId: null, email: 'root@platform.test', role: 'superadmin', password: PASSWORD }, { type: 'system', id: null });
    tokens.admin = await tokenOf({ tenantId: t.tenantId, email: 'admin@bank.test', password: PASSWORD });
    tokens.superadmin = await tokenOf({ email: 'root@platform.test', password: PASSWORD });
    for (const role of ['operator', 'auditor'] as const) {
      const created = await inject('POST', '/v1/operators', tokens.admin, { email: `${role}@bank.test`, role, password: PASSWORD });
      expect(created.statusCode).toBe(201);
      tokens[role] = await tokenOf({ tenantId: t.tenantId, email: `${role}@bank.test`, password: PASSWORD });
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('signs in with a password and gets a rotating operator session with the role scopes', async () => {
    const r = (await signIn({ tenantId: t.tenantId, email: 'ADMIN@bank.test', password: PASSWORD })).json<SignIn>();
    if (r.status !== 'signed-in') throw new Error('expected a session');
    expect(r.tokens.scope.split(' ')).toContain('operators:write');
    const me = await inject('GET', '/v1/operators/me', r.tokens.access_token);
    expect(me.json()).toMatchObject({ email: 'admin@bank.test', role: 'admin', hasPasskey: false });
    const refreshed = await h.app.server.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'refresh_token', refresh_token: r.tokens.refresh_token } });
    expect(refreshed.statusCode).toBe(200);
  });

  it('refuses a wrong password, an unknown email and another tenant with the same answer', async () => {
    const other = await h.createTenant('Other');
    for (const body of [
      { tenantId: t.tenantId, email: 'auditor@bank.test', password: 'wrong-password-123' },
      { tenantId: t.tenantId, email: 'nobody@bank.test', password: PASSWORD },
      { tenantId: other.tenantId, email: 'admin@bank.test', password: PASSWORD },
    ]) {
      expect(code(await signIn(body))).toBe('401 OPERATOR_SIGN_IN_FAILED');
    }
  });

  it.each([
    // [role, method, url, expected]
    ['admin', 'POST', '/v1/operators', 201],
    ['operator', 'POST', '/v1/operators', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'POST', '/v1/operators', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'GET', '/v1/operators', 200],
    ['operator', 'GET', '/v1/operators', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'GET', '/v1/audit/events', 200],
    ['operator', 'GET', '/v1/audit/events', '403 INSUFFICIENT_SCOPE'],
    ['admin', 'GET', '/v1/audit/events', 200],
    ['operator', 'GET', '/v1/subjects', 200],
    ['operator', 'POST', '/v1/subjects', 201],
    ['auditor', 'GET', '/v1/subjects', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'POST', '/v1/subjects', '403 INSUFFICIENT_SCOPE'],
    ['superadmin', 'GET', '/v1/subjects', '403 INSUFFICIENT_SCOPE'],
    ['superadmin', 'GET', '/v1/audit/events', '403 INSUFFICIENT_SCOPE'],
    ['superadmin', 'POST', '/v1/platform/tenants', 201],
    ['admin', 'POST', '/v1/platform/tenants', '403 INSUFFICIENT_SCOPE'],
    ['admin', 'GET', '/v1/platform/tenants', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'GET', '/v1/operators/me', 200],
    ['admin', 'POST', '/v1/audit/checkpoints', 201],
    ['auditor', 'POST', '/v1/audit/checkpoints', '403 INSUFFICIENT_SCOPE'],
    ['operator', 'POST', '/v1/audit/checkpoints', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'GET', '/v1/policy', 200],
    ['operator', 'GET', '/v1/policy', '403 INSUFFICIENT_SCOPE'],
    ['auditor', 'GET', '/v1/webhooks', 200],
    ['operator', 'GET', '/v1/webhooks', '403 INSUFFICIENT_SCOPE'],
    ['admin', 'GET', '/v1/audit/export?format=csv', 200],
    ['auditor', 'GET', '/v1/audit/verify', 200],
    ['operator', 'GET', '/v1/audit/verify', '403 INSUFFICIENT_SCOPE'],
  ] as const)('%s %s %s → %s', async (role, method, url, expected) => {
    const n = Math.random().toString(36).slice(2);
    const payload = url === '/v1/operators' ? { email: `x${n}@bank.test`, role: 'auditor', password: PASSWORD } : url === '/v1/subjects' ? { externalId: `e${n}` } : url === '/v1/platform/tenants' ? { name: 'New bank' } : undefined;
    expect(code(await inject(method, url, tokens[role], payload))).toBe(expected);
  });

  it('keeps platform routes for operator tokens only, and operator routes away from clients', async () => {
    expect(code(await inject('GET', '/v1/platform/tenants', t.token))).toBe('403 FORBIDDEN');
    expect(code(await inject('GET', '/v1/operators/me', t.token))).toBe('403 FORBIDDEN');
  });

  it('lets a superadmin create a tenant and its first admin, who can sign in there', async () => {
    const tenant = (await inject('POST', '/v1/platform/tenants', tokens.superadmin, { name: 'Bank B' })).json<{ id: string }>();
    const created = await inject('POST', `/v1/platform/tenants/${tenant.id}/operators`, tokens.superadmin, { email: 'boss@b.test', role: 'admin', password: PASSWORD });
    expect(created.statusCode).toBe(201);
    const tok = await tokenOf({ tenantId: tenant.id, email: 'boss@b.test', password: PASSWORD });
    // The new admin sees their own tenant's audit log, not the first tenant's.
    const events = (await inject('GET', '/v1/audit/events', tok)).json<{ items: { action: string }[] }>().items.map((i) => i.action);
    expect(events).toEqual(['tenant.create', 'operator.create', 'operator.sign-in']);
  });

  it('applies the NIST length rules when creating operators', async () => {
    const short = await inject('POST', '/v1/operators', tokens.admin, { email: 'short@bank.test', role: 'auditor', password: 'fjord-lamp-qu' });
    expect(code(short)).toBe('400 PASSWORD_REJECTED');
    const common = await inject('POST', '/v1/operators', tokens.admin, { email: 'common@bank.test', role: 'auditor', password: 'passwordpassword' });
    expect(code(common)).toBe('400 PASSWORD_REJECTED');
    const dup = await inject('POST', '/v1/operators', tokens.admin, { email: 'admin@bank.test', role: 'auditor', password: PASSWORD });
    expect(code(dup)).toBe('409 OPERATOR_EXISTS');
  });

  it('requires the passkey once registered; the challenge is single-use and bound to the console origin', async () => {
    await h.app.services.operators.create({ tenantId: t.tenantId, email: 'mfa@bank.test', role: 'operator', password: PASSWORD }, { type: 'system', id: null });
    const tok = await tokenOf({ tenantId: t.tenantId, email: 'mfa@bank.test', password: PASSWORD });
    const auth = new SoftAuthenticator();
    const opts = (await inject('POST', '/v1/operators/me/passkeys/options', tok)).json<{ registrationId: string; publicKey: { challenge: string; rp: { id?: string }; user: { id: string } } }>();
    const reg = await inject('POST', '/v1/operators/me/passkeys', tok, { registrationId: opts.registrationId, credential: auth.create(opts.publicKey) });
    expect(reg.statusCode).toBe(201);

    const step1 = (await signIn({ tenantId: t.tenantId, email: 'mfa@bank.test', password: PASSWORD })).json<SignIn>();
    if (step1.status !== 'mfa-required') throw new Error('expected a second factor');
    const wrongOrigin = await inject('POST', '/v1/operators/sign-in/passkey', null, { mfaToken: step1.mfaToken, credential: auth.get(step1.publicKey, { origin: 'https://evil.test' }) });
    expect(code(wrongOrigin)).toBe('401 OPERATOR_SIGN_IN_FAILED');

    const again = (await signIn({ tenantId: t.tenantId, email: 'mfa@bank.test', password: PASSWORD })).json<SignIn>();
    if (again.status !== 'mfa-required') throw new Error('expected a second factor');
    const assertion = auth.get(again.publicKey);
    const ok = await inject('POST', '/v1/operators/sign-in/passkey', null, { mfaToken: again.mfaToken, credential: assertion });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Tokens>().scope.split(' ')).toContain('subjects:unlock');
    const replay = await inject('POST', '/v1/operators/sign-in/passkey', null, { mfaToken: again.mfaToken, credential: assertion });
    expect(code(replay)).toBe('401 MFA_FAILED');

    // With a second factor, 8 characters are enough; without one they are not.
    const mfaTok = ok.json<Tokens>().access_token;
    expect((await inject('POST', '/v1/operators/me/password', mfaTok, { currentPassword: PASSWORD, newPassword: 'fjord-qz' })).statusCode).toBe(204);
    expect(code(await inject('POST', '/v1/operators/me/password', tokens.auditor, { currentPassword: PASSWORD, newPassword: 'fjord-qz' }))).toBe('400 PASSWORD_REJECTED');
  });

  it('disables an operator: sign-in refused and refresh tokens revoked', async () => {
    const created = (await inject('POST', '/v1/operators', tokens.admin, { email: 'gone@bank.test', role: 'auditor', password: PASSWORD })).json<{ id: string }>();
    const r = (await signIn({ tenantId: t.tenantId, email: 'gone@bank.test', password: PASSWORD })).json<SignIn>();
    if (r.status !== 'signed-in') throw new Error('expected a session');
    expect(code(await inject('POST', `/v1/operators/${created.id}/disable`, tokens.operator))).toBe('403 INSUFFICIENT_SCOPE');
    expect((await inject('POST', `/v1/operators/${created.id}/disable`, tokens.admin)).statusCode).toBe(204);
    expect(code(await signIn({ tenantId: t.tenantId, email: 'gone@bank.test', password: PASSWORD }))).toBe('401 OPERATOR_SIGN_IN_FAILED');
    const refreshed = await h.app.server.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'refresh_token', refresh_token: r.tokens.refresh_token } });
    expect(refreshed.statusCode).toBe(401);
  });

  it('locks an operator after 10 failed sign-ins, for 15 minutes', async () => {
    await h.app.services.operators.create({ tenantId: t.tenantId, email: 'lock@bank.test', role: 'auditor', password: PASSWORD }, { type: 'system', id: null });
    for (let i = 0; i < 10; i++) expect(code(await signIn({ tenantId: t.tenantId, email: 'lock@bank.test', password: 'not-the-password-at-all' }))).toBe('401 OPERATOR_SIGN_IN_FAILED');
    expect(code(await signIn({ tenantId: t.tenantId, email: 'lock@bank.test', password: PASSWORD }))).toBe('423 OPERATOR_LOCKED');
    h.clock.advance(16 * 60 * 1000);
    expect(code(await signIn({ tenantId: t.tenantId, email: 'lock@bank.test', password: PASSWORD }))).toBe(200);
  });
});
