import { EngineError } from './EngineError.ts';
import type { FaceCalibration } from './match/FaceCalibration.ts';
import { createOnnxFaceEngine, type OnnxFaceEngineOptions } from './onnx/createOnnxFaceEngine.ts';
import { createPooledNpmFaceEngine } from './pool/createPooledNpmFaceEngine.ts';
import type { FaceEngine } from './types.ts';

/** Minimal structured logger (pino-compatible: object first, message second). */
export interface EngineLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Which engine {@link createFaceEngine} chose and why. */
export interface EngineSelection {
  readonly engine: 'onnx' | 'npm';
  readonly reason: string;
  /** What running this engine costs, for logs and /ready: measured LFW accuracy and PAD availability. */
  readonly note: string;
}

/** Options of {@link createFaceEngine}. */
export interface CreateFaceEngineOptions {
  /** Models directory (the server passes `AUTHLOOP_MODELS_DIR`). Absent: the npm-packaged engine. */
  readonly modelsDir?: string;
  /** Worker threads per engine; default: available cores. */
  readonly poolSize?: number;
  /** Requests allowed to wait when all workers are busy; default 4 × poolSize; beyond it: ENGINE_BUSY. */
  readonly queueLimit?: number;
  /** Calibration for the ONNX engine; default the shipped `calibration/face-onnx.json`. */
  readonly calibration?: FaceCalibration;
  /** Throw instead of falling back when `modelsDir` is set but its models are missing or corrupt. Default false. */
  readonly requireOnnx?: boolean;
  /** Extra ONNX options (decode limits, detector, quality thresholds). */
  readonly onnx?: Pick<OnnxFaceEngineOptions, 'decode' | 'detector' | 'quality'>;
  readonly logger?: EngineLogger;
  /** Called once with the choice made (for /ready and metrics). */
  readonly onSelect?: (selection: EngineSelection) => void;
}

const ONNX_NOTE = 'ONNX engine: YuNet + MobileFaceNet (flip) + MiniFASNet V2/V1SE; passive PAD available. See docs/models.md for measured LFW/NUAA figures.';
const NPM_NOTE = 'npm fallback engine (Human faceres on tfjs-wasm): lower accuracy than the ONNX engine (see docs/models.md) and NO passive PAD (liveness "unavailable"). Run "npm run models:fetch" and set AUTHLOOP_MODELS_DIR for the ONNX engine.';

/**
 * Creates the face engine the deployment can run: the ONNX engine when `modelsDir` holds valid models
 * (checked by SHA-256), otherwise the npm-packaged engine, both running inference in worker threads.
 * The choice is logged and reported through `onSelect`. A models directory that is set but broken
 * falls back with a warning naming the bad file, unless `requireOnnx`.
 *
 * @throws {EngineError} when `requireOnnx` and the ONNX engine cannot load, or when no engine can start.
 */
export async function createFaceEngine({ modelsDir, poolSize, queueLimit, calibration, requireOnnx = false, onnx = {}, logger, onSelect }: CreateFaceEngineOptions = {}): Promise<FaceEngine> {
  const report = (s: EngineSelection, level: 'info' | 'warn'): void => {
    logger?.[level]({ engine: s.engine, reason: s.reason }, s.note);
    onSelect?.(s);
  };
  let reason = 'no models directory configured';
  if (modelsDir !== undefined && modelsDir !== '') {
    try {
      const engine = await createOnnxFaceEngine({
        modelsDir,
        ...onnx,
        ...(poolSize === undefined ? {} : { poolSize }),
        ...(queueLimit === undefined ? {} : { queueLimit }),
        ...(calibration === undefined ? {} : { calibration }),
      });
      report({ engine: 'onnx', reason: `models verified in ${modelsDir}`, note: ONNX_NOTE }, 'info');
      return engine;
    } catch (err) {
      if (requireOnnx || !(err instanceof EngineError) || !['MODEL_MISSING', 'MODEL_CHECKSUM_MISMATCH'].includes(err.code)) throw err;
      reason = err.message;
    }
  }
  const engine = await createPooledNpmFaceEngine({
    ...(poolSize === undefined ? {} : { poolSize }),
    ...(queueLimit === undefined ? {} : { queueLimit }),
  });
  report({ engine: 'npm', reason, note: NPM_NOTE }, 'warn');
  return engine;
}
