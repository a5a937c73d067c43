import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import type { Database } from './Database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openPglite } from './openPglite.ts';
import { openPostgres } from './openPostgres.ts';

/** A driver a test suite runs against. */
export type TestDriver = 'pglite' | 'postgres';

/**
 * The drivers available to tests: always the embedded database; PostgreSQL too when
 * `AUTHLOOP_TEST_DATABASE_URL` points at a server whose role may create databases (CI starts one).
 */
export function testDrivers(): TestDriver[] {
  const url = process.env['AUTHLOOP_TEST_DATABASE_URL'];
  return url !== undefined && url !== '' ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated, isolated database for one test suite: in-memory PGlite, or a new database on
 * the test PostgreSQL server (dropped again by `close`).
 */
export async function openTestDatabase(driver: TestDriver): Promise<Database> {
  if (driver === 'pglite') return openPgliteFromTemplate();
  const adminUrl = process.env['AUTHLOOP_TEST_DATABASE_URL'];
  if (adminUrl === undefined || adminUrl === '') throw new Error('AUTHLOOP_TEST_DATABASE_URL is not set');
  const name = `authloop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres({ url: url.toString(), maxConnections: 5 });
  await migrate(db);
  return {
    ...db,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * A migrated in-memory PGlite. The first call on a machine migrates a fresh database and saves its
 * data directory as a tarball keyed by the migrations' hash; later calls load that snapshot, which
 * skips initdb and the migrations (seconds per test file on a busy machine).
 */
async function openPgliteFromTemplate(): Promise<Database> {
  const migrations = loadMigrations();
  const key = createHash('sha256').update(migrations.map((m) => `${m.name}\n${m.sql}`).join('\n')).digest('hex').slice(0, 16);
  const file = `${tmpdir()}/authloop-pglite-template-${key}.tar`;
  if (existsSync(file)) {
    const db = await openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
    await migrate(db);
    return db;
  }
  const db = await openPglite();
  await migrate(db);
  const dump = await db.dumpDataDir();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return db;
}
