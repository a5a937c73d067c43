import { availableParallelism } from 'node:os';
import { EngineError } from '../EngineError.ts';
import type { DecodeLimits } from '../image/decodeImage.ts';
import { loadModelFiles } from '../models/loadModelFiles.ts';
import { MODEL_MANIFEST } from '../models/modelManifest.ts';
import type { FaceCalibration } from '../match/FaceCalibration.ts';
import { compareTemplates } from '../match/compareTemplates.ts';
import { loadCalibration } from '../match/loadCalibration.ts';
import { createWorkerPool } from '../pool/createWorkerPool.ts';
import type { QualityThresholds } from '../quality/assessQuality.ts';
import type { AnalyzeOptions, FaceAnalysis, FaceEngine, FaceTemplate, MatchScore } from '../types.ts';
import type { FaceWorkerData, FaceWorkerTask } from './faceWorker.ts';
import { onnxTemplateVersion } from './onnxTemplateVersion.ts';
import type { YunetOptions } from './YunetDetector.ts';

/** Options of {@link createOnnxFaceEngine}. */
export interface OnnxFaceEngineOptions {
  /** Directory holding the model files listed in `MODEL_MANIFEST` (e.g. `AUTHLOOP_MODELS_DIR`). */
  readonly modelsDir: string;
  /** Worker threads; default: available cores (at least 1). Each loads its own copy of the models (~10 MB). */
  readonly poolSize?: number;
  /** Requests allowed to wait when every worker is busy; default 4 × poolSize. One more gets ENGINE_BUSY. */
  readonly queueLimit?: number;
  /** Calibration (thresholds, fusion); default the shipped `calibration/face-onnx.json`. */
  readonly calibration?: FaceCalibration;
  readonly decode?: DecodeLimits;
  readonly detector?: YunetOptions;
  readonly quality?: QualityThresholds;
}

/** The ONNX face engine plus pool statistics for metrics. */
export interface OnnxFaceEngine extends FaceEngine {
  readonly calibration: FaceCalibration;
  poolStats(): { readonly queued: number; readonly running: number; readonly size: number };
}

/**
 * Creates the ONNX face engine: verifies every model file's SHA-256, starts a pool of worker threads
 * that each load the models once (one onnxruntime thread per session), and resolves when all workers
 * are ready. `analyze` runs in a worker (never on the caller's event loop); `compare` is a cheap pure
 * function run in place.
 *
 * @throws {EngineError} MODEL_MISSING / MODEL_CHECKSUM_MISMATCH naming the file, CALIBRATION_INVALID,
 *   ENGINE_INTERNAL if a worker cannot start.
 */
export async function createOnnxFaceEngine({
  modelsDir, poolSize = Math.max(1, availableParallelism()), queueLimit, calibration, decode, detector, quality,
}: OnnxFaceEngineOptions): Promise<OnnxFaceEngine> {
  const models = await loadModelFiles(modelsDir);
  const cal = calibration ?? (await loadCalibration());
  const version = onnxTemplateVersion(true);
  const primary = cal.models.at(-1)?.recognisers[0];
  // The last (least demanding) fusion model must be fed by this engine's recogniser alone.
  if (primary === undefined || primary.model !== MODEL_MANIFEST.recogniser.id || primary.version !== version) {
    throw new EngineError('CALIBRATION_INVALID', `Calibration ${cal.version} does not fit recogniser ${MODEL_MANIFEST.recogniser.id}@${version}.`);
  }
  const workerData: FaceWorkerData = {
    models,
    options: {
      padThreshold: cal.pad?.threshold ?? 0.5,
      flip: true,
      ...(decode === undefined ? {} : { decode }),
      ...(detector === undefined ? {} : { detector }),
      ...(quality === undefined ? {} : { quality }),
    },
  };
  const pool = createWorkerPool<FaceWorkerTask, FaceAnalysis>({
    entry: new URL('./faceWorker.ts', import.meta.url),
    workerData,
    size: poolSize,
    queueLimit: queueLimit ?? 4 * poolSize,
  });
  try {
    await pool.ready;
  } catch (err) {
    await pool.close();
    throw err;
  }
  const { detector: det, recogniser, padV2, padV1se } = MODEL_MANIFEST;
  return {
    info: {
      name: 'onnx',
      models: [
        { id: det.id, version: det.version, role: 'detector' },
        { id: recogniser.id, version, role: 'recogniser' },
        { id: padV2.id, version: padV2.version, role: 'pad' },
        { id: padV1se.id, version: padV1se.version, role: 'pad' },
      ],
      padAvailable: cal.pad !== null,
      searchModel: { id: recogniser.id, version, dimensions: 128 },
    },
    calibration: cal,
    analyze(image: Uint8Array, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
      return pool.run({ image, options });
    },
    compare(a: FaceTemplate, b: FaceTemplate): MatchScore {
      return compareTemplates(a, b, cal);
    },
    poolStats: () => pool.stats(),
    close: () => pool.close(),
  };
}
