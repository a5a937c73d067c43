import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentials, createAuthloopClient, isAuthloopError, parsePrometheus, sessionTokens } from '../src/index.ts';
import type { AuthloopClient, ErrorCode } from '../src/index.ts';
import { codeOf } from './support/codeOf.ts';
import { credentialsClient } from './support/credentialsClient.ts';
import { startTestServer } from './support/startTestServer.ts';
import type { TestServer } from './support/startTestServer.ts';

describe('SDK against a running server', () => {
  let s: TestServer;
  let api: AuthloopClient;

  beforeAll(async () => {
    s = await startTestServer();
    api = s.api;
  });
  afterAll(async () => {
    await s.close();
  });

  it('reads the ops endpoints and parses the metrics', async () => {
    expect((await api.ops.health()).status).toBe('ok');
    expect((await api.ops.ready()).database).toBe('pglite');
    const jwks = await api.ops.jwks();
    expect(jwks.keys[0]?.kty).toBe('OKP');
    const samples = parsePrometheus(await api.ops.metrics());
    const health = samples.find((m) => m.name === 'authloop_http_requests_total' && m.labels['route'] === '/health');
    expect(health?.value).toBeGreaterThanOrEqual(1);
  });

  it('creates, lists, finds and gets subjects with client credentials', async () => {
    const externalId = `sdk-${randomUUID()}`;
    const created = await api.subjects.create({ externalId, displayName: 'Ada' });
    expect(created.externalId).toBe(externalId);
    expect((await api.subjects.get(created.id)).displayName).toBe('Ada');
    expect((await api.subjects.findByExternalId(externalId))?.id).toBe(created.id);
    expect(await api.subjects.findByExternalId('nobody')).toBeNull();
    await api.subjects.create({ externalId: `${externalId}-2` });
    const page = await api.subjects.list({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await api.subjects.list({ limit: 1, cursor: page.nextCursor ?? undefined });
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
  });

  it('turns error answers into typed codes', async () => {
    const externalId = `dup-${randomUUID()}`;
    await api.subjects.create({ externalId });
    const dup = await codeOf(api.subjects.create({ externalId }));
    expect(dup).toBe('SUBJECT_EXISTS' satisfies ErrorCode);
    expect(await codeOf(api.subjects.get(randomUUID()))).toBe('SUBJECT_NOT_FOUND');
    expect(await codeOf(api.subjects.get('not-a-uuid'))).toBe('INVALID_FIELD');
    const anonymous = createAuthloopClient({ baseUrl: s.baseUrl });
    const e = await anonymous.subjects.list().catch((err: unknown) => err);
    expect(isAuthloopError(e, 'UNAUTHENTICATED')).toBe(true);
    expect(isAuthloopError(e, 'FORBIDDEN')).toBe(false);
    if (isAuthloopError(e)) {
      expect(e.status).toBe(401);
      expect(e.requestId).toMatch(/.+/);
    }
    const wrong = clientCredentials({ clientId: s.tenant.clientId, clientSecret: 'wrong', baseUrl: s.baseUrl });
    expect(await codeOf(wrong.token())).toBe('INVALID_CLIENT');
    const down = createAuthloopClient({ baseUrl: 'http://127.0.0.1:9' });
    expect(await codeOf(down.ops.health())).toBe('NETWORK_ERROR');
  });

  it('narrows the client-credentials scope and refuses scopes the client lacks', async () => {
    const readOnly = credentialsClient({ baseUrl: s.baseUrl, clientId: s.tenant.clientId, clientSecret: s.tenant.clientSecret, scope: 'subjects:read' });
    expect(Array.isArray((await readOnly.subjects.list()).items)).toBe(true);
    expect(await codeOf(readOnly.subjects.create({ externalId: `ro-${randomUUID()}` }))).toBe('INSUFFICIENT_SCOPE');
  });

  it('runs a subject session: rotates the refresh token, then logs out', async () => {
    const subject = await api.subjects.create({ externalId: `session-${randomUUID()}` });
    const t = await api.subjects.startSession(subject.id);
    const seen: string[] = [];
    const session = sessionTokens({ accessToken: t.access_token, refreshToken: t.refresh_token, expiresIn: t.expires_in, baseUrl: s.baseUrl, onChange: (st) => seen.push(st.refreshToken) });
    expect(await session.token()).toBe(t.access_token);
    session.invalidate?.();
    const fresh = await session.token();
    expect(fresh).not.toBe(t.access_token);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(t.refresh_token);
    // The old refresh token was rotated away: reusing it is detected.
    const reuse = sessionTokens({ accessToken: t.access_token, refreshToken: t.refresh_token, expiresIn: 0, baseUrl: s.baseUrl });
    expect(await codeOf(reuse.token())).toBe('REFRESH_TOKEN_REUSED');
    await session.logout();
  });
});
