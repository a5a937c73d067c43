import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import type { Database, Queryable } from './Database.ts';
import { lockDataDir } from './dataDirLock.ts';

/** The embedded database; it can also snapshot its data directory (used for test templates). */
export interface PgliteDatabase extends Database {
  /** A tarball of the whole data directory, loadable with `openPglite({ loadDataDir })`. */
  dumpDataDir(): Promise<Blob>;
}

/**
 * Opens the embedded PostgreSQL (PGlite, WebAssembly) with pgvector.
 * `dataDir` is a directory on disk, or `undefined` for an in-memory database (tests).
 * Only one process may open a given directory at a time.
 */
export async function openPglite({ dataDir, loadDataDir }: { dataDir?: string | undefined; loadDataDir?: Blob | undefined } = {}): Promise<PgliteDatabase> {
  let release = () => {};
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create({ ...(dataDir !== undefined ? { dataDir } : {}), ...(loadDataDir !== undefined ? { loadDataDir } : {}), extensions: { vector } });
  } catch (error) {
    release();
    throw error;
  }
  await pg.exec('CREATE EXTENSION IF NOT EXISTS vector;');
  const run = async <Row>(q: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    const result = await q.query<Row>(sql, params === undefined ? [] : [...params]);
    return result.rows;
  };
  return {
    driver: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    transaction: (fn) =>
      pg.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return fn(scoped);
      }),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    dumpDataDir: () => pg.dumpDataDir('none'),
    ping: async () => {
      try {
        await pg.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
