import type { Transport } from '../Transport.ts';
import type { CreatedWebhookEndpoint, CreateWebhookInput, WebhookDelivery, WebhookEndpoint } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Webhook endpoints (`/v1/webhooks`): audit actions matching an endpoint's patterns (`face.*`,
 * `transaction.approve`, `*`) are POSTed to it, signed with HMAC-SHA256 in `authloop-signature`.
 * Reading needs `webhooks:read`, changes `webhooks:write` (clients and operators).
 */
export function webhooksApi(t: Transport) {
  return {
    /** `POST /v1/webhooks`: an HTTPS endpoint; the signing `secret` is in this answer only. */
    create: (input: CreateWebhookInput) => t.json<CreatedWebhookEndpoint>({ method: 'POST', path: '/v1/webhooks', json: input }),
    /** `GET /v1/webhooks`: the tenant's endpoints. */
    list: async () => (await t.json<{ items: WebhookEndpoint[] }>({ method: 'GET', path: '/v1/webhooks' })).items,
    /** `DELETE /v1/webhooks/{id}`: removes the endpoint; its pending deliveries fail. */
    remove: (endpointId: string) => t.empty({ method: 'DELETE', path: `/v1/webhooks/${enc(endpointId)}` }),
    /** `GET /v1/webhooks/{id}/deliveries`: recent deliveries, their attempts and last answer. */
    deliveries: async (endpointId: string) => (await t.json<{ items: WebhookDelivery[] }>({ method: 'GET', path: `/v1/webhooks/${enc(endpointId)}/deliveries` })).items,
    /** `POST /v1/webhooks/{id}/test`: queues a `webhook.test` event to this endpoint (audited). */
    test: (endpointId: string) => t.json<{ queued: true }>({ method: 'POST', path: `/v1/webhooks/${enc(endpointId)}/test` }),
  };
}

/** The webhooks group. */
export type WebhooksApi = ReturnType<typeof webhooksApi>;
