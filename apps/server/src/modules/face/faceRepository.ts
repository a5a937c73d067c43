import type { Queryable } from '@authloop/store';
import { toPgVector } from './templateMath.ts';

/** A stored face template row: the searchable rotated vector stays in the database; `sealed` is ciphertext. */
export interface TemplateRow {
  readonly tenantId: string;
  readonly subjectId: string;
  /** Row id, part of the AAD; a new one on every (re-)enrolment. */
  readonly id: string;
  readonly engine: string;
  /** `model@version` of the primary recogniser whose (rotated) vector is searchable. */
  readonly searchModel: string;
  readonly dims: number;
  readonly sampleCount: number;
  /** Per-subject match threshold (calibrated score 0..1). */
  readonly threshold: number;
  readonly keyId: string;
  readonly sealed: Uint8Array;
  readonly enrolledAt: Date;
  readonly updatedAt: Date;
}

/** Per-subject verification throttling state. */
export interface LockoutRow {
  readonly consecutiveFailures: number;
  readonly lockedUntil: Date | null;
  readonly disabledAt: Date | null;
}

/** A search hit: cosine similarity of the rotated vectors (−1..1). */
export interface SearchHit {
  readonly subjectId: string;
  readonly externalId: string;
  readonly cosine: number;
}

interface Row {
  tenant_id: string;
  subject_id: string;
  id: string;
  engine: string;
  search_model: string;
  dims: number;
  sample_count: number;
  threshold: number;
  key_id: string;
  sealed: Uint8Array;
  enrolled_at: Date;
  updated_at: Date;
}

const COLUMNS = 'tenant_id, subject_id, id, engine, search_model, dims, sample_count, threshold, key_id, sealed, enrolled_at, updated_at';

const toRow = (r: Row): TemplateRow => ({
  tenantId: r.tenant_id,
  subjectId: r.subject_id,
  id: r.id,
  engine: r.engine,
  searchModel: r.search_model,
  dims: Number(r.dims),
  sampleCount: Number(r.sample_count),
  threshold: Number(r.threshold),
  keyId: r.key_id,
  sealed: new Uint8Array(r.sealed),
  enrolledAt: new Date(r.enrolled_at),
  updatedAt: new Date(r.updated_at),
});

/**
 * HNSW search breadth for a shortlist of `limit` (pgvector `hnsw.ef_search`, default there 40).
 * bench/identify (100k isotropic synthetic templates + LFW, m 16, ef_construction 64): ef 40 →
 * recall@1 0.68, 100 → 0.86, 200 → 0.955, 400 → 0.99; so 400.
 */
export function efSearchFor(limit: number): number {
  return Math.min(1000, Math.max(400, limit * 20));
}

/** Session settings for a search transaction: breadth, and iterative scans so the tenant filter cannot starve the result. */
export async function prepareSearch(tx: Queryable, limit: number): Promise<void> {
  await tx.query(`SET LOCAL hnsw.ef_search = ${efSearchFor(limit)}`);
  await tx.query("SET LOCAL hnsw.iterative_scan = 'strict_order'");
}

/** Dimensions that have a partial HNSW index (see migration 0100_face.sql). */
export const INDEXED_DIMS = [128, 512, 1024] as const;

/** Storage of face templates and lockout state; every query is scoped by tenant. */
export function faceRepository(db: Queryable) {
  return {
    async get(tenantId: string, subjectId: string, { forUpdate = false }: { forUpdate?: boolean } = {}): Promise<TemplateRow | null> {
      const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM face_templates WHERE tenant_id = $1 AND subject_id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, subjectId]);
      return row === undefined ? null : toRow(row);
    },
    /** Inserts the subject's template, or replaces the whole row (re-enrolment). */
    async upsert(t: TemplateRow, searchVector: Float32Array): Promise<void> {
      await db.query(
        `INSERT INTO face_templates (${COLUMNS}, search_vector) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::vector)
         ON CONFLICT (tenant_id, subject_id) DO UPDATE SET id = EXCLUDED.id, engine = EXCLUDED.engine, search_model = EXCLUDED.search_model, dims = EXCLUDED.dims,
           sample_count = EXCLUDED.sample_count, threshold = EXCLUDED.threshold, key_id = EXCLUDED.key_id, sealed = EXCLUDED.sealed,
           enrolled_at = EXCLUDED.enrolled_at, updated_at = EXCLUDED.updated_at, search_vector = EXCLUDED.search_vector`,
        [t.tenantId, t.subjectId, t.id, t.engine, t.searchModel, t.dims, t.sampleCount, t.threshold, t.keyId, t.sealed, t.enrolledAt, t.updatedAt, toPgVector(searchVector)],
      );
    },
    /** Replaces the sealed samples (and optionally the search vector) of an existing row. */
    async updateSealed(tenantId: string, subjectId: string, u: { keyId: string; sealed: Uint8Array; sampleCount: number; updatedAt: Date; searchVector?: Float32Array | undefined }): Promise<void> {
      if (u.searchVector === undefined) {
        await db.query('UPDATE face_templates SET key_id = $3, sealed = $4, sample_count = $5, updated_at = $6 WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId, u.keyId, u.sealed, u.sampleCount, u.updatedAt]);
      } else {
        await db.query('UPDATE face_templates SET key_id = $3, sealed = $4, sample_count = $5, updated_at = $6, search_vector = $7::vector WHERE tenant_id = $1 AND subject_id = $2', [
          tenantId, subjectId, u.keyId, u.sealed, u.sampleCount, u.updatedAt, toPgVector(u.searchVector),
        ]);
      }
    },
    async delete(tenantId: string, subjectId: string): Promise<boolean> {
      return (await db.query('DELETE FROM face_templates WHERE tenant_id = $1 AND subject_id = $2 RETURNING id', [tenantId, subjectId])).length > 0;
    },
    /**
     * The `limit` nearest templates by cosine distance, in the database. `dims` must be one of
     * {@link INDEXED_DIMS}: it is inlined so the planner can match the partial HNSW index.
     */
    async search(tenantId: string, q: { searchModel: string; dims: (typeof INDEXED_DIMS)[number]; vector: Float32Array; limit: number }): Promise<SearchHit[]> {
      const d = q.dims;
      const rows = await db.query<{ subject_id: string; external_id: string; distance: number }>(
        `SELECT t.subject_id, s.external_id, t.distance FROM (
           SELECT subject_id, search_vector::vector(${d}) <=> $3::vector(${d}) AS distance FROM face_templates
           WHERE tenant_id = $1 AND dims = ${d} AND search_model = $2
           ORDER BY search_vector::vector(${d}) <=> $3::vector(${d}) LIMIT $4
         ) t JOIN subjects s ON s.id = t.subject_id AND s.tenant_id = $1 ORDER BY t.distance`,
        [tenantId, q.searchModel, toPgVector(q.vector), q.limit],
      );
      return rows.map((r) => ({ subjectId: r.subject_id, externalId: r.external_id, cosine: 1 - Number(r.distance) }));
    },
    async count(tenantId: string, searchModel: string): Promise<number> {
      const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM face_templates WHERE tenant_id = $1 AND search_model = $2', [tenantId, searchModel]);
      return Number(row?.n ?? 0);
    },
    /** Up to `limit` rows sealed under a key other than `keyId`, locked for update. */
    /** Rows sealed directly under a tenant data key (by earlier versions), not under their subject's key. */
    async sealedWithTenantKey(tenantId: string, limit: number): Promise<TemplateRow[]> {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM face_templates WHERE tenant_id = $1 AND key_id NOT LIKE 'sk\\_%' ORDER BY subject_id LIMIT $2 FOR UPDATE`, [tenantId, limit]);
      return rows.map(toRow);
    },

    async lockout(tenantId: string, subjectId: string, { forUpdate = false }: { forUpdate?: boolean } = {}): Promise<LockoutRow | null> {
      const [row] = await db.query<{ consecutive_failures: number; locked_until: Date | null; disabled_at: Date | null }>(
        `SELECT consecutive_failures, locked_until, disabled_at FROM face_lockouts WHERE tenant_id = $1 AND subject_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
        [tenantId, subjectId],
      );
      if (row === undefined) return null;
      return {
        consecutiveFailures: Number(row.consecutive_failures),
        lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
        disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
      };
    },
    /** Creates the lockout row if missing and returns it locked for update (serialises concurrent verifications of one subject). */
    async lockoutForUpdate(tenantId: string, subjectId: string, now: Date): Promise<LockoutRow> {
      await db.query('INSERT INTO face_lockouts (tenant_id, subject_id, updated_at) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, subject_id) DO NOTHING', [tenantId, subjectId, now]);
      const row = await this.lockout(tenantId, subjectId, { forUpdate: true });
      if (row === null) throw new Error('lockout row missing after insert');
      return row;
    },
    async saveLockout(tenantId: string, subjectId: string, l: LockoutRow, now: Date): Promise<void> {
      await db.query(
        `INSERT INTO face_lockouts (tenant_id, subject_id, consecutive_failures, locked_until, disabled_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, subject_id) DO UPDATE SET consecutive_failures = EXCLUDED.consecutive_failures, locked_until = EXCLUDED.locked_until,
           disabled_at = EXCLUDED.disabled_at, updated_at = EXCLUDED.updated_at`,
        [tenantId, subjectId, l.consecutiveFailures, l.lockedUntil, l.disabledAt, now],
      );
    },
    async deleteLockout(tenantId: string, subjectId: string): Promise<void> {
      await db.query('DELETE FROM face_lockouts WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
    },

    /** The tenant's `settings.face` object (unparsed). */
    async settings(tenantId: string): Promise<unknown> {
      const [row] = await db.query<{ face: unknown }>("SELECT settings -> 'face' AS face FROM tenants WHERE id = $1", [tenantId]);
      return row?.face ?? null;
    },
    /** Replaces only `settings.face`, leaving other modules' settings untouched. */
    async saveSettings(tenantId: string, face: Record<string, unknown>): Promise<void> {
      await db.query("UPDATE tenants SET settings = jsonb_set(settings, '{face}', $2::jsonb, true) WHERE id = $1", [tenantId, JSON.stringify(face)]);
    },
  };
}

export type FaceRepository = ReturnType<typeof faceRepository>;
