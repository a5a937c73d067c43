import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import { scopesForRole } from '../src/modules/operators/roles.ts';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { codeOf } from './support/passkeyFixtures.ts';

interface ClientJson {
  id: string;
  name: string;
  scopes: string[];
  disabledAt: string | null;
  createdAt: string;
  clientSecret?: string;
}

describe.each(testDrivers())('API clients on %s', (driver) => {
  let h: Harness;
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    h = await createHarness(driver);
    a = await h.createTenant('Bank A');
    b = await h.createTenant('Bank B');
  });
  afterAll(async () => {
    await h.close();
  });

  const call = (method: 'GET' | 'POST', url: string, headers: { authorization: string }, payload?: object) => h.app.server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  let operators = 0;
  /** A real operator of `tenantId` with `role` (tokens of unknown operators are refused) and a token for it. */
  const operator = async (tenantId: string, role: 'admin' | 'operator' | 'auditor') => {
    const o = await h.app.services.operators.create({ tenantId, email: `${role}-${++operators}@bank.test`, role, password: 'correct-fjord-lamp-quiz' }, { type: 'system', id: null });
    const issued = await h.app.services.tokens.issue({ kind: 'operator', tenantId, id: o.id, scopes: scopesForRole(role) });
    return { authorization: `Bearer ${issued.accessToken}` };
  };
  const tokenFor = (id: string, secret: string) =>
    h.app.server.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` }, payload: 'grant_type=client_credentials' });

  it('creates a client whose secret is shown once and works, lists it without the secret, disables it, all audited', async () => {
    const created = await call('POST', '/v1/clients', a.auth, { name: 'core banking', scopes: ['transactions:write', 'transactions:read'] });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const c = created.json<ClientJson>();
    expect(c).toMatchObject({ name: 'core banking', scopes: ['transactions:write', 'transactions:read'], disabledAt: null });
    expect(c.clientSecret).toMatch(/^cls_/);
    const secret = c.clientSecret ?? '';

    const issued = await tokenFor(c.id, secret);
    expect(issued.statusCode).toBe(200);
    expect(issued.json<{ scope: string }>().scope.split(' ').sort()).toEqual(['transactions:read', 'transactions:write']);

    const list = await call('GET', '/v1/clients', a.auth);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: ClientJson[] }>().items;
    expect(items.map((i) => i.id)).toEqual([a.clientId, c.id]);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toMatch(/secret/i);

    const accessToken = issued.json<{ access_token: string }>().access_token;
    expect(codeOf(await call('GET', '/v1/me', { authorization: `Bearer ${accessToken}` }))).toBe('OK 200');

    const disabled = await call('POST', `/v1/clients/${c.id}/disable`, a.auth);
    // Its unexpired access token stops working at once.
    expect(codeOf(await call('GET', '/v1/me', { authorization: `Bearer ${accessToken}` }))).toBe('TOKEN_REVOKED');
    expect(disabled.json<ClientJson>().id).toBe(c.id);
    expect(disabled.json<ClientJson>().disabledAt).toBe(h.clock.now().toISOString());
    expect(codeOf(await tokenFor(c.id, secret))).toBe('INVALID_CLIENT');
    expect(codeOf(await call('POST', `/v1/clients/${c.id}/disable`, a.auth))).toBe('OK 200');

    const audit = await h.db.query<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_events WHERE tenant_id = $1 AND action LIKE 'client.%' ORDER BY seq", [a.tenantId]);
    expect(audit.map((r) => r.action)).toEqual(['client.create', 'client.disable']);
    expect(audit[0]?.details).toMatchObject({ clientId: c.id, name: 'core banking', scopes: 'transactions:write transactions:read' });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(4));
  });

  it("isolates tenants: another tenant's client is not listed and cannot be disabled (404)", async () => {
    const c = (await call('POST', '/v1/clients', a.auth, { name: 'a-only', scopes: ['subjects:read'] })).json<ClientJson>();
    expect(codeOf(await call('POST', `/v1/clients/${c.id}/disable`, b.auth))).toBe('CLIENT_NOT_FOUND');
    expect(codeOf(await call('POST', `/v1/clients/${c.id}/disable`, await operator(b.tenantId, 'admin')))).toBe('CLIENT_NOT_FOUND');
    expect((await call('GET', '/v1/clients', b.auth)).json<{ items: ClientJson[] }>().items.map((i) => i.id)).toEqual([b.clientId]);
    const still = (await call('GET', '/v1/clients', a.auth)).json<{ items: ClientJson[] }>().items.find((i) => i.id === c.id);
    expect(still?.disabledAt).toBeNull();
    expect(codeOf(await call('POST', '/v1/clients/cl_AAAAAAAAAAAAAAAA/disable', a.auth))).toBe('CLIENT_NOT_FOUND');
    expect(codeOf(await call('POST', '/v1/clients/not-an-id/disable', a.auth))).toBe('INVALID_FIELD');
  });

  it('is for tenant:admin only: admin operators yes, other roles, plain clients and subjects no', async () => {
    const admin = await operator(a.tenantId, 'admin');
    expect(codeOf(await call('GET', '/v1/clients', admin))).toBe('OK 200');
    const made = await call('POST', '/v1/clients', admin, { name: 'by an operator', scopes: ['audit:read'] });
    expect(made.statusCode).toBe(201);
    const [row] = await h.db.query<{ actor_type: string }>("SELECT actor_type FROM audit_events WHERE tenant_id = $1 AND action = 'client.create' AND details->>'clientId' = $2", [a.tenantId, made.json<ClientJson>().id]);
    expect(row?.actor_type).toBe('operator');

    for (const role of ['operator', 'auditor'] as const) {
      const headers = await operator(a.tenantId, role);
      expect(codeOf(await call('GET', '/v1/clients', headers))).toBe('INSUFFICIENT_SCOPE');
      expect(codeOf(await call('POST', '/v1/clients', headers, { name: 'x', scopes: ['subjects:read'] }))).toBe('INSUFFICIENT_SCOPE');
    }
    const narrow = await h.createTenant('Bank C', ['transactions:read']);
    expect(codeOf(await call('GET', '/v1/clients', narrow.auth))).toBe('INSUFFICIENT_SCOPE');
    const session = await h.app.services.sessions.start({ kind: 'subject', tenantId: a.tenantId, id: (await h.app.services.subjects.create(a.tenantId, { externalId: 'p' }, { type: 'system', id: null })).id, scopes: new Set(['self'] as const) });
    expect(codeOf(await call('GET', '/v1/clients', { authorization: `Bearer ${session.accessToken}` }))).toBe('FORBIDDEN');
  });

  it('grants only scopes the caller holds, and validates the body', async () => {
    const limited = await h.createTenant('Bank D', ['tenant:admin', 'subjects:read']);
    expect(codeOf(await call('POST', '/v1/clients', limited.auth, { name: 'ok', scopes: ['subjects:read'] }))).toBe('OK 201');
    const beyond = await call('POST', '/v1/clients', limited.auth, { name: 'too strong', scopes: ['subjects:read', 'audit:read'] });
    expect(beyond.json<{ error: { code: string; details: { scopes: string[] } } }>().error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { scopes: ['audit:read'] } });
    expect(codeOf(await call('POST', '/v1/clients', a.auth, { name: 'x', scopes: ['self'] }))).toBe('INVALID_FIELD');
    expect(codeOf(await call('POST', '/v1/clients', a.auth, { name: '', scopes: ['subjects:read'] }))).toBe('INVALID_FIELD');
    expect(codeOf(await call('POST', '/v1/clients', a.auth, { name: 'x', scopes: [] }))).toBe('INVALID_FIELD');
    expect(codeOf(await call('POST', '/v1/clients', a.auth, { name: 'x', scopes: ['subjects:read'], secret: 'mine' }))).toBe('UNKNOWN_FIELD');
  });
});
