import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/buildApp.ts';
import { openRuntime } from '../src/runtime/openRuntime.ts';
import { closeTestFaceEngine, lfwImage, testFaceEngine, testModelsDir } from './support/faceEngine.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, args, { env: { ...process.env, ...env }, cwd: root });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('a server killed during enrolment', () => {
  const dataDir = mkdtempSync(`${tmpdir()}/authloop-face-crash-`);
  const env = { AUTHLOOP_DATA_DIR: dataDir, NODE_ENV: 'development', AUTHLOOP_ISSUER: 'http://authloop.test', AUTHLOOP_MODELS_DIR: testModelsDir, LOG_LEVEL: 'silent' };
  afterAll(async () => {
    await closeTestFaceEngine();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the previous template and the audit chain intact (kill -9 inside the re-enrolment transaction)', async () => {
    const boot = await run([`${root}packages/cli/src/main.ts`, 'admin', 'bootstrap', '--json'], env);
    expect(boot.code).toBe(0);
    const creds = JSON.parse(boot.stdout) as { tenantId: string; clientId: string; clientSecret: string };

    // node itself (not the tsx wrapper, which would outlive a SIGKILL sent to it) with tsx as a loader.
    const child = spawn(process.execPath, ['--import', 'tsx', `${root}apps/server/test/support/faceCrashServer.ts`], {
      env: { ...process.env, ...env, FACE_CRASH_PAUSE_ON_UPSERT: '2' },
      cwd: root,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const seen = (marker: RegExp, ms: number) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${String(marker)} in ${ms} ms; output: ${out}`)), ms);
        const check = (): void => {
          const m = marker.exec(out);
          if (m !== null) {
            clearTimeout(timer);
            resolve(m);
          }
        };
        child.stdout.on('data', check);
        check();
      });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let first: { enrolledAt: string; sampleCount: number };
    let subjectId: string;
    try {
      const port = (await seen(/LISTENING (\d+)/, 180_000))[1] ?? '0';
      const base = `http://127.0.0.1:${port}`;
      const tokenRes = await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
      subjectId = ((await (await fetch(`${base}/v1/subjects`, { method: 'POST', headers, body: JSON.stringify({ externalId: 'crash-1' }) })).json()) as { id: string }).id;
      // The default policy requires face consent before enrolment.
      const consent = await fetch(`${base}/v1/subjects/${subjectId}/consents`, { method: 'POST', headers, body: JSON.stringify({ purpose: 'face', noticeVersion: 'v1' }) });
      expect(consent.status).toBe(201);
      const enrol = (n: number[]) => fetch(`${base}/v1/subjects/${subjectId}/face`, { method: 'POST', headers, body: JSON.stringify({ images: n.map((i) => b64(lfwImage('Abdullah_Gul', i))) }) });
      const ok = await enrol([1, 2, 3]);
      expect(ok.status).toBe(201);
      first = (await (await fetch(`${base}/v1/subjects/${subjectId}/face`, { headers })).json()) as { enrolledAt: string; sampleCount: number };
      // Re-enrol (the same photos plus another); the server pauses inside the transaction after writing the new row.
      const pending = enrol([4, 3, 2, 1]).catch((e: unknown) => e);
      await seen(/FACE_TX_OPEN/, 120_000);
      child.kill('SIGKILL');
      expect(await pending).toBeInstanceOf(Error);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');

    // Reopen the on-disk database: the re-enrolment left no trace; the old template still verifies.
    const runtime = await openRuntime({ env, warn: () => undefined });
    try {
      const rows = await runtime.db.query<{ sample_count: number; enrolled_at: Date }>('SELECT sample_count, enrolled_at FROM face_templates WHERE subject_id = $1', [subjectId]);
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]?.sample_count)).toBe(first.sampleCount);
      expect(new Date(rows[0]?.enrolled_at ?? 0).toISOString()).toBe(first.enrolledAt);
      const audit = await runtime.db.query<{ action: string; seq: string }>("SELECT action, seq FROM audit_events WHERE tenant_id = $1 AND action LIKE 'face.%' ORDER BY seq", [creds.tenantId]);
      expect(audit.map((a) => a.action)).toEqual(['face.enrol']);
      const [head] = await runtime.db.query<{ seq: string }>('SELECT seq FROM audit_heads WHERE tenant_id = $1', [creds.tenantId]);
      const [max] = await runtime.db.query<{ seq: string }>('SELECT max(seq) AS seq FROM audit_events WHERE tenant_id = $1', [creds.tenantId]);
      expect(Number(head?.seq)).toBe(Number(max?.seq));

      const app = await buildApp({ config: runtime.config, db: runtime.db, masterKey: runtime.masterKey, clock: runtime.clock, logger: false, engine: await testFaceEngine() });
      try {
        const v = await app.services.face.verify(creds.tenantId, subjectId, lfwImage('Abdullah_Gul', 4), { type: 'system', id: null });
        expect(v.match).toBe(true);
      } finally {
        await app.server.close();
      }
    } finally {
      await runtime.close();
    }
  }, 400_000);
});
