import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { AppError } from '../../errors/AppError.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { createTenantBody, tenantView } from './platformSchema.ts';
import { createOperatorBody, operatorView, tenantIdParams, toOperatorView } from './schema.ts';

/** Platform administration for superadmins: tenants and their first operators. */
export function platformRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const platform = { auth: { scopes: ['platform:admin'], kinds: ['operator'] } } as const;

    app.get(
      '/v1/platform/tenants',
      { config: platform, schema: { tags: ['platform'], summary: 'List tenants', security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(tenantView) }), ...errorResponses(401, 403) } } },
      async () => ({ items: (await services.tenants.list()).map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString() })) }),
    );

    app.post(
      '/v1/platform/tenants',
      {
        config: platform,
        schema: { tags: ['platform'], summary: 'Create a tenant', security: [{ bearer: [] }], body: createTenantBody, response: { 201: tenantView, ...errorResponses(400, 401, 403) } },
      },
      async (request, reply) => {
        const t = await services.tenants.create({ name: request.body.name });
        return reply.status(201).send({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString() });
      },
    );

    app.post(
      '/v1/platform/tenants/:tenantId/operators',
      {
        config: platform,
        schema: { tags: ['platform'], summary: "Create an operator in a tenant (e.g. its first admin)", security: [{ bearer: [] }], params: tenantIdParams, body: createOperatorBody, response: { 201: operatorView, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        if ((await services.tenants.get(request.params.tenantId)) === null) throw new AppError('TENANT_NOT_FOUND', `No tenant ${request.params.tenantId}.`);
        const o = await services.operators.create({ tenantId: request.params.tenantId, email: request.body.email, role: request.body.role, password: request.body.password }, { type: 'operator', id: p.id });
        return reply.status(201).send(toOperatorView(o));
      },
    );
  };
}
