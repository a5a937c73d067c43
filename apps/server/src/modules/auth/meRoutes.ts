import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';

const meView = z
  .object({
    kind: z.enum(['client', 'subject', 'operator']),
    tenantId: z.uuid(),
    id: z.string(),
    scopes: z.array(z.string()),
  })
  .meta({ id: 'Me' });

/** `GET /v1/me`: who the access token belongs to (any valid token). */
export function meRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/me',
      {
        config: { auth: {} },
        schema: { tags: ['auth'], summary: 'The caller of this access token', security: [{ bearer: [] }], response: { 200: meView, ...errorResponses(401) } },
      },
      async (request) => {
        const p = principalOf(request);
        return { kind: p.kind, tenantId: p.tenantId, id: p.id, scopes: [...p.scopes] };
      },
    );
  };
}
