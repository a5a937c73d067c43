import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { activityQuery, activityReportView } from './schema.ts';

/**
 * `GET /v1/ops/activity`: the admin dashboard's attempt and liveness counts. Read with `audit:read`
 * (the counts are aggregates of the audit log): API clients, `admin` and `auditor` operators.
 */
export function activityRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/ops/activity',
      {
        config: { auth: { scopes: ['audit:read'], kinds: ['client', 'operator'] } },
        schema: {
          tags: ['ops'],
          summary: 'Authentication attempts and liveness results per UTC day',
          description:
            "Counts the caller's tenant's authentication attempts (audit actions face.verify, face.identify, passkey.authenticate, liveness.session.complete, transaction.approve, operator.sign-in) by action and outcome, and the liveness sessions completed (passed/failed, failure reasons), for the last `days` UTC days including today. Days without activity are answered with zeros.",
          security: [{ bearer: [] }],
          querystring: activityQuery,
          response: { 200: activityReportView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => services.activity.report(principalOf(request).tenantId, request.query.days),
    );
  };
}
