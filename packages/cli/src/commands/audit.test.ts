import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateKey } from '@authloop/crypto';
import { createServices, openRuntime } from '@authloop/server';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/authloop.js', import.meta.url));

describe('authloop audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authloop-audit-cli-'));
  const env = { ...process.env, AUTHLOOP_DATA_DIR: dir, AUTHLOOP_MASTER_KEY: Buffer.from(generateKey()).toString('base64'), NODE_ENV: 'test', DATABASE_URL: '' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = async (...args: string[]): Promise<{ code: number; stdout: string }> => {
    try {
      const r = await run(process.execPath, [bin, ...args], { env, timeout: 150_000 });
      return { code: 0, stdout: r.stdout };
    } catch (error) {
      const e = error as { code?: number; stdout?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '' };
    }
  };

  it('reports an intact chain, then names the first edited record and exits 3', async () => {
    const runtime = await openRuntime({ env, warn: () => {} });
    let tenantId: string;
    try {
      const services = await createServices(runtime);
      const tenant = await services.tenants.create({ name: 'CLI bank' });
      tenantId = tenant.id;
      for (let i = 0; i < 4; i++) await services.subjects.create(tenantId, { externalId: `p${i}` }, { type: 'system', id: null });
    } finally {
      await runtime.close();
    }
    const ok = await cli('audit', 'verify', '--tenant', tenantId, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, records: 5 });

    const again = await openRuntime({ env, warn: () => {} });
    try {
      await again.db.query(`UPDATE audit_events SET action = 'subject.delete' WHERE tenant_id = $1 AND seq = 3`, [tenantId]);
    } finally {
      await again.close();
    }
    const bad = await cli('audit', 'verify', '--tenant', tenantId);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toContain('BROKEN at record 3 (hash-mismatch)');
  }, 300_000);
});
