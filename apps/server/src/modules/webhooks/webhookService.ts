import { randomBytes, randomUUID } from 'node:crypto';
import { decrypt, encrypt } from '@authloop/crypto';
import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor, AuditEvent } from '../audit/AuditEvent.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { checkWebhookUrl, matchesEvent } from './checkWebhookUrl.ts';
import { signWebhook, SIGNATURE_HEADER } from './signWebhook.ts';
import { webhookRepository } from './webhookRepository.ts';
import type { WebhookDelivery, WebhookEndpoint } from './webhookRepository.ts';

/** Attempts before a delivery is marked failed. */
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;
const LEASE_MS = 60_000;

/** Delay before retry number `attempt` (1-based): 30 s, 1 min, 2 min, … capped at 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * Webhooks: tenants register HTTPS endpoints for audit actions (`face.enrol`, `transaction.*`,
 * `privacy.erase`, …). Every audited event that matches writes an outbox row in the event's own
 * transaction; `deliverDue` posts them signed (HMAC-SHA256 over timestamp and body), retrying with
 * exponential backoff, and records each delivery's status.
 */
export function webhookService({ db, tenantKeys, audit, clock, allowLoopbackHttp, fetchImpl = fetch, timeoutMs = 10_000 }: { db: Database; tenantKeys: TenantKeyService; audit: AuditLog; clock: Clock; allowLoopbackHttp: boolean; fetchImpl?: typeof fetch; timeoutMs?: number }) {
  const aad = (e: Pick<WebhookEndpoint, 'tenantId' | 'id'>) => `webhook-secret:${e.tenantId}:${e.id}`;

  async function secretOf(e: WebhookEndpoint): Promise<string> {
    const key = await tenantKeys.byId(e.tenantId, e.tenantKeyId);
    return Buffer.from(decrypt(key, Buffer.from(e.secretEnc, 'base64'), aad(e))).toString('utf8');
  }

  /** Writes the outbox for one audited event, inside its transaction (to `only` when given). */
  async function enqueue(tx: Queryable, event: AuditEvent, appended: { seq: number; occurredAt: string }, only?: string): Promise<void> {
    const endpoints = (await webhookRepository(tx).activeEndpoints(event.tenantId)).filter((e) => (only === undefined ? matchesEvent(e.events, event.action) : e.id === only));
    if (endpoints.length === 0) return;
    const repo = webhookRepository(tx);
    const id = randomUUID();
    const payload = { id, type: event.action, tenantId: event.tenantId, occurredAt: appended.occurredAt, auditSeq: appended.seq, subjectId: event.subjectId ?? null, outcome: event.outcome, details: event.details ?? {} };
    await repo.insertEvent({ id, tenantId: event.tenantId, type: event.action, payload, createdAt: clock.now() });
    for (const e of endpoints) await repo.insertDelivery({ id: randomUUID(), tenantId: event.tenantId, endpointId: e.id, eventId: id, at: clock.now() });
  }
  audit.onRecord((tx, event, appended) => enqueue(tx, event, appended));

  async function post(url: string, body: string, headers: Record<string, string>): Promise<{ statusCode: number | null; error: string | null }> {
    try {
      const res = await fetchImpl(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      return { statusCode: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}` };
    } catch (error) {
      return { statusCode: null, error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : 'request failed' };
    }
  }

  return {
    enqueue,

    /** Registers an endpoint; the signing secret is returned here only. Audited as `webhook.create`. */
    async create(tenantId: string, input: { url: string; events: readonly string[] }, actor: AuditActor): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
      const checked = checkWebhookUrl(input.url, { allowLoopbackHttp });
      if (!checked.ok) throw new AppError('WEBHOOK_URL_REJECTED', checked.message);
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      return db.transaction(async (tx) => {
        const key = await tenantKeys.current(tenantId, tx);
        const id = randomUUID();
        const secretEnc = Buffer.from(encrypt(key.key, Buffer.from(secret, 'utf8'), aad({ tenantId, id }))).toString('base64');
        const endpoint: WebhookEndpoint = { id, tenantId, url: checked.url, events: [...input.events], secretEnc, tenantKeyId: key.keyId, createdAt: clock.now() };
        await webhookRepository(tx).insertEndpoint(endpoint);
        await audit.record(tx, { tenantId, actor, action: 'webhook.create', outcome: 'success', details: { endpointId: id, url: checked.url, events: input.events.join(',') } });
        return { endpoint, secret };
      });
    },

    list: (tenantId: string) => webhookRepository(db).activeEndpoints(tenantId),

    /** Queues a `webhook.test` event for one endpoint (audited; endpoints subscribed to it get it too). */
    async sendTest(tenantId: string, endpointId: string, actor: AuditActor): Promise<void> {
      await db.transaction(async (tx) => {
        const endpoint = await webhookRepository(tx).endpoint(tenantId, endpointId);
        if (endpoint === null) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook endpoint ${endpointId} in this tenant.`);
        const event: AuditEvent = { tenantId, actor, action: 'webhook.test', outcome: 'success', details: { endpointId } };
        await audit.record(tx, event);
        if (!matchesEvent(endpoint.events, event.action)) await enqueue(tx, event, { seq: 0, occurredAt: clock.now().toISOString() }, endpointId);
      });
    },

    async remove(tenantId: string, id: string, actor: AuditActor): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await webhookRepository(tx).disableEndpoint(tenantId, id, clock.now()))) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook endpoint ${id} in this tenant.`);
        await audit.record(tx, { tenantId, actor, action: 'webhook.delete', outcome: 'success', details: { endpointId: id } });
      });
    },

    async deliveries(tenantId: string, endpointId: string, limit = 100): Promise<WebhookDelivery[]> {
      if ((await webhookRepository(db).endpoint(tenantId, endpointId)) === null) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook endpoint ${endpointId} in this tenant.`);
      return webhookRepository(db).deliveries(tenantId, endpointId, limit);
    },

    /** Sends every due delivery once (the background job calls this every few seconds). Returns how many were attempted. */
    async deliverDue(limit = 50): Promise<number> {
      const now = clock.now();
      const claimed = await db.transaction((tx) => webhookRepository(tx).claimDue(now, new Date(now.getTime() + LEASE_MS), limit));
      for (const d of claimed) {
        const body = JSON.stringify(d.payload);
        const timestampS = Math.floor(clock.now().getTime() / 1000);
        const r = await post(d.endpoint.url, body, {
          'content-type': 'application/json',
          'user-agent': 'Authloop-Webhooks/1',
          'authloop-event-id': d.eventId,
          'authloop-event-type': d.eventType,
          'authloop-delivery-id': d.id,
          [SIGNATURE_HEADER]: signWebhook(await secretOf(d.endpoint), timestampS, body),
        });
        const attempt = d.attempts + 1;
        const delivered = r.error === null;
        const status = delivered ? 'delivered' : attempt >= MAX_ATTEMPTS ? 'failed' : 'pending';
        const at = clock.now();
        await webhookRepository(db).recordAttempt(d.id, { status, statusCode: r.statusCode, error: r.error, nextAttemptAt: new Date(at.getTime() + (delivered ? 0 : retryDelayMs(attempt))), deliveredAt: delivered ? at : null });
      }
      return claimed.length;
    },
  };
}

export type WebhookService = ReturnType<typeof webhookService>;
