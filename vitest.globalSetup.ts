import { ensureWebBuild } from './apps/web/scripts/ensureWebBuild.ts';

/**
 * Builds the web app once, before any test file runs: browser test files run in parallel workers,
 * and each would otherwise find `apps/web/dist` missing on a fresh clone and rebuild it while
 * another file's server serves it.
 */
export default async function setup(): Promise<void> {
  await ensureWebBuild({ log: (m) => process.stdout.write(`${m}\n`) });
}
