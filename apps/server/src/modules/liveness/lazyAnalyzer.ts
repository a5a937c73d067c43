import { createLivenessAnalyzerPool } from '@authloop/engine/liveness';
import type { LivenessAnalyzerPool } from '@authloop/engine/liveness';

/** A liveness analyser started on first use and closed with the app. */
export interface LazyAnalyzer {
  readonly get: () => Promise<LivenessAnalyzerPool>;
  /** Closes the pool if this object started it (an injected pool belongs to its creator). */
  close(): Promise<void>;
}

/**
 * Returns `given` when the composition root (or a test) provides a pool; otherwise starts one
 * worker on the first stream, with MiniFASNet PAD when `modelsDir` is set.
 */
export function lazyAnalyzer(given: LivenessAnalyzerPool | undefined, modelsDir: string | undefined): LazyAnalyzer {
  let started: Promise<LivenessAnalyzerPool> | null = null;
  return {
    get: () => {
      if (given !== undefined) return given.ready.then(() => given);
      started ??= (async () => {
        const pool = createLivenessAnalyzerPool({ modelsDir });
        await pool.ready;
        return pool;
      })();
      return started;
    },
    async close() {
      if (started === null) return;
      const pool = await started.catch(() => null);
      await pool?.close();
    },
  };
}
