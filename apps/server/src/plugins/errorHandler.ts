import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/AppError.ts';
import { toAppError } from '../errors/toAppError.ts';

/**
 * Installs the one error boundary: every error becomes `{ error: { code, message, details? } }`
 * with its registered status. INTERNAL errors are logged with their cause and never leak it.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (appError.status >= 500) request.log.warn({ code: appError.code }, appError.message);
    if (appError.headers) for (const [k, v] of Object.entries(appError.headers)) void reply.header(k, v);
    return reply.status(appError.status).send({
      error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`);
    return reply.status(e.status).send({ error: { code: e.code, message: e.message } });
  });
}
