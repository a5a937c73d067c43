import pg from 'pg';
import type { Database, Queryable } from './Database.ts';

/** Options for the PostgreSQL driver. */
export interface PostgresOptions {
  /** `postgres://user:pass@host:port/db`. */
  readonly url: string;
  /** Pool size (default 10). */
  readonly maxConnections?: number;
}

/**
 * Opens a pooled connection to PostgreSQL with pgvector. Creates the `vector` extension when the
 * role may do so; otherwise it must already exist.
 */
export async function openPostgres({ url, maxConnections = 10 }: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  pool.on('error', () => {
    // An idle client died (e.g. the server restarted); the pool replaces it on next use.
  });
  await pool.query('CREATE EXTENSION IF NOT EXISTS vector');
  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    const result = await client.query(sql, params === undefined ? [] : [...params]);
    return result.rows as Row[];
  };
  return {
    driver: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await fn(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    ping: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
