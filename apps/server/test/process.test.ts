import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, args, { env: { ...process.env, ...env }, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function waitFor(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > end) throw new Error(`${url} never answered`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('the server process with no configuration', () => {
  const dataDir = mkdtempSync(`${tmpdir()}/authloop-process-`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('bootstraps with the CLI, serves the ops endpoints, keeps secrets out of logs, and stops cleanly on SIGTERM', async () => {
    const env = { AUTHLOOP_DATA_DIR: dataDir, PORT: '18123', HOST: '127.0.0.1', NODE_ENV: 'development' };
    const boot = await run([`${root}packages/cli/src/main.ts`, 'admin', 'bootstrap', '--json'], env);
    expect(boot.code).toBe(0);
    const creds = JSON.parse(boot.stdout) as { tenantId: string; clientId: string; clientSecret: string };
    expect(Object.keys(creds).sort()).toEqual(['clientId', 'clientSecret', 'tenantId']);
    expect(boot.stderr).toContain('development master key');

    const child = spawn(tsx, [`${root}apps/server/src/main.ts`], { env: { ...process.env, ...env }, cwd: root });
    let logs = '';
    child.stdout.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const base = 'http://127.0.0.1:18123';
      await waitFor(`${base}/health`);
      // While the server runs, a second process cannot open the embedded database.
      const second = await run([`${root}packages/cli/src/main.ts`, 'admin', 'bootstrap', '--json'], env);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(/in use by process \d+/);

      for (const path of ['/health', '/ready', '/docs/json', '/metrics', '/.well-known/jwks.json']) {
        expect((await fetch(`${base}${path}`)).status, path).toBe(200);
      }
      const tokenRes = await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      expect(tokenRes.status).toBe(200);
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const me = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(await me.json()).toMatchObject({ kind: 'client', tenantId: creds.tenantId });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(logs).toContain('shutting down');
    expect(logs).not.toContain(creds.clientSecret);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/);
    expect(existsSync(`${dataDir}/pglite/authloop.lock`)).toBe(false);
  }, 120_000);

  it('refuses to start in production without DATABASE_URL and a master key, naming them', async () => {
    const res = await run([`${root}apps/server/src/main.ts`], { NODE_ENV: 'production', AUTHLOOP_DATA_DIR: dataDir, PORT: '18124' });
    expect(res.code).toBe(78);
    expect(res.stdout + res.stderr).toContain('DATABASE_URL');
    expect(res.stdout + res.stderr).toContain('AUTHLOOP_MASTER_KEY');
  }, 60_000);
});
