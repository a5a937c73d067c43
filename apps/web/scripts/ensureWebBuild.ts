import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app's folder (apps/web). */
export const webDir = fileURLToPath(new URL('..', import.meta.url));
/** Where the production build goes, and where the server looks for it. */
export const webDist = join(webDir, 'dist');

const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../../packages/sdk/src', '../../packages/sdk/package.json', '../../bench/results/face.json', '../../bench/results/eval-face.json'].map((p) => join(webDir, p));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why a build is needed (`missing`, `stale`), or null when `dist` is newer than every input. */
export function webBuildNeeded(): 'missing' | 'stale' | null {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return 'missing';
  return statSync(index).mtimeMs < Math.max(...inputs.map(newestMtime)) ? 'stale' : null;
}

/**
 * Builds the web app with Vite (offline; no network needed) when `dist` is missing or older than
 * its sources, or always with `force`. Returns whether it built.
 */
export async function ensureWebBuild({ force = false, log = (m: string) => process.stdout.write(`${m}\n`) }: { force?: boolean; log?: (m: string) => void } = {}): Promise<boolean> {
  const need = force ? 'requested' : webBuildNeeded();
  if (need === null) {
    log('web app: apps/web/dist is up to date');
    return false;
  }
  log(`web app: building apps/web/dist (${need})…`);
  const started = Date.now();
  const { build } = await import('vite');
  await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  log(`web app: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await ensureWebBuild({ force: process.argv.includes('--force') });
