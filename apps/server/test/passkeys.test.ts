import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';
import { codeOf, createPasskeyTenant } from './support/passkeyFixtures.ts';
import type { PasskeyTenant } from './support/passkeyFixtures.ts';
import { SoftAuthenticator } from './support/softAuthenticator.ts';

interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string };
  excludeCredentials?: { id: string }[];
  authenticatorSelection?: { residentKey?: string; userVerification?: string };
  extensions?: Record<string, unknown>;
}
interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
  userVerification?: string;
}
interface Passkey {
  id: string;
  credentialId: string;
  name: string;
  revoked: boolean;
  flagged: boolean;
  signCount: number;
}

const redisUrl = process.env['AUTHLOOP_TEST_REDIS_URL'];
const cases: ['pglite' | 'postgres', 'database' | 'redis'][] = testDrivers().map((d) => [d, 'database']);
if (redisUrl) cases.push(['pglite', 'redis']);

describe.each(cases)('passkeys on %s with the %s challenge store', (driver, store) => {
  let h: Harness;
  let t: PasskeyTenant;
  let redis: Redis | undefined;
  beforeAll(async () => {
    redis = store === 'redis' && redisUrl ? new Redis(redisUrl) : undefined;
    h = await createHarness(driver, { deps: { redis } });
    t = await createPasskeyTenant(h);
  });
  afterAll(async () => {
    await h.close();
    await redis?.quit();
  });

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => h.app.server.inject({ method: 'POST', url, payload, headers });

  async function register(auth = new SoftAuthenticator(), tenant: PasskeyTenant = t, name = 'Phone'): Promise<{ auth: SoftAuthenticator; passkey: Passkey }> {
    const o = await post('/v1/me/passkeys/registration/options', {}, tenant.subjectAuth);
    expect(o.statusCode).toBe(200);
    const credential = auth.create(o.json<CreationOptions>());
    const v = await post('/v1/me/passkeys/registration/verify', { credential, name }, tenant.subjectAuth);
    expect(v.statusCode).toBe(201);
    return { auth, passkey: v.json<Passkey>() };
  }

  const signInOptions = async (tenant: PasskeyTenant = t, subjectId?: string) => {
    const r = await post('/v1/passkeys/authentication/options', { tenantId: tenant.tenantId, ...(subjectId ? { subjectId } : {}) });
    expect(r.statusCode).toBe(200);
    return r.json<RequestOptions>();
  };

  it('uses the store it was configured with', () => {
    expect(h.app.services.passkeys.challenges.store.kind).toBe(store);
  });

  it('registers a discoverable, user-verified passkey and signs in without a username', async () => {
    const o = await post('/v1/me/passkeys/registration/options', {}, t.subjectAuth);
    const options = o.json<CreationOptions>();
    expect(options.rp).toEqual({ id: 'localhost', name: 'Passkey Bank' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(Buffer.from(options.challenge, 'base64url')).toHaveLength(32);
    const { auth, passkey } = await register();
    expect(passkey).toMatchObject({ name: 'Phone', revoked: false, flagged: false, credentialId: auth.id });

    const ro = await signInOptions();
    expect(ro.allowCredentials ?? []).toEqual([]);
    expect(ro.userVerification).toBe('required');
    const res = await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(ro) });
    expect(res.statusCode).toBe(200);
    const tokens = res.json<{ access_token: string; subject_id: string; passkey_id: string; scope: string }>();
    expect(tokens).toMatchObject({ subject_id: t.subjectId, passkey_id: passkey.id, scope: 'self' });
    // The issued token is a working subject session.
    const mine = await h.app.server.inject({ url: '/v1/me/passkeys', headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(mine.json<{ items: Passkey[] }>().items.map((p) => p.id)).toContain(passkey.id);
  });

  it('lists allowCredentials for a known subject and excludes registered passkeys at registration', async () => {
    const s = await createPasskeyTenant(h, { externalId: `known-${store}` });
    const { auth } = await register(new SoftAuthenticator(), s);
    const ro = await signInOptions(s, s.subjectId);
    expect(ro.allowCredentials?.map((c) => c.id)).toEqual([auth.id]);
    const again = await post('/v1/me/passkeys/registration/options', {}, s.subjectAuth);
    expect(again.json<CreationOptions>().excludeCredentials?.map((c) => c.id)).toEqual([auth.id]);
    const ok = await post('/v1/passkeys/authentication/verify', { tenantId: s.tenantId, credential: auth.get(ro) });
    expect(ok.statusCode).toBe(200);
  });

  it('records sign-in attempts for lockout: refused assertions lock the passkey factor, and a locked subject cannot sign in until unlocked', async () => {
    const s = await createPasskeyTenant(h, { externalId: `lockout-${store}` });
    const current = await h.app.services.policy.get(s.tenantId);
    await h.app.services.policy.set(s.tenantId, { ...current.policy, lockout: { maxFailures: 2, windowS: 900, lockS: 900 } }, { type: 'system', id: null });
    const { auth } = await register(new SoftAuthenticator(), s);
    for (let i = 0; i < 2; i++) {
      const bad = auth.get(await signInOptions(s, s.subjectId), { userVerified: false });
      expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: s.tenantId, credential: bad }))).toBe('PASSKEY_USER_NOT_VERIFIED');
    }
    const locked = await post('/v1/passkeys/authentication/verify', { tenantId: s.tenantId, credential: auth.get(await signInOptions(s, s.subjectId)) });
    expect(locked.statusCode).toBe(423);
    expect(codeOf(locked)).toBe('FACTOR_LOCKED');
    const audit = await h.db.query<{ action: string; outcome: string; code: string | null }>("SELECT action, outcome, details->>'code' AS code FROM audit_events WHERE tenant_id = $1 AND action IN ('passkey.authenticate', 'factor.lock') ORDER BY seq", [s.tenantId]);
    expect(audit.map((a) => `${a.action}:${a.outcome}:${a.code ?? ''}`)).toEqual([
      'passkey.authenticate:denied:PASSKEY_USER_NOT_VERIFIED',
      'passkey.authenticate:denied:PASSKEY_USER_NOT_VERIFIED',
      'factor.lock:success:',
      'passkey.authenticate:denied:FACTOR_LOCKED',
    ]);
    expect((await post(`/v1/subjects/${s.subjectId}/unlock`, { factor: 'passkey' }, s.clientAuth)).statusCode).toBeLessThan(300);
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: s.tenantId, credential: auth.get(await signInOptions(s, s.subjectId)) }))).toBe('OK 200');
  });

  it('refuses a replayed assertion, an expired challenge and a wrong origin, each with its code', async () => {
    const { auth } = await register();
    const ro = await signInOptions();
    const assertion = auth.get(ro);
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: assertion }))).toBe('OK 200');
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: assertion }))).toBe('PASSKEY_CHALLENGE_REPLAYED');

    const late = await signInOptions();
    h.clock.advance(5 * 60 * 1000 + 1);
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(late) }))).toBe('PASSKEY_CHALLENGE_EXPIRED');

    const phish = await signInOptions();
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(phish, { origin: 'https://evil.example' }) }))).toBe('PASSKEY_ORIGIN_NOT_ALLOWED');

    const forged = await signInOptions();
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(forged, { challenge: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }) }))).toBe('PASSKEY_CHALLENGE_UNKNOWN');
  });

  it('refuses missing user verification, a wrong RP ID, a bad signature and an unknown credential', async () => {
    const { auth } = await register();
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(await signInOptions(), { userVerified: false }) }))).toBe('PASSKEY_USER_NOT_VERIFIED');
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(await signInOptions(), { rpId: 'evil.example' }) }))).toBe('PASSKEY_RP_ID_MISMATCH');
    const good = auth.get(await signInOptions());
    const otherSig = auth.get({ challenge: good.response.clientDataJSON.slice(0, 43) }, { signCount: 999 });
    const badSig = { ...good, response: { ...good.response, signature: otherSig.response.signature } };
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: badSig }))).toBe('PASSKEY_SIGNATURE_INVALID');
    const stranger = new SoftAuthenticator();
    stranger.rpId = 'localhost';
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: stranger.get(await signInOptions()) }))).toBe('PASSKEY_CREDENTIAL_UNKNOWN');
  });

  it('flags a credential whose sign counter goes backwards and refuses it from then on', async () => {
    const { auth, passkey } = await register();
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(await signInOptions(), { signCount: 10 }) }))).toBe('OK 200');
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(await signInOptions(), { signCount: 5 }) }))).toBe('PASSKEY_COUNTER_REGRESSED');
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(await signInOptions(), { signCount: 50 }) }))).toBe('PASSKEY_CREDENTIAL_FLAGGED');
    const list = await h.app.server.inject({ url: `/v1/subjects/${t.subjectId}/passkeys`, headers: t.clientAuth });
    expect(list.json<{ items: Passkey[] }>().items.find((p) => p.id === passkey.id)).toMatchObject({ flagged: true, signCount: 10 });
    const [audit] = await h.db.query<{ outcome: string }>("SELECT outcome FROM audit_events WHERE tenant_id = $1 AND action = 'passkey.flag'", [t.tenantId]);
    expect(audit?.outcome).toBe('denied');
  });

  it('renames and revokes; a revoked passkey is refused', async () => {
    const { auth, passkey } = await register();
    const renamed = await h.app.server.inject({ method: 'PATCH', url: `/v1/me/passkeys/${passkey.id}`, headers: t.subjectAuth, payload: { name: 'Work laptop' } });
    expect(renamed.json<Passkey>().name).toBe('Work laptop');
    const revoked = await h.app.server.inject({ method: 'DELETE', url: `/v1/me/passkeys/${passkey.id}`, headers: t.subjectAuth });
    expect(revoked.json<Passkey>().revoked).toBe(true);
    expect(codeOf(await h.app.server.inject({ method: 'DELETE', url: `/v1/me/passkeys/${passkey.id}`, headers: t.subjectAuth }))).toBe('PASSKEY_NOT_FOUND');
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: auth.get(await signInOptions()) }))).toBe('PASSKEY_CREDENTIAL_REVOKED');
    const mine = await h.app.server.inject({ url: '/v1/me/passkeys', headers: t.subjectAuth });
    expect(mine.json<{ items: Passkey[] }>().items.map((p) => p.id)).not.toContain(passkey.id);
  });

  it("keeps tenants apart: another tenant's subject cannot use this tenant's passkey or manage it", async () => {
    const { auth, passkey } = await register();
    const other = await createPasskeyTenant(h, { externalId: 'other' });
    const ro = await signInOptions(other);
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: other.tenantId, credential: auth.get(ro) }))).toBe('PASSKEY_CREDENTIAL_UNKNOWN');
    // A challenge of one tenant is unknown to another.
    const mine = await signInOptions();
    expect(codeOf(await post('/v1/passkeys/authentication/verify', { tenantId: other.tenantId, credential: auth.get(mine) }))).toBe('PASSKEY_CHALLENGE_UNKNOWN');
    expect(codeOf(await h.app.server.inject({ method: 'DELETE', url: `/v1/me/passkeys/${passkey.id}`, headers: other.subjectAuth }))).toBe('PASSKEY_NOT_FOUND');
    expect(codeOf(await h.app.server.inject({ method: 'DELETE', url: `/v1/subjects/${t.subjectId}/passkeys/${passkey.id}`, headers: other.clientAuth }))).toBe('PASSKEY_NOT_FOUND');
  });

  it('lets the bank back end register for a subject, and refuses client tokens on /me routes', async () => {
    const o = await post(`/v1/subjects/${t.subjectId}/passkeys/registration/options`, { payment: true }, t.clientAuth);
    expect(o.statusCode).toBe(200);
    const options = o.json<CreationOptions>();
    expect(options.extensions).toMatchObject({ payment: { isPayment: true } });
    const auth = new SoftAuthenticator();
    const v = await post(`/v1/subjects/${t.subjectId}/passkeys/registration/verify`, { credential: auth.create(options) }, t.clientAuth);
    expect(v.statusCode).toBe(201);
    expect(codeOf(await post('/v1/me/passkeys/registration/options', {}, t.clientAuth))).toBe('FORBIDDEN');
    expect(codeOf(await post(`/v1/subjects/${t.subjectId}/passkeys/registration/options`, {}, t.subjectAuth))).toBe('FORBIDDEN');
  });

  it('refuses registration with a wrong ceremony type, origin, or a challenge issued for another subject', async () => {
    const auth = new SoftAuthenticator();
    const o = (await post('/v1/me/passkeys/registration/options', {}, t.subjectAuth)).json<CreationOptions>();
    expect(codeOf(await post('/v1/me/passkeys/registration/verify', { credential: auth.create(o, { origin: 'https://evil.example' }) }, t.subjectAuth))).toBe('PASSKEY_ORIGIN_NOT_ALLOWED');
    const o2 = (await post('/v1/me/passkeys/registration/options', {}, t.subjectAuth)).json<CreationOptions>();
    const other = await createPasskeyTenant(h, { externalId: 'x' });
    expect(codeOf(await post('/v1/me/passkeys/registration/verify', { credential: auth.create(o2) }, other.subjectAuth))).toBe('PASSKEY_CHALLENGE_UNKNOWN');
    const o3 = (await post('/v1/me/passkeys/registration/options', {}, t.subjectAuth)).json<CreationOptions>();
    expect(codeOf(await post('/v1/me/passkeys/registration/verify', { credential: auth.create(o3, { userVerified: false }) }, t.subjectAuth))).toBe('PASSKEY_USER_NOT_VERIFIED');
    // A sign-in challenge cannot register a credential.
    const ro = await signInOptions();
    expect(codeOf(await post('/v1/me/passkeys/registration/verify', { credential: auth.create({ challenge: ro.challenge, rp: { id: 'localhost' }, user: { id: 'AAAA' } }) }, t.subjectAuth))).toBe('PASSKEY_CEREMONY_MISMATCH');
  });

  it('refuses "none" attestation when the tenant requires attestation', async () => {
    const strict = await createPasskeyTenant(h, { settings: {}, externalId: 'strict' });
    await h.app.services.tenants.get(strict.tenantId);
    await h.db.query("UPDATE tenants SET settings = jsonb_set(settings, '{passkeys,allowNoneAttestation}', 'false'::jsonb) WHERE id = $1", [strict.tenantId]);
    const o = (await post('/v1/me/passkeys/registration/options', {}, strict.subjectAuth)).json<CreationOptions>();
    expect(codeOf(await post('/v1/me/passkeys/registration/verify', { credential: new SoftAuthenticator().create(o) }, strict.subjectAuth))).toBe('PASSKEY_ATTESTATION_REJECTED');
  });

  it('answers malformed responses with PASSKEY_RESPONSE_MALFORMED and the parsing stage', async () => {
    const auth = new SoftAuthenticator();
    const o = (await post('/v1/me/passkeys/registration/options', {}, t.subjectAuth)).json<CreationOptions>();
    const good = auth.create(o);
    const badJson = await post('/v1/me/passkeys/registration/verify', { credential: { ...good, response: { ...good.response, clientDataJSON: Buffer.from('{not json').toString('base64url') } } }, t.subjectAuth);
    expect(codeOf(badJson)).toBe('PASSKEY_RESPONSE_MALFORMED');
    expect(badJson.json<{ error: { details: { stage: string } } }>().error.details.stage).toBe('clientDataJSON');
    const badCbor = await post('/v1/me/passkeys/registration/verify', { credential: { ...good, response: { ...good.response, attestationObject: 'oWNmbXQ' } } }, t.subjectAuth);
    expect(badCbor.json<{ error: { code: string; details: { stage: string } } }>().error).toMatchObject({ code: 'PASSKEY_RESPONSE_MALFORMED', details: { stage: 'attestationObject' } });
    const notB64 = await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: { ...good, response: { clientDataJSON: '***', authenticatorData: 'AA', signature: 'AA' } } });
    expect(codeOf(notB64)).toBe('INVALID_FIELD');
    const shortAuthData = auth.get(await signInOptions());
    const truncated = await post('/v1/passkeys/authentication/verify', { tenantId: t.tenantId, credential: { ...shortAuthData, response: { ...shortAuthData.response, authenticatorData: 'AAAA' } } });
    expect(truncated.json<{ error: { code: string; details: { stage: string } } }>().error).toMatchObject({ code: 'PASSKEY_RESPONSE_MALFORMED', details: { stage: 'authenticatorData' } });
  });
});
