import { testDrivers } from '@authloop/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

const PASSWORD = 'correct horse battery staple 42';

describe.each(testDrivers())('live access tokens of erased subjects and disabled operators on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;

  beforeAll(async () => {
    h = await createHarness(driver);
    t = await h.createTenant();
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, auth: Record<string, string>, payload?: object) => h.app.server.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload }) });
  const codeOf = (r: { statusCode: number; json: <T>() => T }) => (r.statusCode < 300 ? r.statusCode : r.json<{ error: { code: string } }>().error.code);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function personToken(externalId: string): Promise<{ id: string; token: string }> {
    const s = (await inject('POST', '/v1/subjects', t.auth, { externalId })).json<{ id: string }>();
    const session = (await inject('POST', `/v1/subjects/${s.id}/sessions`, t.auth)).json<{ access_token: string }>();
    return { id: s.id, token: session.access_token };
  }

  it('an erased person\'s token stops working at once', async () => {
    const p = await personToken('erase-me');
    expect(codeOf(await inject('GET', '/v1/me', bearer(p.token)))).toBe(200);
    expect(codeOf(await inject('POST', `/v1/subjects/${p.id}/erasure`, t.auth))).toBe(200);
    const after = await inject('GET', '/v1/me', bearer(p.token));
    expect(after.statusCode).toBe(401);
    expect(codeOf(after)).toBe('TOKEN_REVOKED');
    expect(after.json<{ error: { message: string } }>().error.message).toMatch(/erased/);
  });

  it('a disabled operator\'s token stops working at once', async () => {
    await h.app.services.operators.create({ tenantId: t.tenantId, email: 'leaver@bank.test', role: 'auditor', password: PASSWORD }, { type: 'system', id: null });
    const signIn = (await inject('POST', '/v1/operators/sign-in', {}, { tenantId: t.tenantId, email: 'leaver@bank.test', password: PASSWORD })).json<{ status: string; tokens: { access_token: string } }>();
    const token = signIn.tokens.access_token;
    expect(codeOf(await inject('GET', '/v1/audit/events', bearer(token)))).toBe(200);
    const list = (await inject('GET', '/v1/operators', t.auth)).json<{ items: { id: string; email: string }[] }>();
    const leaver = list.items.find((o) => o.email === 'leaver@bank.test');
    expect(codeOf(await inject('POST', `/v1/operators/${leaver?.id ?? ''}/disable`, t.auth))).toBe(204);
    expect(codeOf(await inject('GET', '/v1/audit/events', bearer(token)))).toBe('TOKEN_REVOKED');
  });

  it('a change made elsewhere (another replica, a retention job) takes effect within 15 s', async () => {
    const p = await personToken('erased-elsewhere');
    expect(codeOf(await inject('GET', '/v1/me', bearer(p.token)))).toBe(200); // cached as active
    // Erased without this replica's route (no cache eviction), as another replica would.
    await h.app.services.privacy.erase(t.tenantId, p.id, { type: 'system', id: null });
    expect(codeOf(await inject('GET', '/v1/me', bearer(p.token)))).toBe(200);
    h.clock.advance(15_001);
    expect(codeOf(await inject('GET', '/v1/me', bearer(p.token)))).toBe('TOKEN_REVOKED');
  });
});
