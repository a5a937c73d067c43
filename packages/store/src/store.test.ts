import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './Database.ts';
import { isUniqueViolation } from './isUniqueViolation.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openTestDatabase, testDrivers } from './testDatabases.ts';

describe.each(testDrivers())('store on %s', (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration once and records it', async () => {
    const names = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
    expect(names).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
  });

  it('has pgvector with cosine distance', async () => {
    const [row] = await db.query<{ d: number }>("SELECT ('[1,0,0]'::vector <=> '[0,1,0]'::vector) AS d");
    expect(Number(row?.d)).toBeCloseTo(1, 6);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.exec('CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (id) VALUES (1)');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe (id) VALUES (2)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const ids = (await db.query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id')).map((r) => r.id);
    expect(ids).toEqual([1]);
  });

  it('reports unique violations with the SQLSTATE both drivers share', async () => {
    const err = await db.query('INSERT INTO tx_probe (id) VALUES (1)').catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
  });

  it('answers ping', async () => {
    expect(await db.ping()).toBe(true);
  });
});

describe('embedded database directory lock', () => {
  it('refuses a second open of the same directory while the first is open, and allows it after close', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { openPglite } = await import('./openPglite.ts');
    const { DataDirLockedError } = await import('./dataDirLock.ts');
    const dir = mkdtempSync(`${tmpdir()}/authloop-lock-`);
    const first = await openPglite({ dataDir: dir });
    // Simulate another live process holding the lock (our own parent pid is alive).
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/authloop.lock`, String(process.ppid));
    await expect(openPglite({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    writeFileSync(`${dir}/authloop.lock`, String(process.pid));
    await first.close();
    const second = await openPglite({ dataDir: dir });
    await second.close();
  });
});
