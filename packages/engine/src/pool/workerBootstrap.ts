import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The `execArgv` a worker needs to run `entry`: none for JavaScript; for a TypeScript entry (the
 * source tree run through tsx or vitest) the tsx loader, resolved to an absolute URL so it works from
 * any working directory.
 */
export function workerExecArgv(entry: URL): string[] {
  if (!/\.[cm]?ts$/.test(entry.pathname)) return [];
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}
