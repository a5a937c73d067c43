import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** What {@link workerBootstrap} hands to a worker: the real entry and its data. */
export interface BootstrapData {
  readonly entry: string;
  readonly tsxApi: string | null;
  readonly data: unknown;
}

/**
 * Source of a tiny CommonJS bootstrap run with `new Worker(code, { eval: true })`. For a TypeScript entry
 * (the source tree run through tsx or vitest) it first registers tsx's ESM hooks inside the worker
 * thread — `execArgv: ['--import', 'tsx']` is not honoured by worker threads on Node 20 — then imports the
 * entry. Works the same under `tsx`, vitest and plain Node with compiled JavaScript.
 */
export const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi !== null) {
    const { register } = await import(workerData.tsxApi);
    register();
  }
  await import(workerData.entry);
})().catch((err) => { setImmediate(() => { throw err; }); });
`;

/** Builds the bootstrap's workerData for `entry`: the tsx API is resolved to an absolute URL only for `.ts` entries. */
export function bootstrapData(entry: URL, data: unknown): BootstrapData {
  const isTs = /\.[cm]?ts$/.test(entry.pathname);
  // tsx's ESM API (dist/esm/api/index.mjs); resolved through package.json because require.resolve picks the CJS build.
  const tsxApi = isTs ? new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href : null;
  return { entry: entry.href, tsxApi, data };
}

/** Inside a pool worker: the data the pool was created with. */
export function workerPayload(workerData: unknown): unknown {
  return (workerData as BootstrapData).data;
}
