import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';

const redisUrl = process.env['AUTHLOOP_TEST_REDIS_URL'];
const stores: ('memory' | 'redis')[] = redisUrl ? ['memory', 'redis'] : ['memory'];

describe.each(stores)('rate limiting (%s store)', (store) => {
  const harnesses: Harness[] = [];
  const redisClients: Redis[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    for (const r of redisClients) await r.quit();
  });

  async function make(): Promise<Harness> {
    let redis: Redis | undefined;
    if (store === 'redis' && redisUrl) {
      redis = new Redis(redisUrl);
      redisClients.push(redis);
    }
    const h = await createHarness('pglite', { env: { AUTHLOOP_RATE_LIMIT_MAX: '5' }, deps: { redis }, realClock: true });
    harnesses.push(h);
    return h;
  }

  it('limits each client separately and answers 429 RATE_LIMITED with Retry-After', async () => {
    const h = await make();
    if (store === 'redis' && redisUrl) await redisClients[0]?.flushdb();
    const a = await h.createTenant('A');
    const b = await h.createTenant('B');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.app.server.inject({ url: '/v1/subjects', headers: a.auth })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await h.app.server.inject({ url: '/v1/subjects', headers: a.auth });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client has its own budget.
    expect((await h.app.server.inject({ url: '/v1/subjects', headers: b.auth })).statusCode).toBe(200);
  });

  it('limits unauthenticated callers per IP', async () => {
    const h = await make();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await h.app.server.inject({ url: '/health', remoteAddress: '10.9.8.7' })).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect((await h.app.server.inject({ url: '/health', remoteAddress: '10.9.8.6' })).statusCode).toBe(200);
  });

  if (store === 'redis') {
    it('shares the budget between two replicas through Redis', async () => {
      const r1 = await make();
      const r2 = await make();
      await redisClients[0]?.flushdb();
      const ip = '10.1.2.3';
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await r1.app.server.inject({ url: '/health', remoteAddress: ip })).statusCode);
      for (let i = 0; i < 3; i++) codes.push((await r2.app.server.inject({ url: '/health', remoteAddress: ip })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      const keys = await redisClients[0]?.keys('authloop-rl:*');
      expect(keys?.length).toBeGreaterThan(0);
    });
  }
});
