import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { clientIdParams, clientView, createClientBody, createdClientView } from './schema.ts';
import { toClientView } from './toClientView.ts';

/**
 * API clients of the caller's tenant, for principals with `tenant:admin` (API clients, and
 * operators with the `admin` role): list, create (the secret is answered once), disable.
 */
export function clientRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['clients'];
    const security = [{ bearer: [] }];
    const config = { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } } as const;

    app.get(
      '/v1/clients',
      { config, schema: { tags, summary: 'List the tenant’s API clients', security, response: { 200: z.object({ items: z.array(clientView) }), ...errorResponses(401, 403) } } },
      async (request) => ({ items: (await services.clients.list(principalOf(request).tenantId)).map(toClientView) }),
    );

    app.post(
      '/v1/clients',
      {
        config,
        schema: {
          tags,
          summary: 'Create an API client; its secret is shown once',
          description: 'The client authenticates at /oauth/token (client_credentials) with its id and secret. Only scopes the caller holds can be granted (INSUFFICIENT_SCOPE otherwise). Audited as client.create.',
          security,
          body: createClientBody,
          response: { 201: createdClientView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const { client, clientSecret } = await services.clients.issue(p.tenantId, request.body, { type: p.kind, id: p.id }, p.scopes);
        return reply.status(201).header('cache-control', 'no-store').send({ ...toClientView(client), clientSecret });
      },
    );

    app.post(
      '/v1/clients/:clientId/disable',
      {
        config,
        schema: {
          tags,
          summary: 'Disable an API client (its secret no longer gets tokens)',
          description: 'Idempotent. Access tokens already issued stop working (within 15 s on other replicas). Audited as client.disable.',
          security,
          params: clientIdParams,
          response: { 200: clientView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const view = toClientView(await services.clients.disable(p.tenantId, request.params.clientId, { type: p.kind, id: p.id }));
        services.principalStatus.forget('client', p.tenantId, request.params.clientId);
        return view;
      },
    );
  };
}
