import type { Queryable } from '@authloop/store';

/** A person being authenticated, known to the tenant by its own `externalId`. */
export interface Subject {
  readonly id: string;
  readonly tenantId: string;
  readonly externalId: string;
  readonly displayName: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface Row {
  id: string;
  tenant_id: string;
  external_id: string;
  display_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const toSubject = (r: Row): Subject => ({
  id: r.id,
  tenantId: r.tenant_id,
  externalId: r.external_id,
  displayName: r.display_name,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Storage of subjects; every call is scoped by tenant. */
export function subjectRepository(db: Queryable) {
  return {
    async insert(s: { id: string; tenantId: string; externalId: string; displayName: string | null }): Promise<Subject> {
      const [row] = await db.query<Row>('INSERT INTO subjects (id, tenant_id, external_id, display_name) VALUES ($1, $2, $3, $4) RETURNING *', [
        s.id,
        s.tenantId,
        s.externalId,
        s.displayName,
      ]);
      if (row === undefined) throw new Error('insert returned no row');
      return toSubject(row);
    },
    async get(tenantId: string, id: string): Promise<Subject | null> {
      const [row] = await db.query<Row>('SELECT * FROM subjects WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
      return row === undefined ? null : toSubject(row);
    },
    async getByExternalId(tenantId: string, externalId: string): Promise<Subject | null> {
      const [row] = await db.query<Row>('SELECT * FROM subjects WHERE tenant_id = $1 AND external_id = $2', [tenantId, externalId]);
      return row === undefined ? null : toSubject(row);
    },
    /** Newest first, keyset-paginated by (created_at, id). */
    async list(tenantId: string, { limit, after }: { limit: number; after?: { createdAt: Date; id: string } | undefined }): Promise<Subject[]> {
      const rows = after
        ? await db.query<Row>('SELECT * FROM subjects WHERE tenant_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4', [tenantId, after.createdAt, after.id, limit])
        : await db.query<Row>('SELECT * FROM subjects WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [tenantId, limit]);
      return rows.map(toSubject);
    },
    async delete(tenantId: string, id: string): Promise<boolean> {
      return (await db.query('DELETE FROM subjects WHERE tenant_id = $1 AND id = $2 RETURNING id', [tenantId, id])).length > 0;
    },
  };
}

export type SubjectRepository = ReturnType<typeof subjectRepository>;
