import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODELS_DIR } from '../testPaths.ts';
import { fetchModels } from './fetchModels.ts';
import { loadModelFiles, sha256Hex } from './loadModelFiles.ts';
import { MODEL_FILES } from './modelManifest.ts';

describe('fetchModels against a local HTTP mirror of ../shared/data/models', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  let tamper: string | null = null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
      requests.push(path);
      if (path.includes('..')) { res.writeHead(400).end(); return; }
      if (path === tamper) { res.writeHead(200).end('not the model you are looking for'); return; }
      const file = join(TEST_MODELS_DIR, path);
      stat(file).then(
        (s) => { res.writeHead(200, { 'content-length': s.size }); createReadStream(file).pipe(res); },
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads every model, verifies it, and skips files already present', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authloop-fetch-'));
    try {
      const first = await fetchModels({ modelsDir: dir, mirror: base, mirrorOnly: true });
      expect(first.ok).toBe(true);
      expect(first.files.map((f) => f.status)).toEqual(MODEL_FILES.map(() => 'downloaded'));
      for (const m of MODEL_FILES) expect(sha256Hex(await readFile(join(dir, m.path)))).toBe(m.sha256);
      await expect(loadModelFiles(dir)).resolves.toBeDefined();
      requests.length = 0;
      const second = await fetchModels({ modelsDir: dir, mirror: base, mirrorOnly: true });
      expect(second.files.every((f) => f.status === 'present')).toBe(true);
      expect(requests).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file whose hash is wrong and replaces a corrupt local copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authloop-fetch-'));
    const victim = MODEL_FILES[0];
    if (victim === undefined) throw new Error('empty manifest');
    try {
      tamper = victim.path;
      const bad = await fetchModels({ modelsDir: dir, mirror: base, mirrorOnly: true });
      expect(bad.ok).toBe(false);
      const failed = bad.files.find((f) => f.path === victim.path);
      expect(failed?.status).toBe('failed');
      expect(failed?.error).toMatch(/SHA-256/);
      await expect(stat(join(dir, victim.path))).rejects.toThrow();
      tamper = null;
      await mkdir(dirname(join(dir, victim.path)), { recursive: true });
      await writeFile(join(dir, victim.path), 'corrupt');
      const fixed = await fetchModels({ modelsDir: dir, mirror: base, mirrorOnly: true });
      expect(fixed.ok).toBe(true);
      expect(fixed.files.find((f) => f.path === victim.path)?.status).toBe('downloaded');
    } finally {
      tamper = null;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports failure without throwing when the network is unreachable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authloop-fetch-'));
    try {
      const offline = await fetchModels({ modelsDir: dir, mirror: 'http://127.0.0.1:9', mirrorOnly: true, timeoutMs: 2000 });
      expect(offline.ok).toBe(false);
      expect(offline.files.every((f) => f.status === 'failed')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
