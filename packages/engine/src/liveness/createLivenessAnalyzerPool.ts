import { z } from 'zod';
import { createWorkerPool } from '../pool/createWorkerPool.ts';
import type { AnalyzeFrameOptions } from './createFrameAnalyzer.ts';
import type { FrameObservation } from './FrameObservation.ts';
import type { LivenessWorkerTask } from './livenessWorker.ts';

/** Frame analysis off the event loop, in worker threads. */
export interface LivenessAnalyzerPool {
  /** Resolves once every worker has loaded its models. */
  readonly ready: Promise<void>;
  readonly padAvailable: () => boolean;
  readonly templateModel: () => { readonly model: string; readonly version: string } | null;
  /** Analyses one JPEG frame. Rejects with ENGINE_BUSY when the queue is full (drop the frame). */
  analyzeJpeg(jpeg: Uint8Array, tMs: number, options?: AnalyzeFrameOptions): Promise<FrameObservation>;
  stats(): { readonly queued: number; readonly running: number; readonly size: number };
  close(): Promise<void>;
}

const infoSchema = z.object({ padAvailable: z.boolean(), padModels: z.array(z.string()), templateModel: z.object({ model: z.string(), version: z.string() }) });

/**
 * Starts `size` liveness workers (default 1: Human's wasm backend is single-threaded per worker, and
 * one worker per spare core is the useful maximum). `queueLimit` frames may wait (default 4).
 */
export function createLivenessAnalyzerPool({ modelsDir, maxSide, iris, size = 1, queueLimit = 4 }: { modelsDir?: string | undefined; maxSide?: number; iris?: boolean; size?: number; queueLimit?: number } = {}): LivenessAnalyzerPool {
  const pool = createWorkerPool<LivenessWorkerTask, FrameObservation>({
    entry: new URL('./livenessWorker.ts', import.meta.url),
    workerData: { modelsDir, maxSide, iris },
    size,
    queueLimit,
  });
  let info: z.infer<typeof infoSchema> | null = null;
  const ready = pool.ready.then((i) => {
    info = infoSchema.parse(i);
  });
  return {
    ready,
    padAvailable: () => info?.padAvailable ?? false,
    templateModel: () => info?.templateModel ?? null,
    analyzeJpeg: (jpeg, tMs, options = {}) => pool.run({ jpeg, tMs, options }),
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}
