import type { Redis } from 'ioredis';
import type { Clock } from '../../app/Clock.ts';
import type { ChallengeRecord, ChallengeStore, ConsumeResult } from './ChallengeStore.ts';
import { parseChallengeRecord } from './parseChallengeRecord.ts';

/** Extra time Redis keeps a record (and the tombstone of a used one) beyond its expiry. */
const RETAIN_MS = 60 * 60 * 1000;

/**
 * Challenges in Redis, shared by every replica (`REDIS_URL`). Consuming is `GETDEL`, atomic on the
 * server; a tombstone key remembers used challenges so a replay is reported as such.
 */
export function redisChallengeStore({ redis, clock, prefix = 'authloop-wa:' }: { redis: Redis; clock: Clock; prefix?: string }): ChallengeStore {
  const live = (tenantId: string, key: string) => `${prefix}c:${tenantId}:${key}`;
  const used = (tenantId: string, key: string) => `${prefix}u:${tenantId}:${key}`;
  return {
    kind: 'redis',
    async put(record: ChallengeRecord): Promise<void> {
      const ttl = Math.max(1, new Date(record.expiresAt).getTime() - clock.now().getTime()) + RETAIN_MS;
      await redis.multi().set(live(record.tenantId, record.key), JSON.stringify(record), 'PX', ttl).del(used(record.tenantId, record.key)).exec();
    },
    async consume(tenantId: string, key: string): Promise<ConsumeResult> {
      const raw = await redis.getdel(live(tenantId, key));
      if (raw === null) return (await redis.exists(used(tenantId, key))) === 1 ? { status: 'replayed' } : { status: 'unknown' };
      await redis.set(used(tenantId, key), '1', 'PX', RETAIN_MS);
      const record = parseChallengeRecord(raw);
      return record === null ? { status: 'unknown' } : { status: 'ok', record };
    },
  };
}
