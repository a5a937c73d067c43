import type { Queryable } from '@authloop/store';

/** One stored version of a tenant's policy. */
export interface PolicyVersion {
  readonly version: number;
  readonly policy: unknown;
  readonly createdAt: Date;
  readonly actorType: string;
  readonly actorId: string | null;
}

interface Row {
  version: number;
  policy: unknown;
  created_at: Date;
  actor_type: string;
  actor_id: string | null;
}

const toVersion = (r: Row): PolicyVersion => ({ version: Number(r.version), policy: typeof r.policy === 'string' ? JSON.parse(r.policy) : r.policy, createdAt: new Date(r.created_at), actorType: r.actor_type, actorId: r.actor_id });

/** Versioned policy storage; versions are never updated, only added. */
export function policyRepository(db: Queryable) {
  return {
    async latest(tenantId: string): Promise<PolicyVersion | null> {
      const [row] = await db.query<Row>('SELECT version, policy, created_at, actor_type, actor_id FROM tenant_policies WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1', [tenantId]);
      return row === undefined ? null : toVersion(row);
    },
    async list(tenantId: string): Promise<PolicyVersion[]> {
      return (await db.query<Row>('SELECT version, policy, created_at, actor_type, actor_id FROM tenant_policies WHERE tenant_id = $1 ORDER BY version DESC', [tenantId])).map(toVersion);
    },
    /** Inserts the next version (max + 1); a concurrent writer hits the primary key and retries. */
    async insertNext(tenantId: string, policy: unknown, at: Date, actor: { type: string; id: string | null }): Promise<number> {
      const [row] = await db.query<{ version: number }>(
        'INSERT INTO tenant_policies (tenant_id, version, policy, created_at, actor_type, actor_id) SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5 FROM tenant_policies WHERE tenant_id = $1 RETURNING version',
        [tenantId, JSON.stringify(policy), at, actor.type, actor.id],
      );
      if (row === undefined) throw new Error('insert returned no row');
      return Number(row.version);
    },
  };
}
