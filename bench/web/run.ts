/**
 * `npm run bench:web`: production build size and first load of the sign-in route in Chromium.
 * Builds apps/web, serves it from the real server (embedded database) on a free port, loads `/`
 * in headless Chromium `--runs` times (default 5, fresh context each time, no cache) and records
 * every JavaScript file the route loads (gzip-compressed size, level 9) and the time from
 * navigation start until the sign-in button is rendered (median). Writes bench/results/web.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createHarness } from '../../apps/server/test/harness.ts';
import { ensureWebBuild, webDist } from '../../apps/web/scripts/ensureWebBuild.ts';
import { CHROMIUM_ARGS } from '../../apps/web/test/support/openBrowser.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] ?? 5) || 5;
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

await ensureWebBuild({ force: true });
const h = await createHarness('pglite', { realClock: true });
await h.app.server.listen({ port: 0, host: '127.0.0.1' });
const address = h.app.server.addresses()[0];
if (address === undefined || typeof address === 'string') throw new Error('not listening');
const base = `http://localhost:${address.port}`;
const browser = await chromium.launch({ executablePath: process.env['AUTHLOOP_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

const times: number[] = [];
let scripts: string[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const js = new Set<string>();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) js.add(u.pathname);
    });
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor({ state: 'attached' });
    const t = await page.evaluate('performance.now()');
    if (typeof t === 'number') times.push(t);
    await page.waitForLoadState('networkidle');
    scripts = [...js].sort();
    await context.close();
  }
} finally {
  await browser.close();
  await h.close();
}

const files = scripts.map((p) => {
  const bytes = readFileSync(join(webDist, p));
  return { path: p, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
});
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
const result = {
  signInJsGzipKb: Math.round((files.reduce((a, f) => a + f.gzipBytes, 0) / 1024) * 10) / 10,
  signInJsRawKb: Math.round((files.reduce((a, f) => a + f.bytes, 0) / 1024) * 10) / 10,
  interactiveMs: Math.round(median),
  interactiveMsRuns: times.map((t) => Math.round(t)),
  files,
  method: 'Chromium headless, localhost, fresh context per run; interactive = navigation start → sign-in button rendered (React mounted, route chunk loaded); JS = every .js the route loaded, gzip -9',
  measuredAt: new Date().toISOString(),
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'web.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`sign-in route JS: ${result.signInJsGzipKb} kB gzipped (${result.signInJsRawKb} kB raw, ${files.length} files); interactive: ${result.interactiveMs} ms (median of ${times.length})\n`);
