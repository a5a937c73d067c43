import type { Queryable } from '@authloop/store';
import type { ClientScope } from '../auth/scopes.ts';

/** An API client of a tenant (the bank's back end), authenticating with client credentials. */
export interface ApiClient {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly secretHash: string;
  readonly scopes: readonly ClientScope[];
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
}

interface Row {
  id: string;
  tenant_id: string;
  name: string;
  secret_hash: string;
  scopes: ClientScope[];
  disabled_at: Date | null;
  created_at: Date;
}

const toClient = (r: Row): ApiClient => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  secretHash: r.secret_hash,
  scopes: r.scopes,
  disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
  createdAt: new Date(r.created_at),
});

/** Storage of API clients. Lookups by id alone exist only for authentication at the token endpoint. */
export function clientRepository(db: Queryable) {
  return {
    async insert(c: { id: string; tenantId: string; name: string; secretHash: string; scopes: readonly ClientScope[] }): Promise<ApiClient> {
      const [row] = await db.query<Row>('INSERT INTO api_clients (id, tenant_id, name, secret_hash, scopes) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
        c.id,
        c.tenantId,
        c.name,
        c.secretHash,
        [...c.scopes],
      ]);
      if (row === undefined) throw new Error('insert returned no row');
      return toClient(row);
    },
    /** For authentication only: the caller proves ownership with the secret. */
    async getForAuthentication(id: string): Promise<ApiClient | null> {
      const [row] = await db.query<Row>('SELECT * FROM api_clients WHERE id = $1', [id]);
      return row === undefined ? null : toClient(row);
    },
    async get(tenantId: string, id: string): Promise<ApiClient | null> {
      const [row] = await db.query<Row>('SELECT * FROM api_clients WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
      return row === undefined ? null : toClient(row);
    },
    async list(tenantId: string): Promise<ApiClient[]> {
      return (await db.query<Row>('SELECT * FROM api_clients WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId])).map(toClient);
    },
    async disable(tenantId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db.query('UPDATE api_clients SET disabled_at = $3 WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL RETURNING id', [tenantId, id, at]);
      return rows.length > 0;
    },
  };
}

export type ClientRepository = ReturnType<typeof clientRepository>;
