import { readFile } from 'node:fs/promises';
import { EngineError } from '../EngineError.ts';
import type { AnalyzeOptions, FaceAnalysis, FaceEngine } from '../types.ts';

/** Options of {@link analyzeFiles}. */
export interface AnalyzeFilesOptions {
  readonly engine: FaceEngine;
  readonly files: readonly string[];
  readonly analyze?: AnalyzeOptions;
  /** Requests in flight at once; keep it within the engine's pool + queue. Default 2. */
  readonly concurrency?: number;
  /** Called after each file with the number done. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Per-file outcome: the analysis, or the engine error code that refused the image. */
export type FileAnalysis = { readonly ok: true; readonly analysis: FaceAnalysis; readonly ms: number } | { readonly ok: false; readonly code: string };

/**
 * Reads and analyzes files with bounded concurrency, retrying a request the engine refused as busy.
 * Bad images become `{ ok: false, code }` results; other failures reject.
 */
export async function analyzeFiles({ engine, files, analyze = {}, concurrency = 2, onProgress }: AnalyzeFilesOptions): Promise<Map<string, FileAnalysis>> {
  const out = new Map<string, FileAnalysis>();
  let next = 0, done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      const file = files[i];
      if (file === undefined) return;
      const bytes = await readFile(file);
      for (;;) {
        const t0 = performance.now();
        try {
          const analysis = await engine.analyze(bytes, analyze);
          out.set(file, { ok: true, analysis, ms: performance.now() - t0 });
          break;
        } catch (err) {
          if (err instanceof EngineError && err.code === 'ENGINE_BUSY') {
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          if (err instanceof EngineError && err.status < 500) {
            out.set(file, { ok: false, code: err.code });
            break;
          }
          throw err;
        }
      }
      onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return out;
}
