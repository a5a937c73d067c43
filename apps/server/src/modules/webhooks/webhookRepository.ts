import type { Queryable } from '@authloop/store';

/** A registered endpoint (the secret stays sealed here). */
export interface WebhookEndpoint {
  readonly id: string;
  readonly tenantId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly secretEnc: string;
  readonly tenantKeyId: string;
  readonly createdAt: Date;
}

/** One delivery of one event to one endpoint, with its status. */
export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
}

interface EndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  events: string[];
  secret_enc: string;
  tenant_key_id: string;
  created_at: Date;
}
interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({ id: r.id, tenantId: r.tenant_id, url: r.url, events: r.events, secretEnc: r.secret_enc, tenantKeyId: r.tenant_key_id, createdAt: new Date(r.created_at) });
const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.type,
  status: r.status,
  attempts: Number(r.attempts),
  nextAttemptAt: new Date(r.next_attempt_at),
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  deliveredAt: r.delivered_at === null ? null : new Date(r.delivered_at),
  createdAt: new Date(r.created_at),
});

/** Endpoints, the event outbox and deliveries. Tenant-scoped except the worker's due-queue claim. */
export function webhookRepository(db: Queryable) {
  return {
    async insertEndpoint(e: WebhookEndpoint): Promise<void> {
      await db.query('INSERT INTO webhook_endpoints (id, tenant_id, url, events, secret_enc, tenant_key_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [e.id, e.tenantId, e.url, [...e.events], e.secretEnc, e.tenantKeyId, e.createdAt]);
    },
    async activeEndpoints(tenantId: string): Promise<WebhookEndpoint[]> {
      return (await db.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE tenant_id = $1 AND disabled_at IS NULL ORDER BY created_at, id', [tenantId])).map(toEndpoint);
    },
    async endpoint(tenantId: string, id: string): Promise<WebhookEndpoint | null> {
      const [row] = await db.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL', [tenantId, id]);
      return row === undefined ? null : toEndpoint(row);
    },
    async disableEndpoint(tenantId: string, id: string, at: Date): Promise<boolean> {
      return (await db.query('UPDATE webhook_endpoints SET disabled_at = $3 WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL RETURNING id', [tenantId, id, at])).length > 0;
    },
    async insertEvent(e: { id: string; tenantId: string; type: string; payload: unknown; createdAt: Date }): Promise<void> {
      await db.query('INSERT INTO webhook_events (id, tenant_id, type, payload, created_at) VALUES ($1, $2, $3, $4, $5)', [e.id, e.tenantId, e.type, JSON.stringify(e.payload), e.createdAt]);
    },
    async insertDelivery(d: { id: string; tenantId: string; endpointId: string; eventId: string; at: Date }): Promise<void> {
      await db.query("INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, 'pending', $5, $5)", [d.id, d.tenantId, d.endpointId, d.eventId, d.at]);
    },
    async deliveries(tenantId: string, endpointId: string, limit: number): Promise<WebhookDelivery[]> {
      const rows = await db.query<DeliveryRow>(
        'SELECT d.*, e.type FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.tenant_id = $1 AND d.endpoint_id = $2 ORDER BY d.created_at DESC, d.id DESC LIMIT $3',
        [tenantId, endpointId, limit],
      );
      return rows.map(toDelivery);
    },
    /**
     * Claims up to `limit` due deliveries for this worker: rows are locked with SKIP LOCKED (other
     * replicas skip them) and leased by moving `next_attempt_at` to `leaseUntil`.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<{ id: string; tenantId: string; attempts: number; endpoint: WebhookEndpoint; eventId: string; eventType: string; payload: unknown }[]> {
      const rows = await db.query<{ id: string; tenant_id: string; attempts: number; endpoint_id: string; event_id: string; event_type: string; payload: unknown }>(
        `SELECT d.id, d.tenant_id, d.attempts, d.endpoint_id, d.event_id, e.type AS event_type, e.payload FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.next_attempt_at LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
        [now, limit],
      );
      const out = [];
      for (const r of rows) {
        await db.query('UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE id = $1', [r.id, leaseUntil]);
        const endpoint = await this.endpoint(r.tenant_id, r.endpoint_id);
        if (endpoint === null) {
          await db.query("UPDATE webhook_deliveries SET status = 'failed', last_error = 'endpoint disabled' WHERE id = $1", [r.id]);
          continue;
        }
        out.push({ id: r.id, tenantId: r.tenant_id, attempts: Number(r.attempts), endpoint, eventId: r.event_id, eventType: r.event_type, payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as unknown) : r.payload });
      }
      return out;
    },
    async recordAttempt(id: string, r: { status: 'pending' | 'delivered' | 'failed'; statusCode: number | null; error: string | null; nextAttemptAt: Date; deliveredAt: Date | null }): Promise<void> {
      await db.query('UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status_code = $3, last_error = $4, next_attempt_at = $5, delivered_at = $6 WHERE id = $1', [
        id,
        r.status,
        r.statusCode,
        r.error,
        r.nextAttemptAt,
        r.deliveredAt,
      ]);
    },
  };
}
