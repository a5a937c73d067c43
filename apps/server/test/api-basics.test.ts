import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

describe.each(testDrivers())('API basics on %s', (driver) => {
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

  it('serves /health, /ready, /metrics, /docs and /.well-known/jwks.json without auth', async () => {
    expect((await h.app.server.inject('/health')).json()).toMatchObject({ status: 'ok' });
    expect((await h.app.server.inject('/ready')).json()).toEqual({ status: 'ready', database: driver });
    await h.app.server.inject('/health');
    const metrics = await h.app.server.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/authloop_http_requests_total\{method="GET",route="\/health",status_code="200"\} \d+/);
    expect(metrics.body).toContain('authloop_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('authloop_process_cpu_user_seconds_total');
    const docs = await h.app.server.inject('/docs/json');
    const doc = docs.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/subjects', '/oauth/token', '/.well-known/jwks.json']));
    expect((await h.app.server.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('creates, reads, lists and finds subjects by externalId', async () => {
    const res = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: a.auth, payload: { externalId: 'cust-1', displayName: 'Ada' } });
    expect(res.statusCode).toBe(201);
    const s = res.json<{ id: string; externalId: string; displayName: string }>();
    expect(s).toMatchObject({ externalId: 'cust-1', displayName: 'Ada' });
    expect((await h.app.server.inject({ url: `/v1/subjects/${s.id}`, headers: a.auth })).json()).toMatchObject({ id: s.id });
    const found = await h.app.server.inject({ url: '/v1/subjects?externalId=cust-1', headers: a.auth });
    expect(found.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([s.id]);
    const dup = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: a.auth, payload: { externalId: 'cust-1' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('SUBJECT_EXISTS');
    for (let i = 0; i < 3; i++) await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: a.auth, payload: { externalId: `page-${i}` } });
    const p1 = (await h.app.server.inject({ url: '/v1/subjects?limit=2', headers: a.auth })).json<{ items: { id: string }[]; nextCursor: string }>();
    expect(p1.items).toHaveLength(2);
    const p2 = (await h.app.server.inject({ url: `/v1/subjects?limit=2&cursor=${p1.nextCursor}`, headers: a.auth })).json<{ items: { id: string }[] }>();
    expect(p2.items).toHaveLength(2);
    expect(p2.items.map((i) => i.id)).not.toContain(p1.items[0]?.id);
  });

  it('isolates tenants: another tenant’s subject id answers 404 on every subject endpoint', async () => {
    const res = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: a.auth, payload: { externalId: 'only-a' } });
    const id = res.json<{ id: string }>().id;
    const get = await h.app.server.inject({ url: `/v1/subjects/${id}`, headers: b.auth });
    expect(get.statusCode).toBe(404);
    expect(get.json<ErrorBody>().error.code).toBe('SUBJECT_NOT_FOUND');
    const session = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/sessions`, headers: b.auth });
    expect(session.statusCode).toBe(404);
    const find = await h.app.server.inject({ url: '/v1/subjects?externalId=only-a', headers: b.auth });
    expect(find.json<{ items: unknown[] }>().items).toEqual([]);
    const list = await h.app.server.inject({ url: '/v1/subjects?limit=200', headers: b.auth });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(id);
    // The same externalId may exist in both tenants.
    expect((await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: b.auth, payload: { externalId: 'only-a' } })).statusCode).toBe(201);
  });

  it('answers bad input with precise 4xx codes', async () => {
    const post = (payload: string, headers: Record<string, string>) => h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: { ...a.auth, ...headers }, payload });
    const json = { 'content-type': 'application/json' };
    const cases: [string, Record<string, string>, number, string][] = [
      ['{"externalId": ', json, 400, 'INVALID_JSON'],
      ['', json, 400, 'INVALID_JSON'],
      ['externalId=x', { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['<x/>', { 'content-type': 'application/xml' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [JSON.stringify({ externalId: 'x', admin: true }), json, 400, 'UNKNOWN_FIELD'],
      [JSON.stringify({ externalId: 42 }), json, 400, 'INVALID_FIELD'],
      [JSON.stringify({}), json, 400, 'MISSING_FIELD'],
      [JSON.stringify({ externalId: 'x'.repeat(2 * 1024 * 1024) }), json, 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [payload, headers, status, code] of cases) {
      const res = await post(payload, headers);
      expect({ status: res.statusCode, code: res.json<ErrorBody>().error.code }).toEqual({ status, code });
      expect(res.json<ErrorBody>().error.message.length).toBeGreaterThan(5);
    }
    const badId = await h.app.server.inject({ url: '/v1/subjects/not-a-uuid', headers: a.auth });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<ErrorBody>().error.code).toBe('INVALID_FIELD');
    const missing = await h.app.server.inject({ url: `/v1/subjects/${randomUUID()}`, headers: a.auth });
    expect(missing.json<ErrorBody>().error.code).toBe('SUBJECT_NOT_FOUND');
    const badQuery = await h.app.server.inject({ url: '/v1/subjects?limit=abc', headers: a.auth });
    expect(badQuery.json<ErrorBody>().error.code).toBe('INVALID_FIELD');
    const badCursor = await h.app.server.inject({ url: '/v1/subjects?cursor=zzz', headers: a.auth });
    expect(badCursor.json<ErrorBody>().error.code).toBe('INVALID_FIELD');
    const route = await h.app.server.inject({ url: '/v1/nothing-here' });
    expect(route.json<ErrorBody>().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('turns unexpected errors into INTERNAL without leaking the cause', async () => {
    h.app.server.log.level = 'silent';
    const original = h.app.services.subjects.get.bind(h.app.services.subjects);
    h.app.services.subjects.get = () => Promise.reject(new Error('secret database detail'));
    try {
      const res = await h.app.server.inject({ url: `/v1/subjects/${randomUUID()}`, headers: a.auth });
      expect(res.statusCode).toBe(500);
      expect(res.json<ErrorBody>().error.code).toBe('INTERNAL');
      expect(res.body).not.toContain('secret database detail');
    } finally {
      h.app.services.subjects.get = original;
    }
  });

  it('echoes a request id', async () => {
    const res = await h.app.server.inject({ url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
  });
});
