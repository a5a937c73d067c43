import type { Queryable } from '@authloop/store';
import type { ChainedRecord } from './auditLog.ts';

/** One stored audit record, as read back from `audit_events`: the hashed fields plus the record's own hash. */
export interface StoredAuditRecord extends ChainedRecord {
  readonly hash: string;
}

/** A stored signed checkpoint. `jws` is authoritative; the other columns are for indexing. */
export interface StoredCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly jws: string;
  readonly createdAt: Date;
}

/** Filters of the operator query API. All optional; combined with AND. */
export interface AuditFilter {
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly subjectRef?: string | undefined;
  readonly action?: string | undefined;
  readonly outcome?: string | undefined;
}

interface Row {
  tenant_id: string;
  seq: string | number;
  occurred_at: Date | string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_ref: string | null;
  outcome: string;
  details: Record<string, unknown> | string;
  prev_hash: string;
  hash: string;
}

const toRecord = (r: Row): StoredAuditRecord => ({
  tenantId: r.tenant_id,
  seq: Number(r.seq),
  occurredAt: new Date(r.occurred_at).toISOString(),
  actorType: r.actor_type,
  actorId: r.actor_id,
  action: r.action,
  subjectRef: r.subject_ref,
  outcome: r.outcome,
  details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Reads of the audit chain. Writes go only through `auditLog.record`. Every query is tenant-scoped. */
export function auditRepository(db: Queryable) {
  return {
    /** Records in chain order with `seq > afterSeq`, at most `limit`. */
    async page(tenantId: string, afterSeq: number, limit: number, filter: AuditFilter = {}): Promise<StoredAuditRecord[]> {
      const where = ['tenant_id = $1', 'seq > $2'];
      const params: unknown[] = [tenantId, afterSeq];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (filter.from !== undefined) add('occurred_at >= ?', filter.from);
      if (filter.to !== undefined) add('occurred_at < ?', filter.to);
      if (filter.subjectRef !== undefined) add('subject_ref = ?', filter.subjectRef);
      if (filter.action !== undefined) {
        if (filter.action.endsWith('.*')) add("action LIKE ? || '%'", filter.action.slice(0, -1).replaceAll('%', '\\%').replaceAll('_', '\\_'));
        else add('action = ?', filter.action);
      }
      if (filter.outcome !== undefined) add('outcome = ?', filter.outcome);
      params.push(limit);
      const rows = await db.query<Row>(`SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`, params);
      return rows.map(toRecord);
    },
    async head(tenantId: string): Promise<{ seq: number; hash: string } | null> {
      const [row] = await db.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1', [tenantId]);
      return row === undefined ? null : { seq: Number(row.seq), hash: row.hash };
    },
    async checkpoints(tenantId: string): Promise<StoredCheckpoint[]> {
      const rows = await db.query<{ seq: string | number; hash: string; jws: string; created_at: Date }>('SELECT seq, hash, jws, created_at FROM audit_checkpoints WHERE tenant_id = $1 ORDER BY seq', [tenantId]);
      return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, jws: r.jws, createdAt: new Date(r.created_at) }));
    },
    async latestCheckpointSeq(tenantId: string): Promise<number> {
      const [row] = await db.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM audit_checkpoints WHERE tenant_id = $1', [tenantId]);
      return row?.seq == null ? 0 : Number(row.seq);
    },
    async insertCheckpoint(tenantId: string, c: StoredCheckpoint): Promise<void> {
      await db.query('INSERT INTO audit_checkpoints (tenant_id, seq, hash, jws, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, seq) DO NOTHING', [tenantId, c.seq, c.hash, c.jws, c.createdAt]);
    },
    /** Tenants whose chain has grown past their latest checkpoint. */
    async tenantsNeedingCheckpoint(): Promise<string[]> {
      const rows = await db.query<{ tenant_id: string }>(
        'SELECT h.tenant_id FROM audit_heads h WHERE h.seq > COALESCE((SELECT max(c.seq) FROM audit_checkpoints c WHERE c.tenant_id = h.tenant_id), 0) ORDER BY h.tenant_id',
      );
      return rows.map((r) => r.tenant_id);
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
