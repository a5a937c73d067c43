import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/AppError.ts';

/**
 * Rate limits per API client (authenticated routes) and per IP (everything else), in memory or, when
 * `redis` is given, shared across replicas through Redis. Exceeding answers 429 RATE_LIMITED with
 * `Retry-After`.
 */
export async function installRateLimit(app: FastifyInstance, { max, windowS, redis }: { max: number; windowS: number; redis?: Redis | undefined }): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max,
    timeWindow: windowS * 1000,
    ...(redis ? { redis, nameSpace: 'authloop-rl:' } : {}),
    keyGenerator: (request) => (request.principal ? `p:${request.principal.tenantId}:${request.principal.id}` : `ip:${request.ip}`),
    addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true },
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`, {
        details: { limit: context.max, retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      }),
  });
}
