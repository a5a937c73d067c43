import type { Queryable } from '@authloop/store';

/** One authentication attempt, the raw material of risk signals, lockout and retention. */
export interface AttemptInput {
  readonly id: string;
  readonly tenantId: string;
  readonly subjectId: string | null;
  readonly factor: string;
  readonly outcome: 'success' | 'failure';
  readonly ip: string | null;
  readonly ipNetwork: string | null;
  readonly deviceId: string | null;
  readonly riskScore: number | null;
  readonly occurredAt: Date;
}

const count = (rows: { n: string | number }[]) => Number(rows[0]?.n ?? 0);

/** Attempts and factor locks; every query is tenant-scoped. */
export function riskRepository(db: Queryable) {
  return {
    async insertAttempt(a: AttemptInput): Promise<void> {
      await db.query('INSERT INTO auth_attempts (id, tenant_id, subject_id, factor, outcome, ip, ip_network, device_id, risk_score, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
        a.id,
        a.tenantId,
        a.subjectId,
        a.factor,
        a.outcome,
        a.ip,
        a.ipNetwork,
        a.deviceId,
        a.riskScore,
        a.occurredAt,
      ]);
    },
    async subjectCounts(tenantId: string, subjectId: string, failuresSince: Date, velocitySince: Date, factor?: string): Promise<{ failures: number; recent: number }> {
      const f = factor === undefined ? '' : ' AND factor = $4';
      const args = factor === undefined ? [] : [factor];
      const failures = count(await db.query<{ n: string }>(`SELECT count(*) AS n FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2 AND outcome = 'failure' AND occurred_at > $3${f}`, [tenantId, subjectId, failuresSince, ...args]));
      const recent = count(await db.query<{ n: string }>('SELECT count(*) AS n FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2 AND occurred_at > $3', [tenantId, subjectId, velocitySince]));
      return { failures, recent };
    },
    async ipCounts(tenantId: string, ip: string, failuresSince: Date, velocitySince: Date): Promise<{ failures: number; recent: number }> {
      const failures = count(await db.query<{ n: string }>(`SELECT count(*) AS n FROM auth_attempts WHERE tenant_id = $1 AND ip = $2 AND outcome = 'failure' AND occurred_at > $3`, [tenantId, ip, failuresSince]));
      const recent = count(await db.query<{ n: string }>('SELECT count(*) AS n FROM auth_attempts WHERE tenant_id = $1 AND ip = $2 AND occurred_at > $3', [tenantId, ip, velocitySince]));
      return { failures, recent };
    },
    async lastSuccess(tenantId: string, subjectId: string): Promise<{ occurredAt: Date; ipNetwork: string | null } | null> {
      const [row] = await db.query<{ occurred_at: Date; ip_network: string | null }>(
        `SELECT occurred_at, ip_network FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2 AND outcome = 'success' ORDER BY occurred_at DESC LIMIT 1`,
        [tenantId, subjectId],
      );
      return row === undefined ? null : { occurredAt: new Date(row.occurred_at), ipNetwork: row.ip_network };
    },
    async deviceKnown(tenantId: string, subjectId: string, deviceId: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM auth_attempts WHERE tenant_id = $1 AND subject_id = $2 AND device_id = $3 AND outcome = 'success' LIMIT 1`, [tenantId, subjectId, deviceId])).length > 0;
    },
    async lock(tenantId: string, subjectId: string, factor: string, at: Date, until: Date | null): Promise<void> {
      await db.query(
        'INSERT INTO factor_locks (tenant_id, subject_id, factor, locked_at, locked_until) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, subject_id, factor) DO UPDATE SET locked_at = $4, locked_until = $5',
        [tenantId, subjectId, factor, at, until],
      );
    },
    async locks(tenantId: string, subjectId: string, now: Date): Promise<{ factor: string; lockedAt: Date; lockedUntil: Date | null }[]> {
      const rows = await db.query<{ factor: string; locked_at: Date; locked_until: Date | null }>(
        'SELECT factor, locked_at, locked_until FROM factor_locks WHERE tenant_id = $1 AND subject_id = $2 AND (locked_until IS NULL OR locked_until > $3) ORDER BY factor',
        [tenantId, subjectId, now],
      );
      return rows.map((r) => ({ factor: r.factor, lockedAt: new Date(r.locked_at), lockedUntil: r.locked_until === null ? null : new Date(r.locked_until) }));
    },
    async unlock(tenantId: string, subjectId: string, factor: string | null): Promise<string[]> {
      const rows = await db.query<{ factor: string }>('DELETE FROM factor_locks WHERE tenant_id = $1 AND subject_id = $2 AND ($3::text IS NULL OR factor = $3) RETURNING factor', [tenantId, subjectId, factor]);
      return rows.map((r) => r.factor);
    },
  };
}
