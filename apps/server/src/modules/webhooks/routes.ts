import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import type { WebhookDelivery, WebhookEndpoint } from './webhookRepository.ts';
import { createdEndpointView, createEndpointBody, deliveryView, endpointParams, endpointView } from './schema.ts';

const toEndpointView = (e: WebhookEndpoint) => ({ id: e.id, url: e.url, events: [...e.events], createdAt: e.createdAt.toISOString() });
const toDeliveryView = (d: WebhookDelivery) => ({ ...d, nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null, deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString() });

/** Webhook endpoints and their delivery status. */
export function webhookRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const write = { auth: { scopes: ['webhooks:write'], kinds: ['client', 'operator'] } } as const;
    const read = { auth: { scopes: ['webhooks:read'], kinds: ['client', 'operator'] } } as const;

    app.post(
      '/v1/webhooks',
      {
        config: write,
        schema: {
          tags: ['webhooks'],
          summary: 'Register an HTTPS endpoint for events; the signing secret is shown once',
          security: [{ bearer: [] }],
          body: createEndpointBody,
          response: { 201: createdEndpointView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const { endpoint, secret } = await services.webhooks.create(p.tenantId, request.body, { type: p.kind, id: p.id });
        return reply.status(201).send({ ...toEndpointView(endpoint), secret });
      },
    );

    app.get(
      '/v1/webhooks',
      { config: read, schema: { tags: ['webhooks'], summary: 'List endpoints', security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(endpointView) }), ...errorResponses(401, 403) } } },
      async (request) => ({ items: (await services.webhooks.list(principalOf(request).tenantId)).map(toEndpointView) }),
    );

    app.delete(
      '/v1/webhooks/:endpointId',
      { config: write, schema: { tags: ['webhooks'], summary: 'Remove an endpoint (pending deliveries fail)', security: [{ bearer: [] }], params: endpointParams, response: { 204: z.null(), ...errorResponses(401, 403, 404) } } },
      async (request, reply) => {
        const p = principalOf(request);
        await services.webhooks.remove(p.tenantId, request.params.endpointId, { type: p.kind, id: p.id });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/webhooks/:endpointId/deliveries',
      {
        config: read,
        schema: { tags: ['webhooks'], summary: 'Recent deliveries and their status', security: [{ bearer: [] }], params: endpointParams, response: { 200: z.object({ items: z.array(deliveryView) }), ...errorResponses(401, 403, 404) } },
      },
      async (request) => ({ items: (await services.webhooks.deliveries(principalOf(request).tenantId, request.params.endpointId)).map(toDeliveryView) }),
    );

    app.post(
      '/v1/webhooks/:endpointId/test',
      { config: write, schema: { tags: ['webhooks'], summary: 'Send a webhook.test event (audited) to check an endpoint', security: [{ bearer: [] }], params: endpointParams, response: { 202: z.object({ queued: z.literal(true) }), ...errorResponses(401, 403, 404) } } },
      async (request, reply) => {
        const p = principalOf(request);
        await services.webhooks.deliveries(p.tenantId, request.params.endpointId, 1);
        await services.webhooks.sendTest(p.tenantId, request.params.endpointId, { type: p.kind, id: p.id });
        return reply.status(202).send({ queued: true as const });
      },
    );
  };
}
