import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import { startComplianceJobs } from '../src/modules/compliance/startComplianceJobs.ts';
import { MAX_ATTEMPTS } from '../src/modules/webhooks/webhookService.ts';
import { verifyWebhookSignature } from '../src/modules/webhooks/signWebhook.ts';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on a free port; `answer` decides each response status. */
async function receiver(answer: (n: number) => number): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer(received.length);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(testDrivers())('webhooks on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: { authorization: string }, payload?: object) => h.app.server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  type Delivery = { status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; eventType: string; nextAttemptAt: string | null };
  const deliveries = async (endpointId: string) => (await req('GET', `/v1/webhooks/${endpointId}/deliveries`, t.auth)).json<{ items: Delivery[] }>().items;

  beforeAll(async () => {
    h = await createHarness(driver);
  });
  afterAll(async () => {
    await h.close();
  });

  it('delivers a signed event written in the same transaction as the change', async () => {
    t = await h.createTenant();
    const r = await receiver(() => 204);
    try {
      const created = await req('POST', '/v1/webhooks', t.auth, { url: r.url, events: ['subject.*', 'privacy.erase'] });
      expect(created.statusCode).toBe(201);
      const { id, secret } = created.json<{ id: string; secret: string }>();
      expect(secret).toMatch(/^whsec_/);
      expect((await req('GET', '/v1/webhooks', t.auth)).body).not.toContain(secret);

      const subject = (await req('POST', '/v1/subjects', t.auth, { externalId: 'hooked' })).json<{ id: string }>();
      // A rolled-back change leaves no outbox row.
      await expect(
        h.db.transaction(async (tx) => {
          await h.app.services.audit.record(tx, { tenantId: t.tenantId, actor: { type: 'system', id: null }, action: 'subject.update', subjectId: subject.id, outcome: 'success' });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await deliveries(id)).map((d) => [d.eventType, d.status])).toEqual([['subject.create', 'pending']]);

      expect(await h.app.services.webhooks.deliverDue()).toBe(1);
      expect(r.received).toHaveLength(1);
      const got = r.received[0];
      if (got === undefined) throw new Error('nothing received');
      const sig = verifyWebhookSignature({ secret, header: String(got.headers['authloop-signature']), body: got.body, now: h.clock.now() });
      expect(sig.valid).toBe(true);
      expect(verifyWebhookSignature({ secret, header: String(got.headers['authloop-signature']), body: got.body.replace('subject.create', 'subject.delete'), now: h.clock.now() }).valid).toBe(false);
      const payload = JSON.parse(got.body) as { type: string; subjectId: string; outcome: string; auditSeq: number };
      expect(payload).toMatchObject({ type: 'subject.create', subjectId: subject.id, outcome: 'success' });
      expect(got.headers['authloop-event-type']).toBe('subject.create');
      expect((await deliveries(id))[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204, nextAttemptAt: null });

      await req('POST', `/v1/subjects/${subject.id}/erasure`, t.auth);
      await h.app.services.webhooks.deliverDue();
      expect(JSON.parse(r.received[1]?.body ?? '{}')).toMatchObject({ type: 'privacy.erase', subjectId: subject.id });
    } finally {
      await r.close();
    }
  });

  it('retries with exponential backoff until the receiver accepts, showing each status', async () => {
    t = await h.createTenant();
    const r = await receiver((n) => (n <= 2 ? 500 : 200));
    try {
      const { id } = (await req('POST', '/v1/webhooks', t.auth, { url: r.url, events: ['webhook.test'] })).json<{ id: string }>();
      await req('POST', `/v1/webhooks/${id}/test`, t.auth);
      expect(await h.app.services.webhooks.deliverDue()).toBe(1);
      expect((await deliveries(id))[0]).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(await h.app.services.webhooks.deliverDue()).toBe(0);
      h.clock.advance(29_000);
      expect(await h.app.services.webhooks.deliverDue()).toBe(0);
      h.clock.advance(1_000);
      expect(await h.app.services.webhooks.deliverDue()).toBe(1);
      expect((await deliveries(id))[0]).toMatchObject({ status: 'pending', attempts: 2 });
      h.clock.advance(59_000);
      expect(await h.app.services.webhooks.deliverDue()).toBe(0);
      h.clock.advance(1_000);
      expect(await h.app.services.webhooks.deliverDue()).toBe(1);
      expect((await deliveries(id))[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
      expect(r.received.map((x) => x.headers['authloop-delivery-id'])).toEqual(Array(3).fill(r.received[0]?.headers['authloop-delivery-id']));
    } finally {
      await r.close();
    }
  });

  it('gives up after the last attempt against an unreachable endpoint', async () => {
    t = await h.createTenant();
    const r = await receiver(() => 200);
    await r.close();
    const { id } = (await req('POST', '/v1/webhooks', t.auth, { url: r.url, events: ['webhook.test'] })).json<{ id: string }>();
    await req('POST', `/v1/webhooks/${id}/test`, t.auth);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await h.app.services.webhooks.deliverDue()).toBe(1);
      h.clock.advance(7 * 3600_000);
    }
    const [d] = await h.app.services.webhooks.deliveries(t.tenantId, id);
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: null });
    expect(d?.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    expect(await h.app.services.webhooks.deliverDue()).toBe(0);
  });

  it('refuses non-HTTPS URLs, and lets auditors read but not register', async () => {
    t = await h.createTenant();
    const bad = await req('POST', '/v1/webhooks', t.auth, { url: 'http://bank.example/hook', events: ['*'] });
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('WEBHOOK_URL_REJECTED');
    expect((await req('POST', '/v1/webhooks', t.auth, { url: 'https://bank.example/hook', events: ['face.*'] })).statusCode).toBe(201);
    const PASSWORD = 'correct-fjord-lamp-quiz';
    await h.app.services.operators.create({ tenantId: t.tenantId, email: 'aud@bank.test', role: 'auditor', password: PASSWORD }, { type: 'system', id: null });
    const s = await h.app.services.operators.signIn({ tenantId: t.tenantId, email: 'aud@bank.test', password: PASSWORD });
    if (s.status !== 'signed-in') throw new Error('expected a session');
    const auditor = { authorization: `Bearer ${s.tokens.accessToken}` };
    expect((await req('GET', '/v1/webhooks', auditor)).statusCode).toBe(200);
    const denied = await req('POST', '/v1/webhooks', auditor, { url: 'https://bank.example/x', events: ['*'] });
    expect(denied.json<{ error: { code: string } }>().error.code).toBe('INSUFFICIENT_SCOPE');
    const other = await h.createTenant('Other');
    const mine = (await req('GET', '/v1/webhooks', t.auth)).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    expect((await req('GET', `/v1/webhooks/${mine}/deliveries`, other.auth)).statusCode).toBe(404);
  });

  it('never delivers one event twice when workers run at once, and the background job delivers on its own', async () => {
    t = await h.createTenant();
    const r = await receiver(() => 200);
    try {
      const { id } = (await req('POST', '/v1/webhooks', t.auth, { url: r.url, events: ['webhook.test'] })).json<{ id: string }>();
      await req('POST', `/v1/webhooks/${id}/test`, t.auth);
      const counts = await Promise.all([h.app.services.webhooks.deliverDue(), h.app.services.webhooks.deliverDue(), h.app.services.webhooks.deliverDue()]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(r.received).toHaveLength(1);

      await req('POST', `/v1/webhooks/${id}/test`, t.auth);
      const stop = startComplianceJobs(h.app.services, h.app.server.log, { webhookDeliveryMs: 50, auditCheckpointMs: 50, retentionMs: 60_000 });
      try {
        const checkpoints = async () => Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_checkpoints WHERE tenant_id = $1', [t.tenantId]))[0]?.n);
        for (let i = 0; i < 100 && (r.received.length < 2 || (await checkpoints()) === 0); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        stop();
      }
      expect(r.received).toHaveLength(2);
      expect((await h.app.services.auditTrail.verify(t.tenantId)).anchoredThrough).toBeGreaterThan(0);
    } finally {
      await r.close();
    }
  });
});
