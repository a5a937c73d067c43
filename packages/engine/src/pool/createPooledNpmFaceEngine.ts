import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { EngineError } from '../EngineError.ts';
import { compareNpmTemplates, FACEAPI_RESNET_MODEL, HUMAN_FACERES_MODEL, npmCalibrations } from '../npm/index.ts';
import type { FaceWorkerTask } from '../onnx/faceWorker.ts';
import type { AnalyzeOptions, EngineInfo, FaceAnalysis, FaceEngine, FaceTemplate, MatchScore } from '../types.ts';
import { createWorkerPool } from './createWorkerPool.ts';

const infoSchema = z.object({
  name: z.string(),
  models: z.array(z.object({ id: z.string(), version: z.string(), role: z.enum(['detector', 'recogniser', 'pad']) })),
  padAvailable: z.boolean(),
  searchModel: z.object({ id: z.string(), version: z.string(), dimensions: z.number().int().positive() }),
});

/** Options of {@link createPooledNpmFaceEngine}. */
export interface PooledNpmFaceEngineOptions {
  /** Worker threads; default: available cores. Each loads Human's models on tfjs-wasm (~150 MB). */
  readonly poolSize?: number;
  /** Requests allowed to wait when every worker is busy; default 4 × poolSize. */
  readonly queueLimit?: number;
}

/**
 * The npm-packaged fallback engine (`createNpmFaceEngine`, Human faceres on tfjs-wasm) run in a
 * worker pool, so its inference never blocks the event loop. Same contract and templates as the
 * in-thread engine; `compare` runs in place with the npm engine's calibration.
 *
 * @throws {EngineError} MODEL_MISSING if the packaged models cannot load, ENGINE_INTERNAL if a worker cannot start.
 */
export async function createPooledNpmFaceEngine({ poolSize = Math.max(1, availableParallelism()), queueLimit }: PooledNpmFaceEngineOptions = {}): Promise<FaceEngine> {
  const pool = createWorkerPool<FaceWorkerTask, FaceAnalysis>({
    entry: new URL('./npmFaceWorker.ts', import.meta.url),
    workerData: null,
    size: poolSize,
    queueLimit: queueLimit ?? 4 * poolSize,
  });
  let info: EngineInfo;
  try {
    const parsed = infoSchema.safeParse(await pool.ready);
    if (!parsed.success) throw new EngineError('ENGINE_INTERNAL', 'The npm face worker reported malformed engine info.');
    info = parsed.data;
  } catch (err) {
    await pool.close();
    throw err;
  }
  const versionOf = (id: string): string => info.models.find((m) => m.id === id)?.version ?? 'absent';
  const calibrations = npmCalibrations(versionOf(HUMAN_FACERES_MODEL), versionOf(FACEAPI_RESNET_MODEL));
  return {
    info,
    analyze(image: Uint8Array, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
      return pool.run({ image, options });
    },
    compare(a: FaceTemplate, b: FaceTemplate): MatchScore {
      return compareNpmTemplates(a, b, calibrations);
    },
    close: () => pool.close(),
  };
}
