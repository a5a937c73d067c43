import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { ChallengeRecord, ChallengeStore, ConsumeResult } from './ChallengeStore.ts';
import { parseChallengeRecord } from './parseChallengeRecord.ts';

/** How long a used or expired challenge row is kept (to answer "replayed"/"expired" precisely). */
const RETAIN_MS = 60 * 60 * 1000;

/**
 * Challenges in the `webauthn_challenges` table (the default, single node or many). Consuming is one
 * `UPDATE … WHERE used_at IS NULL`, so two concurrent uses of one challenge cannot both succeed.
 */
export function databaseChallengeStore({ db, clock }: { db: Database; clock: Clock }): ChallengeStore {
  return {
    kind: 'database',
    async put(record: ChallengeRecord): Promise<void> {
      const now = clock.now();
      await db.query('DELETE FROM webauthn_challenges WHERE expires_at < $1', [new Date(now.getTime() - RETAIN_MS)]);
      await db.query(
        `INSERT INTO webauthn_challenges (tenant_id, key, record, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, key) DO UPDATE SET record = EXCLUDED.record, expires_at = EXCLUDED.expires_at, used_at = NULL`,
        [record.tenantId, record.key, JSON.stringify(record), record.expiresAt],
      );
    },
    async consume(tenantId: string, key: string): Promise<ConsumeResult> {
      const [row] = await db.query<{ record: unknown }>(
        'UPDATE webauthn_challenges SET used_at = $3 WHERE tenant_id = $1 AND key = $2 AND used_at IS NULL RETURNING record',
        [tenantId, key, clock.now()],
      );
      if (row !== undefined) {
        const record = parseChallengeRecord(row.record);
        return record === null ? { status: 'unknown' } : { status: 'ok', record };
      }
      const [used] = await db.query('SELECT 1 FROM webauthn_challenges WHERE tenant_id = $1 AND key = $2', [tenantId, key]);
      return used === undefined ? { status: 'unknown' } : { status: 'replayed' };
    },
  };
}
