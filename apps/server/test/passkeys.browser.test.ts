import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDrivers } from '@authloop/store';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';
import { paymentPolicy } from './support/approvalFlow.ts';
import { createPasskeyTenant } from './support/passkeyFixtures.ts';
import type { PasskeyTenant } from './support/passkeyFixtures.ts';
import { openBrowserAuthenticator } from './support/virtualAuthenticator.ts';
import type { BrowserAuthenticator } from './support/virtualAuthenticator.ts';

const answer = z.looseObject({ error: z.object({ code: z.string() }).optional() });

interface Answer {
  status: number;
  body: Record<string, unknown>;
  code: string;
}

/**
 * End to end in real headless Chromium with the DevTools virtual authenticator, against the real
 * server on a free port: register, username-less sign-in, approve a payment, then each refusal.
 */
describe.each(testDrivers())('passkeys and payment approval in Chromium on %s', (driver) => {
  let h: Harness;
  let base: string;
  let t: PasskeyTenant;
  let b: BrowserAuthenticator;

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${base}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const parsed = answer.safeParse(await res.json());
    const rec = parsed.success ? parsed.data : {};
    const code = parsed.success && parsed.data.error !== undefined ? parsed.data.error.code : `OK ${res.status}`;
    return { status: res.status, body: rec, code };
  }

  beforeAll(async () => {
    h = await createHarness(driver);
    await h.app.server.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    base = `http://localhost:${address.port}`;
    t = await createPasskeyTenant(h, { rpId: 'localhost', origins: [base] });
    // Payments need a passkey alone here (the default policy also asks for liveness, which a browser test cannot give).
    await h.app.services.policy.set(t.tenantId, paymentPolicy([{ maxAmountMinor: null, factors: ['passkey'] }]), { type: 'system', id: null });
    b = await openBrowserAuthenticator(`${base}/health`);
  });
  afterAll(async () => {
    await b.close();
    await h.close();
  });

  let passkeyId = '';
  let credentialId = '';

  it('registers a passkey created by the browser', async () => {
    const options = await call('POST', '/v1/me/passkeys/registration/options', {}, t.subjectAuth);
    expect(options.status).toBe(200);
    const credential = await b.create(options.body);
    const res = await call('POST', '/v1/me/passkeys/registration/verify', { credential, name: 'Chromium' }, t.subjectAuth);
    expect(res.code).toBe('OK 201');
    expect(res.body).toMatchObject({ name: 'Chromium', attestationFormat: 'none', transports: ['internal'], revoked: false });
    passkeyId = String(res.body['id']);
    credentialId = String(res.body['credentialId']);
    const { credentials } = await b.cdp.send('WebAuthn.getCredentials', { authenticatorId: b.authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
  });

  it('signs in without a username and gets a working session', async () => {
    const options = await call('POST', '/v1/passkeys/authentication/options', { tenantId: t.tenantId });
    expect(options.body['allowCredentials']).toEqual([]);
    const credential = await b.get(options.body);
    const res = await call('POST', '/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential });
    expect(res.code).toBe('OK 200');
    expect(res.body).toMatchObject({ subject_id: t.subjectId, passkey_id: passkeyId, token_type: 'Bearer' });
    const mine = await call('GET', '/v1/me/passkeys', undefined, { authorization: `Bearer ${String(res.body['access_token'])}` });
    expect(mine.body['items']).toMatchObject([{ id: passkeyId, credentialId }]);
    // The same assertion again: the challenge is single-use.
    expect((await call('POST', '/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential })).code).toBe('PASSKEY_CHALLENGE_REPLAYED');
  });

  const newTransaction = async (tenant: PasskeyTenant, amount = '249.99') => {
    const res = await call('POST', '/v1/transactions', { subjectId: tenant.subjectId, amount, currency: 'EUR', payee: { name: 'Coffee Roasters GmbH', account: 'DE89370400440532013000' }, reference: `ORDER-${amount}` }, tenant.clientAuth);
    expect(res.code).toBe('OK 201');
    return String(res.body['id']);
  };
  const approvalChallenge = z.object({
    publicKey: z.looseObject({ challenge: z.string() }),
    dynamicLinking: z.object({ hashInput: z.string() }),
  });
  const challengeFor = async (id: string) => {
    const res = await call('POST', `/v1/transactions/${id}/challenge`, undefined, t.subjectAuth);
    expect(res.code).toBe('OK 200');
    return approvalChallenge.parse(res.body);
  };

  it('approves a payment: the browser signs the dynamic-linking challenge and the artefact verifies', async () => {
    const id = await newTransaction(t);
    const c = await challengeFor(id);
    expect(createHash('sha256').update(c.dynamicLinking.hashInput).digest('base64url')).toBe(c.publicKey.challenge);
    const credential = await b.get(c.publicKey);
    const res = await call('POST', `/v1/transactions/${id}/approve`, { credential }, t.subjectAuth);
    expect(res.code).toBe('OK 200');
    expect(res.body['transaction']).toMatchObject({ status: 'approved', factors: ['passkey'] });
    const verified = await call('POST', `/v1/transactions/${id}/artifact/verify`, { artifact: res.body['artifact'] }, t.clientAuth);
    expect(verified.body).toMatchObject({ valid: true, claims: { txn: { id, amount: '249.99', currency: 'EUR' }, passkey: { credentialId, clientDataType: 'webauthn.get', userVerified: true } } });
    // A second approval attempt with the same assertion.
    expect((await call('POST', `/v1/transactions/${id}/approve`, { credential }, t.subjectAuth)).code).toBe('TRANSACTION_NOT_PENDING');
  });

  it('refuses an assertion over a tampered amount', async () => {
    const id = await newTransaction(t, '10.00');
    const c = await challengeFor(id);
    const tampered = createHash('sha256').update(JSON.stringify({ ...JSON.parse(c.dynamicLinking.hashInput), amount: '10000.00' })).digest('base64url');
    const credential = await b.get({ ...c.publicKey, challenge: tampered });
    expect((await call('POST', `/v1/transactions/${id}/approve`, { credential }, t.subjectAuth)).code).toBe('TRANSACTION_CHALLENGE_MISMATCH');
  });

  it('refuses an expired challenge', async () => {
    const options = await call('POST', '/v1/passkeys/authentication/options', { tenantId: t.tenantId });
    const credential = await b.get(options.body);
    h.clock.advance(5 * 60 * 1000 + 1000);
    expect((await call('POST', '/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential })).code).toBe('PASSKEY_CHALLENGE_EXPIRED');
  });

  it("refuses another tenant's transaction", async () => {
    const other = await createPasskeyTenant(h, { rpId: 'localhost', origins: [base], externalId: 'other-bank-customer' });
    const id = await newTransaction(other, '77.00');
    expect((await call('POST', `/v1/transactions/${id}/challenge`, undefined, t.subjectAuth)).code).toBe('TRANSACTION_NOT_FOUND');
    const mine = await challengeFor(await newTransaction(t, '5.00'));
    const credential = await b.get(mine.publicKey);
    expect((await call('POST', `/v1/transactions/${id}/approve`, { credential }, t.subjectAuth)).code).toBe('TRANSACTION_NOT_FOUND');
    expect((await call('GET', `/v1/transactions/${id}`, undefined, t.clientAuth)).code).toBe('TRANSACTION_NOT_FOUND');
  });

  it('refuses a revoked credential', async () => {
    expect((await call('DELETE', `/v1/me/passkeys/${passkeyId}`, undefined, t.subjectAuth)).code).toBe('OK 200');
    const options = await call('POST', '/v1/passkeys/authentication/options', { tenantId: t.tenantId });
    const credential = await b.get(options.body);
    expect((await call('POST', '/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential })).code).toBe('PASSKEY_CREDENTIAL_REVOKED');
  });
});
