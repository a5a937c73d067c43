import { SignJWT, generateKeyPair, decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(testDrivers())('OAuth and tokens on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  beforeAll(async () => {
    h = await createHarness(driver);
    t = await h.createTenant();
  });
  afterAll(async () => {
    await h.close();
  });

  const token = async (payload: string, headers: Record<string, string> = FORM) => h.app.server.inject({ method: 'POST', url: '/oauth/token', headers, payload });

  it('issues a client_credentials token with HTTP Basic, and the token works', async () => {
    const basic = Buffer.from(`${t.clientId}:${t.clientSecret}`).toString('base64');
    const res = await token(form({ grant_type: 'client_credentials' }), { ...FORM, authorization: `Basic ${basic}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ access_token: string; token_type: string; expires_in: number; scope: string }>();
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(600);
    expect(body.scope.split(' ')).toContain('subjects:write');
    expect(res.headers['cache-control']).toBe('no-store');
    const claims = decodeJwt(body.access_token);
    expect(claims['tid']).toBe(t.tenantId);
    const created = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: { authorization: `Bearer ${body.access_token}` }, payload: { externalId: 'basic-1' } });
    expect(created.statusCode).toBe(201);
  });

  it('issues a token with body credentials and a narrowed scope', async () => {
    const res = await token(form({ grant_type: 'client_credentials', client_id: t.clientId, client_secret: t.clientSecret, scope: 'subjects:read' }));
    expect(res.statusCode).toBe(200);
    const at = res.json<{ access_token: string; scope: string }>();
    expect(at.scope).toBe('subjects:read');
    const denied = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: { authorization: `Bearer ${at.access_token}` }, payload: { externalId: 'x' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ error: { code: string } }>().error.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('refuses a wrong secret, an unknown grant and a scope the client lacks', async () => {
    const bad = await token(form({ grant_type: 'client_credentials', client_id: t.clientId, client_secret: 'nope' }));
    expect(bad.statusCode).toBe(401);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('INVALID_CLIENT');
    const grant = await token(form({ grant_type: 'password', client_id: t.clientId, client_secret: t.clientSecret }));
    expect(grant.json<{ error: { code: string } }>().error.code).toBe('UNSUPPORTED_GRANT_TYPE');
    const scope = await token(form({ grant_type: 'client_credentials', client_id: t.clientId, client_secret: t.clientSecret, scope: 'root:everything' }));
    expect(scope.json<{ error: { code: string } }>().error.code).toBe('INVALID_SCOPE');
  });

  const code = async (authorization: string) => {
    const res = await h.app.server.inject({ method: 'GET', url: '/v1/subjects', headers: { authorization } });
    return { status: res.statusCode, code: res.statusCode === 200 ? 'OK' : res.json<{ error: { code: string } }>().error.code };
  };

  it('rotates refresh tokens, and reuse of an old one revokes the whole family', async () => {
    const s = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: t.auth, payload: { externalId: `rt-${driver}` } });
    const subjectId = s.json<{ id: string }>().id;
    const start = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${subjectId}/sessions`, headers: t.auth });
    expect(start.statusCode).toBe(201);
    const first = start.json<{ refresh_token: string; access_token: string }>();
    expect(decodeJwt(first.access_token).sub).toBe(subjectId);

    const r1 = await token(form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(r1.statusCode).toBe(200);
    const second = r1.json<{ refresh_token: string }>();
    expect(second.refresh_token).not.toBe(first.refresh_token);

    const reuse = await token(form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json<{ error: { code: string } }>().error.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate newest token is now revoked too.
    const after = await token(form({ grant_type: 'refresh_token', refresh_token: second.refresh_token }));
    expect(after.json<{ error: { code: string } }>().error.code).toBe('TOKEN_REVOKED');
  });

  it('logs out: a revoked refresh token no longer works', async () => {
    const s = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: t.auth, payload: { externalId: `logout-${driver}` } });
    const start = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${s.json<{ id: string }>().id}/sessions`, headers: t.auth });
    const rt = start.json<{ refresh_token: string }>().refresh_token;
    const out = await h.app.server.inject({ method: 'POST', url: '/oauth/revoke', headers: FORM, payload: form({ token: rt }) });
    expect(out.statusCode).toBe(200);
    const again = await token(form({ grant_type: 'refresh_token', refresh_token: rt }));
    expect(again.json<{ error: { code: string } }>().error.code).toBe('TOKEN_REVOKED');
    const unknown = await token(form({ grant_type: 'refresh_token', refresh_token: 'rt_unknown' }));
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('INVALID_GRANT');
  });

  it('keeps old tokens valid after key rotation and publishes both keys', async () => {
    const before = await h.app.services.tokens.issue({ kind: 'client', tenantId: t.tenantId, id: t.clientId, scopes: new Set(['subjects:read']) });
    const oldKid = h.app.services.keys.ring.currentKid;
    const newKid = await h.app.services.keys.rotate();
    expect(newKid).not.toBe(oldKid);
    expect(await code(`Bearer ${before.accessToken}`)).toEqual({ status: 200, code: 'OK' });
    const after = await h.app.services.tokens.issue({ kind: 'client', tenantId: t.tenantId, id: t.clientId, scopes: new Set(['subjects:read']) });
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    const jwks = await h.app.server.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    const kids = jwks.json<{ keys: { kid: string; alg: string; crv: string }[] }>().keys.map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
    expect(jwks.json<{ keys: { d?: string }[] }>().keys.every((k) => k.d === undefined)).toBe(true);
  });
  it('rejects a missing token, alg none, a foreign key, a tampered payload and an expired token, each with its own code', async () => {
    expect(await code('')).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const claims = decodeJwt(t.token);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(await code(`Bearer ${none}`)).toEqual({ status: 401, code: 'TOKEN_ALG_NOT_ALLOWED' });

    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const foreignKid = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: 'someone-else' }).sign(privateKey);
    expect(await code(`Bearer ${foreignKid}`)).toEqual({ status: 401, code: 'TOKEN_UNKNOWN_KEY' });
    const kid = h.app.services.keys.ring.currentKid;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);
    expect(await code(`Bearer ${forged}`)).toEqual({ status: 401, code: 'TOKEN_BAD_SIGNATURE' });

    const [header, , sig] = t.token.split('.');
    const tampered = `${header}.${b64({ ...claims, tid: '00000000-0000-0000-0000-000000000000' })}.${sig}`;
    expect(await code(`Bearer ${tampered}`)).toEqual({ status: 401, code: 'TOKEN_BAD_SIGNATURE' });
    expect(await code('Bearer not.a.jwt')).toEqual({ status: 401, code: 'TOKEN_MALFORMED' });

    const fresh = await h.app.services.tokens.issue({ kind: 'client', tenantId: t.tenantId, id: t.clientId, scopes: new Set(['subjects:read']) });
    expect(await code(`Bearer ${fresh.accessToken}`)).toEqual({ status: 200, code: 'OK' });
    h.clock.advance(601_000);
    expect(await code(`Bearer ${fresh.accessToken}`)).toEqual({ status: 401, code: 'TOKEN_EXPIRED' });
    const neverSeen = await h.app.services.tokens.issue({ kind: 'client', tenantId: t.tenantId, id: t.clientId, scopes: new Set(['subjects:read']) });
    h.clock.advance(601_000);
    expect(await code(`Bearer ${neverSeen.accessToken}`)).toEqual({ status: 401, code: 'TOKEN_EXPIRED' });
  });

});
