import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import { defaultPolicy } from '../src/modules/policy/policySchema.ts';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

const SEALED_MARKER = 'c0ffee00c0ffee00c0ffee00';

describe.each(testDrivers())('privacy rights on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: { authorization: string }, payload?: object) => h.app.server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const errCode = (r: { json: <T>() => T }) => r.json<{ error: { code: string } }>().error.code;

  async function subjectWithData(): Promise<{ id: string; refreshToken: string; subjectAuth: { authorization: string } }> {
    const id = (await req('POST', '/v1/subjects', t.auth, { externalId: `p-${randomUUID()}` })).json<{ id: string }>().id;
    await h.db.query(
      `INSERT INTO face_templates (tenant_id, subject_id, id, engine, search_model, dims, search_vector, sample_count, threshold, key_id, sealed, enrolled_at, updated_at)
       VALUES ($1, $2, $3, 'test-engine', 'm', 3, '[0.25,0.5,0.75]'::vector, 3, 0.6, 'sk', decode($4, 'hex'), now(), now())`,
      [t.tenantId, id, randomUUID(), SEALED_MARKER],
    );
    await h.db.query(
      `INSERT INTO passkey_credentials (id, tenant_id, subject_id, credential_id, public_key, aaguid, attestation_format, device_type, backed_up, name) VALUES ($1, $2, $3, $4, 'PUBLICKEYMARKER', 'aaguid', 'none', 'multiDevice', true, 'Phone')`,
      [randomUUID(), t.tenantId, id, `cred-${id}`],
    );
    await h.db.query(
      `INSERT INTO transactions (id, tenant_id, subject_id, client_id, amount, amount_minor, currency, payee_name, payee_account, reference, status, requires, expires_at)
       VALUES ($1, $2, $3, $4, '10.00', 1000, 'EUR', 'Shop', 'DE00', 'ref-1', 'pending', '{passkey}', now())`,
      [randomUUID(), t.tenantId, id, t.clientId],
    );
    await h.db.transaction((tx) => h.app.services.risk.recordAttempt(tx, { tenantId: t.tenantId, subjectId: id, factor: 'face', outcome: 'success', ip: '203.0.113.1' }));
    const session = (await req('POST', `/v1/subjects/${id}/sessions`, t.auth)).json<{ access_token: string; refresh_token: string }>();
    return { id, refreshToken: session.refresh_token, subjectAuth: { authorization: `Bearer ${session.access_token}` } };
  }
  const countFor = async (table: string, subjectId: string) => Number((await h.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE subject_id = $1`, [subjectId]))[0]?.n);

  beforeAll(async () => {
    h = await createHarness(driver);
    t = await h.createTenant();
  });
  afterAll(async () => {
    await h.close();
  });

  it('requires consent before biometric enrolment when the policy says so; the person can give it themselves', async () => {
    const s = await subjectWithData();
    await expect(h.app.services.consent.require(t.tenantId, s.id, 'face')).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    await h.app.services.consent.require(t.tenantId, s.id, 'passkey');
    const other = await subjectWithData();
    expect(errCode(await req('POST', `/v1/subjects/${s.id}/consents`, other.subjectAuth, { purpose: 'face', noticeVersion: 'v1' }))).toBe('FORBIDDEN');
    const given = await req('POST', `/v1/subjects/${s.id}/consents`, s.subjectAuth, { purpose: 'face', noticeVersion: 'notice-2026-01' });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({ purpose: 'face', noticeVersion: 'notice-2026-01', actorType: 'subject', withdrawnAt: null });
    await h.app.services.consent.require(t.tenantId, s.id, 'face');
    await h.app.services.policy.set(t.tenantId, { ...defaultPolicy, privacy: { consentRequiredFor: [], retentionDays: null } }, { type: 'system', id: null });
    await h.app.services.consent.require(t.tenantId, other.id, 'face');
    await h.app.services.policy.set(t.tenantId, defaultPolicy, { type: 'system', id: null });
  });

  it('withdrawing face consent erases face data at once and keeps passkeys', async () => {
    const s = await subjectWithData();
    await h.app.services.consent.grant(t.tenantId, s.id, { purpose: 'face', noticeVersion: 'v1' }, { type: 'system', id: null });
    const r = await req('DELETE', `/v1/subjects/${s.id}/consents/face`, t.auth);
    expect(r.json()).toMatchObject({ withdrawn: true, erased: { face_templates: 1 } });
    expect(await countFor('face_templates', s.id)).toBe(0);
    expect(await countFor('passkey_credentials', s.id)).toBe(1);
    await expect(h.app.services.consent.require(t.tenantId, s.id, 'face')).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });

  it('exports everything held about a subject, with metadata but no templates, keys or secrets', async () => {
    const s = await subjectWithData();
    await h.app.services.consent.grant(t.tenantId, s.id, { purpose: 'face', noticeVersion: 'v1' }, { type: 'system', id: null });
    const key = await h.app.services.subjectKeys.forSubject(t.tenantId, s.id);
    const res = await req('GET', `/v1/subjects/${s.id}/export`, t.auth);
    expect(res.statusCode).toBe(200);
    const e = res.json<{ subject: { id: string }; consents: unknown[]; data: Record<string, Record<string, unknown>[]>; subjectKey: { keyId: string }; audit: { action: string }[] }>();
    expect(e.subject.id).toBe(s.id);
    expect(e.consents).toHaveLength(1);
    expect(e.data['face_templates']?.[0]).toMatchObject({ engine: 'test-engine', sample_count: 3 });
    expect(e.data['passkey_credentials']?.[0]).toMatchObject({ name: 'Phone', device_type: 'multiDevice' });
    expect(e.data['transactions']?.[0]).toMatchObject({ status: 'pending', payee_name: 'Shop' });
    expect(e.data['sessions']).toHaveLength(1);
    expect(e.data['auth_attempts']?.[0]).toMatchObject({ factor: 'face', outcome: 'success' });
    expect(e.subjectKey.keyId).toBe(key.keyId);
    expect(e.audit.map((a) => a.action)).toEqual(['subject.create', 'consent.grant']);
    for (const secret of [SEALED_MARKER, '0.25', 'PUBLICKEYMARKER', 'token_hash', Buffer.from(key.key).toString('base64'), Buffer.from(key.key).toString('hex')]) expect(res.body).not.toContain(secret);
    // The person can fetch the same with their own session.
    const mine = await req('GET', '/v1/me/export', s.subjectAuth);
    expect(mine.json<{ subject: { id: string } }>().subject.id).toBe(s.id);
  });

  it('erases a subject across every source in one transaction, destroys their key, and audits it', async () => {
    const s = await subjectWithData();
    await h.app.services.consent.grant(t.tenantId, s.id, { purpose: 'face', noticeVersion: 'v1' }, { type: 'system', id: null });
    await h.app.services.subjectKeys.forSubject(t.tenantId, s.id);
    const r = await req('POST', `/v1/subjects/${s.id}/erasure`, t.auth);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ keyDestroyed: true, erased: { face_templates: 1, passkey_credentials: 1, transactions: 1, sessions: 1, consents: 1, auth_attempts: 1 } });
    for (const table of ['face_templates', 'passkey_credentials', 'transactions', 'consents', 'auth_attempts', 'subject_keys']) expect(await countFor(table, s.id)).toBe(0);
    expect(await h.app.services.subjectKeys.existing(t.tenantId, s.id)).toBeNull();
    expect((await req('GET', `/v1/subjects/${s.id}`, t.auth)).statusCode).toBe(404);
    const refreshed = await h.app.server.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'refresh_token', refresh_token: s.refreshToken } });
    expect(refreshed.statusCode).toBe(400);
    const pseudonym = await h.app.services.audit.pseudonym(t.tenantId, s.id);
    const trail = (await req('GET', `/v1/audit/events?subject=${pseudonym}`, t.auth)).json<{ items: { action: string; details: Record<string, unknown> }[] }>().items;
    expect(trail.at(-1)).toMatchObject({ action: 'privacy.erase', details: { keyDestroyed: true, 'erased.face_templates': 1 } });
    expect((await h.app.services.auditTrail.verify(t.tenantId)).valid).toBe(true);
  });

  it('rolls the whole erasure back when any source fails', async () => {
    const s = await subjectWithData();
    h.app.services.subjectData.register({
      name: 'zz_failing',
      category: 'other',
      export: async () => [],
      erase: async () => {
        throw new Error('disk on fire');
      },
    });
    try {
      await expect(h.app.services.privacy.erase(t.tenantId, s.id, { type: 'system', id: null })).rejects.toThrow('disk on fire');
    } finally {
      h.app.services.subjectData.register({ name: 'zz_failing', category: 'other', export: async () => [], erase: async () => 0 });
    }
    expect(await countFor('face_templates', s.id)).toBe(1);
    expect((await req('GET', `/v1/subjects/${s.id}`, t.auth)).statusCode).toBe(200);
  });

  it('lets operators erase and export but not auditors', async () => {
    const s = await subjectWithData();
    const PASSWORD = 'correct-fjord-lamp-quiz';
    const tok: Record<string, { authorization: string }> = {};
    for (const role of ['operator', 'auditor'] as const) {
      await h.app.services.operators.create({ tenantId: t.tenantId, email: `${role}-p@bank.test`, role, password: PASSWORD }, { type: 'system', id: null });
      const r = await h.app.services.operators.signIn({ tenantId: t.tenantId, email: `${role}-p@bank.test`, password: PASSWORD });
      if (r.status !== 'signed-in') throw new Error('expected a session');
      tok[role] = { authorization: `Bearer ${r.tokens.accessToken}` };
    }
    const auditor = tok['auditor'] ?? t.auth;
    const operator = tok['operator'] ?? t.auth;
    expect(errCode(await req('POST', `/v1/subjects/${s.id}/erasure`, auditor))).toBe('INSUFFICIENT_SCOPE');
    expect(errCode(await req('GET', `/v1/subjects/${s.id}/export`, auditor))).toBe('INSUFFICIENT_SCOPE');
    expect(errCode(await req('POST', `/v1/subjects/${s.id}/erasure`, s.subjectAuth))).toBe('FORBIDDEN');
    expect((await req('GET', `/v1/subjects/${s.id}/export`, operator)).statusCode).toBe(200);
    expect((await req('POST', `/v1/subjects/${s.id}/erasure`, operator)).statusCode).toBe(200);
  });

  it("erases inactive subjects' biometric data after the retention period, and only theirs", async () => {
    const tenant = await h.createTenant('Retention bank');
    const tt = t;
    t = tenant;
    try {
      const idle = await subjectWithData();
      const active = await subjectWithData();
      // Both were created 40 days ago; only `active` authenticated since.
      for (const id of [idle.id, active.id]) {
        await h.db.query(`UPDATE subjects SET created_at = $2::timestamptz - interval '40 days', updated_at = $2::timestamptz - interval '40 days' WHERE id = $1`, [id, h.clock.now()]);
        await h.db.query(`UPDATE auth_attempts SET occurred_at = $2::timestamptz - interval '40 days' WHERE subject_id = $1`, [id, h.clock.now()]);
      }
      await h.db.transaction((tx) => h.app.services.risk.recordAttempt(tx, { tenantId: t.tenantId, subjectId: active.id, factor: 'face', outcome: 'success' }));
      expect(await h.app.services.privacy.runRetention()).toBe(0);
      await h.app.services.policy.set(t.tenantId, { ...defaultPolicy, privacy: { consentRequiredFor: ['face'], retentionDays: 30 } }, { type: 'system', id: null });
      expect(await h.app.services.privacy.runRetention()).toBe(1);
      expect(await countFor('face_templates', idle.id)).toBe(0);
      expect(await countFor('passkey_credentials', idle.id)).toBe(1);
      expect(await countFor('face_templates', active.id)).toBe(1);
      const events = (await req('GET', `/v1/audit/events?subjectId=${idle.id}&action=privacy.retention-erase`, t.auth)).json<{ items: { details: Record<string, unknown> }[] }>().items;
      expect(events[0]?.details).toMatchObject({ rule: 'privacy.retentionDays', retentionDays: 30, 'erased.face_templates': 1 });
      expect(await h.app.services.privacy.runRetention()).toBe(0);
    } finally {
      t = tt;
    }
  });
});
