import { createHash } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import { transactionService } from '../src/modules/transactions/transactionService.ts';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';
import { approvalChallenge, createTransaction, paymentPolicy, registerSoftPasskey } from './support/approvalFlow.ts';
import type { TransactionJson } from './support/approvalFlow.ts';
import { codeOf, createPasskeyTenant } from './support/passkeyFixtures.ts';
import type { PasskeyTenant } from './support/passkeyFixtures.ts';
import type { SoftAuthenticator } from './support/softAuthenticator.ts';

describe.each(testDrivers())('payment approval on %s', (driver) => {
  let h: Harness;
  let t: PasskeyTenant;
  let auth: SoftAuthenticator;
  beforeAll(async () => {
    h = await createHarness(driver);
    // The retired settings path is ignored: the policy below decides (face from 1,000.00 EUR).
    t = await createPasskeyTenant(h, { settings: { transactions: { stepUp: [{ minAmount: '1.00', requires: ['passkey', 'face'] }] } } });
    await h.app.services.policy.set(t.tenantId, paymentPolicy([{ maxAmountMinor: 99_999, currency: 'EUR', factors: ['passkey'] }, { maxAmountMinor: null, factors: ['passkey', 'face'] }]), { type: 'system', id: null });
    auth = await registerSoftPasskey(h, t);
  });
  afterAll(async () => {
    await h.close();
  });

  const approve = (id: string, payload: object, headers = t.subjectAuth) => h.app.server.inject({ method: 'POST', url: `/v1/transactions/${id}/approve`, headers, payload });
  const audits = async (transactionId: string) =>
    (await h.db.query<{ action: string; outcome: string }>("SELECT action, outcome FROM audit_events WHERE tenant_id = $1 AND details->>'transactionId' = $2 ORDER BY seq", [t.tenantId, transactionId])).map((r) => `${r.action}:${r.outcome}`);

  it('creates a pending transaction in canonical form and refuses malformed amounts', async () => {
    const tx = await createTransaction(h, t);
    expect(tx).toMatchObject({ status: 'pending', amount: '125.50', currency: 'EUR', requires: ['passkey'], factors: null, artifact: null });
    const bad = async (amount: string, currency = 'EUR') => codeOf(await h.app.server.inject({ method: 'POST', url: '/v1/transactions', headers: t.clientAuth, payload: { subjectId: t.subjectId, amount, currency, payee: { name: 'x', account: 'y' }, reference: 'r' } }));
    expect(await bad('1.234')).toBe('TRANSACTION_AMOUNT_INVALID');
    expect(await bad('12.5', 'JPY')).toBe('TRANSACTION_AMOUNT_INVALID');
    expect(await bad('-5')).toBe('TRANSACTION_AMOUNT_INVALID');
    expect(await bad('0.00')).toBe('TRANSACTION_AMOUNT_INVALID');
    expect(await bad('1e3')).toBe('TRANSACTION_AMOUNT_INVALID');
    expect(await bad('10', 'eur')).toBe('TRANSACTION_AMOUNT_INVALID');
    expect(codeOf(await h.app.server.inject({ method: 'POST', url: '/v1/transactions', headers: t.subjectAuth, payload: {} }))).toBe('FORBIDDEN');
  });

  it('binds the challenge to the transaction, approves, and signs an artefact that verifies offline with the JWKS', async () => {
    const tx = await createTransaction(h, t);
    const c = await approvalChallenge(h, t, tx.id);
    expect(createHash('sha256').update(c.dynamicLinking.hashInput).digest('base64url')).toBe(c.publicKey.challenge);
    expect(JSON.parse(c.dynamicLinking.hashInput)).toMatchObject({ id: tx.id, amount: '125.50', currency: 'EUR', payee: { name: 'ACME Ltd' }, reference: 'INV-1', nonce: c.dynamicLinking.nonce });
    expect(c.publicKey.allowCredentials?.map((a) => a.id)).toEqual([auth.id]);
    const assertion = auth.get(c.publicKey);
    const res = await approve(tx.id, { credential: assertion });
    expect(res.statusCode).toBe(200);
    const { transaction, artifact } = res.json<{ transaction: TransactionJson; artifact: string }>();
    expect(transaction).toMatchObject({ status: 'approved', factors: ['passkey'], artifact });

    const jwks = (await h.app.server.inject({ url: '/.well-known/jwks.json' })).json<Parameters<typeof createLocalJWKSet>[0]>();
    const issuer = h.app.services.tokens.audience.replace(/\/api$/, '');
    const { payload, protectedHeader } = await jwtVerify(artifact, createLocalJWKSet(jwks), { issuer, audience: `${issuer}/approvals`, currentDate: h.clock.now() });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'authloop-approval+jwt' });
    const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64url')).digest('base64url');
    expect(payload).toMatchObject({
      sub: t.subjectId,
      tid: t.tenantId,
      txn: { id: tx.id, amount: '125.50', currency: 'EUR', payee: { name: 'ACME Ltd', account: 'DE89370400440532013000' }, reference: 'INV-1' },
      factors: ['passkey'],
      passkey: { credentialId: auth.id, clientDataType: 'webauthn.get', userVerified: true, authenticatorDataHash: sha(assertion.response.authenticatorData), clientDataHash: sha(assertion.response.clientDataJSON) },
    });

    const verify = (artifactText: string, id = tx.id) => h.app.server.inject({ method: 'POST', url: `/v1/transactions/${id}/artifact/verify`, headers: t.clientAuth, payload: { artifact: artifactText } });
    expect((await verify(artifact)).json()).toMatchObject({ valid: true, transactionStatus: 'approved' });
    const [hd, body, sig] = artifact.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, txn: { ...(payload['txn'] as object), amount: '9999.00' } })).toString('base64url');
    expect((await verify(`${hd}.${forged}.${sig}`)).json()).toMatchObject({ valid: false, reason: 'TOKEN_BAD_SIGNATURE' });
    expect(body).toBeDefined();
    const other = await createTransaction(h, t);
    expect((await verify(artifact, other.id)).json()).toMatchObject({ valid: false, reason: 'ARTIFACT_TRANSACTION_MISMATCH', transactionStatus: 'pending' });
    expect((await verify(t.clientAuth.authorization.slice(7))).json()).toMatchObject({ valid: false, reason: 'TOKEN_CLAIMS_INVALID' });

    // A second approval attempt, even with a fresh valid assertion, is refused.
    expect(codeOf(await approve(tx.id, { credential: assertion }))).toBe('TRANSACTION_NOT_PENDING');
    expect(codeOf(await h.app.server.inject({ method: 'POST', url: `/v1/transactions/${tx.id}/challenge`, headers: t.subjectAuth }))).toBe('TRANSACTION_NOT_PENDING');
    expect(await audits(tx.id)).toEqual(['transaction.create:success', 'transaction.approve:success']);
  });

  it('refuses an assertion over a changed amount (stored or signed), a replay and an old challenge', async () => {
    const tx = await createTransaction(h, t);
    const c = await approvalChallenge(h, t, tx.id);
    await h.db.query("UPDATE transactions SET amount = '925.50', amount_minor = 92550 WHERE id = $1", [tx.id]);
    expect(codeOf(await approve(tx.id, { credential: auth.get(c.publicKey) }))).toBe('TRANSACTION_CHALLENGE_MISMATCH');
    await h.db.query("UPDATE transactions SET amount = '125.50', amount_minor = 12550 WHERE id = $1", [tx.id]);

    const c2 = await approvalChallenge(h, t, tx.id);
    const tamperedInput = JSON.stringify({ ...JSON.parse(c2.dynamicLinking.hashInput), amount: '1.00' });
    const tamperedChallenge = createHash('sha256').update(tamperedInput).digest('base64url');
    expect(codeOf(await approve(tx.id, { credential: auth.get(c2.publicKey, { challenge: tamperedChallenge }) }))).toBe('TRANSACTION_CHALLENGE_MISMATCH');

    const old = await approvalChallenge(h, t, tx.id);
    const fresh = await approvalChallenge(h, t, tx.id);
    expect(codeOf(await approve(tx.id, { credential: auth.get(old.publicKey) }))).toBe('TRANSACTION_CHALLENGE_MISMATCH');
    const good = auth.get((await approvalChallenge(h, t, tx.id)).publicKey);
    expect(fresh.publicKey.challenge).not.toBe(old.publicKey.challenge);
    expect(codeOf(await approve(tx.id, { credential: good }))).toBe('OK 200');
    expect(await audits(tx.id)).toEqual(['transaction.create:success', 'transaction.approve:denied', 'transaction.approve:denied', 'transaction.approve:denied', 'transaction.approve:success']);
  });

  it('records approval attempts for risk and lockout: repeated refused assertions lock the passkey factor until an operator unlocks it', async () => {
    const t2 = await createPasskeyTenant(h);
    await h.app.services.policy.set(t2.tenantId, paymentPolicy([{ maxAmountMinor: null, factors: ['passkey'] }], 'never', { maxFailures: 3, windowS: 900, lockS: 900 }), { type: 'system', id: null });
    const auth2 = await registerSoftPasskey(h, t2);
    const approve2 = (id: string, payload: object) => h.app.server.inject({ method: 'POST', url: `/v1/transactions/${id}/approve`, headers: t2.subjectAuth, payload });
    const tx = await createTransaction(h, t2);
    for (let i = 0; i < 3; i++) {
      const c = await approvalChallenge(h, t2, tx.id);
      expect(codeOf(await approve2(tx.id, { credential: auth2.get(c.publicKey, { userVerified: false }) }))).toBe('PASSKEY_USER_NOT_VERIFIED');
    }
    const attempts = await h.db.query<{ factor: string; outcome: string }>('SELECT factor, outcome FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2', [t2.tenantId, t2.subjectId]);
    expect(attempts.filter((a) => a.factor === 'passkey' && a.outcome === 'failure')).toHaveLength(3);
    // Locked: even a good assertion is refused before its challenge is spent.
    const c = await approvalChallenge(h, t2, tx.id);
    const locked = await approve2(tx.id, { credential: auth2.get(c.publicKey) });
    expect(locked.statusCode).toBe(423);
    expect(codeOf(locked)).toBe('FACTOR_LOCKED');
    const events = await h.db.query<{ action: string }>("SELECT action FROM audit_events WHERE tenant_id = $1 AND action = 'factor.lock'", [t2.tenantId]);
    expect(events).toHaveLength(1);
    // An operator (here the bank's client) unlocks; the same assertion then approves, recorded as a success.
    expect((await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${t2.subjectId}/unlock`, headers: t2.clientAuth, payload: { factor: 'passkey' } })).statusCode).toBeLessThan(300);
    expect(codeOf(await approve2(tx.id, { credential: auth2.get(c.publicKey) }))).toBe('OK 200');
    const after = await h.db.query<{ outcome: string }>("SELECT outcome FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2 AND factor = 'passkey' AND outcome = 'success'", [t2.tenantId, t2.subjectId]);
    expect(after).toHaveLength(1);
  });

  it('refuses a challenge used once (replay) while the transaction is still pending', async () => {
    const tx = await createTransaction(h, t);
    const c = await approvalChallenge(h, t, tx.id);
    const bad = auth.get(c.publicKey, { userVerified: false });
    expect(codeOf(await approve(tx.id, { credential: bad }))).toBe('PASSKEY_USER_NOT_VERIFIED');
    expect(codeOf(await approve(tx.id, { credential: auth.get(c.publicKey) }))).toBe('PASSKEY_CHALLENGE_REPLAYED');
  });

  it('declines, cancels and expires, each audited; an expired transaction cannot be approved', async () => {
    const a = await createTransaction(h, t);
    const declined = await h.app.server.inject({ method: 'POST', url: `/v1/transactions/${a.id}/decline`, headers: t.subjectAuth });
    expect(declined.json<TransactionJson>().status).toBe('declined');
    expect(codeOf(await h.app.server.inject({ method: 'POST', url: `/v1/transactions/${a.id}/cancel`, headers: t.clientAuth }))).toBe('TRANSACTION_NOT_PENDING');
    expect(await audits(a.id)).toEqual(['transaction.create:success', 'transaction.decline:success']);

    const b = await createTransaction(h, t);
    expect((await h.app.server.inject({ method: 'POST', url: `/v1/transactions/${b.id}/cancel`, headers: t.clientAuth })).json<TransactionJson>().status).toBe('cancelled');
    expect(await audits(b.id)).toEqual(['transaction.create:success', 'transaction.cancel:success']);

    const c = await createTransaction(h, t, { expiresInS: 60 });
    const ch = await approvalChallenge(h, t, c.id);
    h.clock.advance(61_000);
    expect(codeOf(await approve(c.id, { credential: auth.get(ch.publicKey) }))).toBe('TRANSACTION_EXPIRED');
    const got = await h.app.server.inject({ url: `/v1/transactions/${c.id}`, headers: t.clientAuth });
    expect(got.json<TransactionJson>().status).toBe('expired');
    expect(await audits(c.id)).toEqual(['transaction.create:success', 'transaction.expire:success']);
  });

  it("hides another tenant's and another subject's transactions", async () => {
    const tx = await createTransaction(h, t);
    const other = await createPasskeyTenant(h, { externalId: 'mallory' });
    const otherAuth = await registerSoftPasskey(h, other);
    expect(codeOf(await h.app.server.inject({ url: `/v1/transactions/${tx.id}`, headers: other.clientAuth }))).toBe('TRANSACTION_NOT_FOUND');
    expect(codeOf(await h.app.server.inject({ method: 'POST', url: `/v1/transactions/${tx.id}/challenge`, headers: other.subjectAuth }))).toBe('TRANSACTION_NOT_FOUND');
    const c = await approvalChallenge(h, t, tx.id);
    expect(codeOf(await approve(tx.id, { credential: otherAuth.get(c.publicKey) }, other.subjectAuth))).toBe('TRANSACTION_NOT_FOUND');
    // Same tenant, other subject.
    const s2 = await h.app.services.subjects.create(t.tenantId, { externalId: 'sibling' }, { type: 'system', id: null });
    const session = await h.app.services.sessions.start({ kind: 'subject', tenantId: t.tenantId, id: s2.id, scopes: new Set(['self'] as const) });
    expect(codeOf(await h.app.server.inject({ url: `/v1/transactions/${tx.id}`, headers: { authorization: `Bearer ${session.accessToken}` } }))).toBe('TRANSACTION_NOT_FOUND');
    expect(codeOf(await h.app.server.inject({ url: `/v1/transactions/${tx.id}`, headers: t.subjectAuth }))).toBe('OK 200');
  });

  it('takes the required factors from the policy decision and audits its rule and signals', async () => {
    // One refused approval first, so the risk signals have something to count.
    const refused = await createTransaction(h, t);
    expect(codeOf(await approve(refused.id, { credential: auth.get((await approvalChallenge(h, t, refused.id)).publicKey, { userVerified: false }) }))).toBe('PASSKEY_USER_NOT_VERIFIED');
    const small = await createTransaction(h, t, { amount: '999.99' });
    const large = await createTransaction(h, t, { amount: '1000.00' });
    expect([small.requires, large.requires]).toEqual([['passkey'], ['passkey', 'face']]);
    const [row] = await h.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_events WHERE tenant_id = $1 AND action = 'transaction.create' AND details->>'transactionId' = $2", [t.tenantId, large.id]);
    expect(row?.details).toMatchObject({ decision: 'allow', rule: 'actions.approvePayment[1]', factors: 'passkey,face', requires: 'passkey face', amount: '1000.00', currency: 'EUR' });
    // The risk signals count this subject's refused approvals (this test's and earlier ones').
    const [failed] = await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2 AND outcome = 'failure'", [t.tenantId, t.subjectId]);
    expect(failed?.n).toBeGreaterThan(0);
    expect(row?.details['signal.subjectFailures']).toBe(failed?.n);
    expect(typeof row?.details['policyVersion']).toBe('number');
    expect(typeof row?.details['riskScore']).toBe('number');

    // A new policy version applies to the next transaction at once; liveness joins when the policy requires it.
    const other = await createPasskeyTenant(h, { externalId: 'policy-changes' });
    await h.app.services.policy.set(other.tenantId, paymentPolicy([{ maxAmountMinor: null, factors: ['passkey'] }], 'always'), { type: 'system', id: null });
    expect((await createTransaction(h, other, { amount: '5.00' })).requires).toEqual(['passkey', 'liveness']);
    await h.app.services.policy.set(other.tenantId, paymentPolicy([{ maxAmountMinor: 100, currency: 'GBP', factors: ['passkey'] }]), { type: 'system', id: null });
    const create = (amount: string, currency = 'EUR') => h.app.server.inject({ method: 'POST', url: '/v1/transactions', headers: other.clientAuth, payload: { subjectId: other.subjectId, amount, currency, payee: { name: 'x', account: 'y' }, reference: 'r' } });
    const denied = await create('5.00');
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ error: { code: string; details: { rule: string } } }>().error).toMatchObject({ code: 'TRANSACTION_DENIED', details: { rule: 'actions.approvePayment (no rule covers this amount)' } });
    expect(codeOf(await create('1.00', 'GBP'))).toBe('OK 201');
    await h.app.services.policy.set(other.tenantId, paymentPolicy([{ maxAmountMinor: null, factors: ['passkey', 'voice'] }]), { type: 'system', id: null });
    expect(codeOf(await create('5.00'))).toBe('TRANSACTION_FACTOR_UNSUPPORTED');
    const outcomes = await h.db.query<{ outcome: string; rule: string }>("SELECT outcome, details->>'rule' AS rule FROM audit_events WHERE tenant_id = $1 AND action = 'transaction.create' ORDER BY seq", [other.tenantId]);
    expect(outcomes.map((o) => `${o.outcome} ${o.rule}`)).toEqual(['success actions.approvePayment[0]', 'denied actions.approvePayment (no rule covers this amount)', 'success actions.approvePayment[0]', 'denied actions.approvePayment[0]']);
  });

  it('requires the face factor above the policy limit, refusing before the challenge is spent', async () => {
    const tx = await createTransaction(h, t, { amount: '1500' });
    expect(tx.requires).toEqual(['passkey', 'face']);
    const c = await approvalChallenge(h, t, tx.id);
    const assertion = auth.get(c.publicKey);
    const missing = await approve(tx.id, { credential: assertion });
    expect(missing.json<{ error: { code: string; details: { missing: string[] } } }>().error).toMatchObject({ code: 'TRANSACTION_FACTOR_REQUIRED', details: { missing: ['face'] } });
    // A token that is not a liveness token is refused with the liveness module's code, never ignored.
    expect(codeOf(await approve(tx.id, { credential: assertion, factors: { face: { token: 'liveness-token' } } }))).toBe('LIVENESS_TOKEN_INVALID');

    // The seam: any verifier plugged in decides the face factor (the real one is tested in transactions.face.test.ts).
    const withFace = transactionService({
      db: h.db,
      audit: h.app.services.audit,
      clock: h.clock,
      passkeys: h.app.services.passkeys,
      keys: h.app.services.keys,
      issuer: 'http://localhost:8080',
      policy: h.app.services.policy,
      risk: h.app.services.risk,
      faceFactor: { verify: async ({ token, requireFace }) => (token === 'good-face' && requireFace ? { ok: true, evidence: { livenessScore: 0.98, match: true } } : { ok: false, code: 'TRANSACTION_FACTOR_REJECTED', reason: 'bad token' }) },
    });
    const tx2 = await createTransaction(h, t, { amount: '2000.00' });
    const c2 = await approvalChallenge(h, t, tx2.id);
    const r = await withFace.approve(t.tenantId, tx2.id, t.subjectId, { credential: auth.get(c2.publicKey), factors: { face: { token: 'good-face' } } });
    expect(r.transaction.factors).toEqual(['passkey', 'face', 'liveness']);
    expect(JSON.parse(Buffer.from(r.artifact.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ factors: ['passkey', 'face', 'liveness'], face: { livenessScore: 0.98, match: true } });
  });

  it('accepts a Secure Payment Confirmation (payment.get) assertion showing the same total, and refuses another total', async () => {
    const tx = await createTransaction(h, t, { amount: '42.00' });
    const c = await approvalChallenge(h, t, tx.id);
    const spc = c.securePaymentConfirmation;
    expect(spc).toMatchObject({ rpId: 'localhost', credentialIds: [auth.id], challenge: c.publicKey.challenge, payeeName: 'ACME Ltd', total: { currency: 'EUR', value: '42.00' } });
    const payment = { rpId: 'localhost', topOrigin: 'http://localhost:8080', payeeName: 'ACME Ltd', total: { currency: 'EUR', value: '42.00' }, instrument: { displayName: 'Card', icon: 'data:,' } };
    const wrong = await approve(tx.id, { credential: auth.get(c.publicKey, { type: 'payment.get', payment: { ...payment, total: { currency: 'EUR', value: '4200.00' } } }) });
    expect(codeOf(wrong)).toBe('TRANSACTION_CHALLENGE_MISMATCH');
    const c2 = await approvalChallenge(h, t, tx.id);
    const ok = await approve(tx.id, { credential: auth.get(c2.publicKey, { type: 'payment.get', payment: { ...payment, total: { currency: 'EUR', value: '42' } } }) });
    expect(ok.statusCode).toBe(200);
    const claims = JSON.parse(Buffer.from(ok.json<{ artifact: string }>().artifact.split('.')[1] ?? '', 'base64url').toString()) as { passkey: { clientDataType: string } };
    expect(claims.passkey.clientDataType).toBe('payment.get');
  });
});
