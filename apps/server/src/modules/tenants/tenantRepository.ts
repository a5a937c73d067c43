import type { Queryable } from '@authloop/store';

/** A tenant: a bank or app whose data is isolated from every other tenant's. */
export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

interface TenantRow {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  created_at: Date;
}

const toTenant = (r: TenantRow): Tenant => ({ id: r.id, name: r.name, settings: r.settings, createdAt: new Date(r.created_at) });

/** Storage of tenants. */
export function tenantRepository(db: Queryable) {
  return {
    async insert(t: { id: string; name: string; settings?: Record<string, unknown> }): Promise<Tenant> {
      const [row] = await db.query<TenantRow>('INSERT INTO tenants (id, name, settings) VALUES ($1, $2, $3) RETURNING *', [t.id, t.name, JSON.stringify(t.settings ?? {})]);
      if (row === undefined) throw new Error('insert returned no row');
      return toTenant(row);
    },
    async get(id: string): Promise<Tenant | null> {
      const [row] = await db.query<TenantRow>('SELECT * FROM tenants WHERE id = $1', [id]);
      return row === undefined ? null : toTenant(row);
    },
    async list(): Promise<Tenant[]> {
      return (await db.query<TenantRow>('SELECT * FROM tenants ORDER BY created_at, id')).map(toTenant);
    },
    async updateSettings(id: string, settings: Record<string, unknown>): Promise<Tenant | null> {
      const [row] = await db.query<TenantRow>('UPDATE tenants SET settings = $2 WHERE id = $1 RETURNING *', [id, JSON.stringify(settings)]);
      return row === undefined ? null : toTenant(row);
    },
  };
}

export type TenantRepository = ReturnType<typeof tenantRepository>;
