import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthloopClient } from '../src/index.ts';
import type { AuthloopClient } from '../src/index.ts';
import { codeOf } from './support/codeOf.ts';
import { credentialsClient } from './support/credentialsClient.ts';
import { startTestServer } from './support/startTestServer.ts';
import type { TestServer } from './support/startTestServer.ts';

const PASSWORD = 'correct-fjord-lamp-quiz';

describe('SDK groups for tenant and platform administration', () => {
  let s: TestServer;
  let bank: AuthloopClient;

  beforeAll(async () => {
    s = await startTestServer();
    bank = s.api;
  });
  afterAll(async () => {
    await s.close();
  });

  it('clients: creates one whose secret (shown once) gets a token, lists it without the secret, disables it', async () => {
    const created = await bank.clients.create({ name: 'reporting', scopes: ['audit:read'] });
    expect(created).toMatchObject({ name: 'reporting', scopes: ['audit:read'], disabledAt: null });
    const reporting = credentialsClient({ baseUrl: s.baseUrl, clientId: created.id, clientSecret: created.clientSecret });
    expect((await reporting.me.get()).scopes).toEqual(['audit:read']);

    const listed = await bank.clients.list();
    expect(listed.map((c) => c.id)).toEqual([s.tenant.clientId, created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);

    const disabled = await bank.clients.disable(created.id);
    expect(disabled.disabledAt).not.toBeNull();
    const again = credentialsClient({ baseUrl: s.baseUrl, clientId: created.id, clientSecret: created.clientSecret });
    expect(await codeOf(again.me.get())).toBe('INVALID_CLIENT');
    // Its unexpired access token (cached by the provider) stops working at once.
    expect(await codeOf(reporting.me.get())).toBe('TOKEN_REVOKED');
  });

  it('webhooks: registers an endpoint, lists it, queues a test delivery, removes it', async () => {
    const hook = await bank.webhooks.create({ url: 'https://hooks.example.com/authloop', events: ['transaction.*', 'webhook.test'] });
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await bank.webhooks.list()).map((e) => e.id)).toEqual([hook.id]);
    expect(await bank.webhooks.test(hook.id)).toEqual({ queued: true });
    const deliveries = await bank.webhooks.deliveries(hook.id);
    expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([['webhook.test', 'pending']]);
    await bank.webhooks.remove(hook.id);
    expect(await bank.webhooks.list()).toEqual([]);
    expect(await codeOf(bank.webhooks.test(hook.id))).toBe('WEBHOOK_NOT_FOUND');
    expect(await codeOf(bank.webhooks.create({ url: 'http://hooks.example.com/x', events: ['*'] }))).toBe('WEBHOOK_URL_REJECTED');
  });

  it('face.rekey, subjects.decisions and liveness.meshObj reach their endpoints', async () => {
    expect(await bank.face.rekey()).toMatchObject({ rekeyed: 0 });
    const ada = await bank.subjects.create({ externalId: `ada-${randomUUID()}` });
    const d = await bank.subjects.decisions(ada.id, { action: 'approvePayment', amountMinor: 1250, currency: 'EUR', ip: '203.0.113.7' });
    expect(d.outcome).toMatch(/^(allow|step-up|deny)$/);
    expect(d.factors).toContain('passkey');
    expect(d).toMatchObject({ policyVersion: 0, rule: expect.any(String) as string, riskLevel: 'low' });
    expect(await codeOf(bank.subjects.decisions(randomUUID(), { action: 'verify' }))).toBe('SUBJECT_NOT_FOUND');
    expect(await codeOf(bank.liveness.meshObj(randomUUID()))).toBe('LIVENESS_SESSION_NOT_FOUND');
  });

  it('platform: a superadmin lists and creates tenants and their first admin, who then signs in', async () => {
    await s.harness.app.services.operators.create({ tenantId: null, email: 'root@platform.test', role: 'superadmin', password: PASSWORD }, { type: 'system', id: null });
    const anon = createAuthloopClient({ baseUrl: s.baseUrl });
    const signedIn = await anon.operators.signIn({ email: 'root@platform.test', password: PASSWORD });
    if (signedIn.status !== 'signed-in') throw new Error(`expected signed-in, got ${signedIn.status}`);
    const root = createAuthloopClient({ baseUrl: s.baseUrl, token: signedIn.tokens.access_token });

    const tenant = await root.platform.createTenant({ name: 'Bank B' });
    expect((await root.platform.tenants()).map((t) => t.id)).toContain(tenant.id);
    const boss = await root.platform.createOperator(tenant.id, { email: 'boss@b.test', role: 'admin', password: PASSWORD });
    expect(boss).toMatchObject({ email: 'boss@b.test', role: 'admin', tenantId: tenant.id });
    expect((await anon.operators.signIn({ tenantId: tenant.id, email: 'boss@b.test', password: PASSWORD })).status).toBe('signed-in');
    expect(await codeOf(root.platform.createOperator(randomUUID(), { email: 'x@b.test', role: 'admin', password: PASSWORD }))).toBe('TENANT_NOT_FOUND');
    // An API client is not an operator: the platform routes are for superadmin operators only.
    expect(await codeOf(bank.platform.tenants())).toBe('FORBIDDEN');
  });
});
