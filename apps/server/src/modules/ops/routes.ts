import type { Database } from '@authloop/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../errors/errorResponses.ts';
import { AppError } from '../../errors/AppError.ts';
import type { Metrics } from '../../plugins/metrics.ts';

/** `/health` (process up), `/ready` (database reachable) and `/metrics` (Prometheus). */
export function opsRoutes({ db, metrics, version }: { db: Database; metrics: Metrics; version: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['ops'], summary: 'Liveness probe: the process is up', response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) } } },
      () => ({ status: 'ok' as const, version }),
    );
    app.get(
      '/ready',
      {
        schema: {
          tags: ['ops'],
          summary: 'Readiness probe: the database answers',
          response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), ...errorResponses(503) },
        },
      },
      async () => {
        if (!(await db.ping())) throw new AppError('NOT_READY', 'The database is not reachable.');
        return { status: 'ready' as const, database: db.driver };
      },
    );
    app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics (text exposition format)', produces: ['text/plain'] } }, async (_req, reply) => {
      void reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  };
}
