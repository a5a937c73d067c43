import type { Queryable } from '@authloop/store';

/** Counts of one audit action and outcome on one UTC day. */
export interface AttemptCountRow {
  readonly day: string;
  readonly action: string;
  readonly outcome: string;
  readonly count: number;
}

/** Liveness sessions completed on one UTC day with one status. */
export interface LivenessCountRow {
  readonly day: string;
  readonly status: string;
  readonly count: number;
}

const DAY = `'YYYY-MM-DD'`;

/** Aggregate reads for the activity dashboard. Every query is tenant-scoped; the window is [from, to). */
export function activityRepository(db: Queryable) {
  return {
    async attempts(tenantId: string, from: Date, to: Date, actions: readonly string[]): Promise<AttemptCountRow[]> {
      const rows = await db.query<{ day: string; action: string; outcome: string; n: string | number }>(
        `SELECT to_char(occurred_at AT TIME ZONE 'UTC', ${DAY}) AS day, action, outcome, count(*) AS n
           FROM audit_events
          WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND action = ANY($4::text[])
          GROUP BY 1, 2, 3`,
        [tenantId, from, to, actions],
      );
      return rows.map((r) => ({ day: r.day, action: r.action, outcome: r.outcome, count: Number(r.n) }));
    },

    async livenessResults(tenantId: string, from: Date, to: Date): Promise<LivenessCountRow[]> {
      const rows = await db.query<{ day: string; status: string; n: string | number }>(
        `SELECT to_char(completed_at AT TIME ZONE 'UTC', ${DAY}) AS day, status, count(*) AS n
           FROM liveness_sessions
          WHERE tenant_id = $1 AND completed_at >= $2 AND completed_at < $3 AND status IN ('passed', 'failed')
          GROUP BY 1, 2`,
        [tenantId, from, to],
      );
      return rows.map((r) => ({ day: r.day, status: r.status, count: Number(r.n) }));
    },

    /** Reason codes of the sessions that failed in the window, most frequent first. */
    async livenessReasons(tenantId: string, from: Date, to: Date): Promise<{ reason: string; count: number }[]> {
      const rows = await db.query<{ reason: string; n: string | number }>(
        `SELECT r.reason, count(*) AS n
           FROM liveness_sessions s CROSS JOIN LATERAL unnest(s.reasons) AS r(reason)
          WHERE s.tenant_id = $1 AND s.completed_at >= $2 AND s.completed_at < $3 AND s.status = 'failed'
          GROUP BY r.reason
          ORDER BY n DESC, r.reason`,
        [tenantId, from, to],
      );
      return rows.map((r) => ({ reason: r.reason, count: Number(r.n) }));
    },
  };
}
