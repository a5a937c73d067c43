import { testDrivers } from '@authloop/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

describe.each(testDrivers())('liveness settings on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  let other: TestTenant;
  let reader: TestTenant;

  beforeAll(async () => {
    h = await createHarness(driver);
    [t, other] = [await h.createTenant('Bank A'), await h.createTenant('Bank B')];
    reader = await h.createTenant('Bank C', ['liveness:write', 'subjects:read']);
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const get = (auth = t.auth) => h.app.server.inject({ method: 'GET', url: '/v1/liveness/settings', headers: auth });
  const put = (payload: unknown, auth = t.auth) => h.app.server.inject({ method: 'PUT', url: '/v1/liveness/settings', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const createSession = (auth = t.auth) => h.app.server.inject({ method: 'POST', url: '/v1/liveness/sessions', headers: auth, payload: {} });

  it('answers the defaults until a tenant sets its own', async () => {
    const r = await get();
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ challengeTypes: ['blink', 'smile', 'turn_left', 'turn_right', 'nod', 'look_up'], minCount: 2, maxCount: 4 });
  });

  it('stores new settings, audits the change, and new sessions draw from them only', async () => {
    const r = await put({ challengeTypes: ['smile', 'blink'], minCount: 1, maxCount: 1 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ challengeTypes: ['smile', 'blink'], minCount: 1, maxCount: 1 });
    expect((await get()).json()).toEqual({ challengeTypes: ['smile', 'blink'], minCount: 1, maxCount: 1 });
    for (let i = 0; i < 8; i++) {
      const s = (await createSession()).json<{ challenges: string[] }>();
      expect(s.challenges).toHaveLength(1);
      expect(['smile', 'blink']).toContain(s.challenges[0]);
    }
    const events = await h.db.query<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_events WHERE tenant_id = $1 AND action = 'liveness.settings.update'", [t.tenantId]);
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ challengeTypes: 'smile,blink', minCount: 1, maxCount: 1 });
    // Another tenant is untouched.
    expect((await get(other.auth)).json<{ minCount: number }>().minCount).toBe(2);
  });

  it('omitted fields take their defaults', async () => {
    const r = await put({ challengeTypes: ['nod', 'look_up'] });
    expect(r.json()).toEqual({ challengeTypes: ['nod', 'look_up'], minCount: 2, maxCount: 4 });
  });

  it('refuses invalid settings with the field named, and keeps the stored ones', async () => {
    await put({ challengeTypes: ['blink'], minCount: 1, maxCount: 1 });
    const cases: [unknown, string][] = [
      [{ challengeTypes: [] }, 'challengeTypes'],
      [{ challengeTypes: ['wink'] }, 'challengeTypes'],
      [{ minCount: 0 }, 'minCount'],
      [{ maxCount: 5 }, 'maxCount'],
      [{ minCount: 3, maxCount: 2 }, 'minCount'],
      [{ challengeTypes: ['blink'], colour: 'red' }, ''],
    ];
    for (const [body, field] of cases) {
      const r = await put(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(['INVALID_FIELD', 'UNKNOWN_FIELD', 'MISSING_FIELD']).toContain(r.json<{ error: { code: string } }>().error.code);
      if (field !== '') expect(r.body).toContain(field);
    }
    expect((await get()).json()).toEqual({ challengeTypes: ['blink'], minCount: 1, maxCount: 1 });
  });

  it('needs tenant:admin to read or change them', async () => {
    expect((await get(reader.auth)).statusCode).toBe(403);
    expect((await put({ minCount: 1 }, reader.auth)).statusCode).toBe(403);
    expect((await h.app.server.inject({ method: 'GET', url: '/v1/liveness/settings' })).statusCode).toBe(401);
  });
});

describe('passkey relying party defaults', () => {
  it("follow the server's public URL (AUTHLOOP_ISSUER, in development http://localhost:$PORT)", async () => {
    const h = await createHarness('pglite', { env: { AUTHLOOP_ISSUER: 'https://auth.bank.example' } });
    try {
      const t = await h.createTenant();
      const s = (await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: t.auth, payload: { externalId: 'rp-issuer' } })).json<{ id: string }>();
      const r = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${s.id}/passkeys/registration/options`, headers: t.auth, payload: {} });
      expect(r.statusCode).toBe(200);
      expect(r.json<{ rp: { id: string } }>().rp.id).toBe('auth.bank.example');
    } finally {
      await h.close();
    }
  }, 60_000);
});
