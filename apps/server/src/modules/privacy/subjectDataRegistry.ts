import type { Queryable } from '@authloop/store';

/** What kind of personal data a source holds; `biometric` sources are also erased by retention. */
export type SubjectDataCategory = 'biometric' | 'credential' | 'transaction' | 'session' | 'risk' | 'other';

/**
 * Personal data about a subject held by one module. Export and erasure run every registered source
 * inside one transaction. `export` must never return raw templates or secrets, only metadata.
 */
export interface SubjectDataSource {
  /** Unique name, shown in exports and erasure receipts (e.g. `face_templates`). */
  readonly name: string;
  readonly category: SubjectDataCategory;
  /** For biometric sources: the modality (`face`, `voice`, `fingerprint`), so withdrawing that consent erases it. */
  readonly modality?: string | undefined;
  export(tx: Queryable, tenantId: string, subjectId: string): Promise<readonly Record<string, unknown>[]>;
  /** Deletes (or anonymises) the subject's rows; returns how many. */
  erase(tx: Queryable, tenantId: string, subjectId: string): Promise<number>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * A source over one table with `tenant_id` and a subject column: exports every column except
 * `exclude` (as JSON), erases by deleting the rows. Identifiers are checked, never interpolated raw.
 */
export function tableSource({ name, table, category, modality, subjectColumn = 'subject_id', exclude = [] }: { name?: string; table: string; category: SubjectDataCategory; modality?: string; subjectColumn?: string; exclude?: readonly string[] }): SubjectDataSource {
  for (const id of [table, subjectColumn, ...exclude]) if (!IDENT.test(id)) throw new Error(`not a plain SQL identifier: ${id}`);
  return {
    name: name ?? table,
    category,
    modality,
    async export(tx, tenantId, subjectId) {
      const rows = await tx.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) - $3::text[] AS row FROM ${table} t WHERE tenant_id = $1 AND ${subjectColumn} = $2`, [tenantId, subjectId, [...exclude]]);
      return rows.map((r) => (typeof r.row === 'string' ? (JSON.parse(r.row) as Record<string, unknown>) : r.row));
    },
    async erase(tx, tenantId, subjectId) {
      return (await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND ${subjectColumn} = $2 RETURNING 1`, [tenantId, subjectId])).length;
    },
  };
}

/**
 * The registry modules add their subject data to (see docs/CONTRIBUTING.md, "Personal data"):
 * `services.subjectData.register(tableSource({ table: 'voice_templates', category: 'biometric', modality: 'voice', exclude: ['sealed'] }))`.
 * Registering a name again replaces the earlier source.
 */
export function subjectDataRegistry() {
  const sources = new Map<string, SubjectDataSource>();
  return {
    register(source: SubjectDataSource): void {
      sources.set(source.name, source);
    },
    all(): readonly SubjectDataSource[] {
      return [...sources.values()];
    },
  };
}

export type SubjectDataRegistry = ReturnType<typeof subjectDataRegistry>;
