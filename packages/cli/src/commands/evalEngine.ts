import { createFaceEngine, createOnnxFaceEngine, createPooledNpmFaceEngine, type FaceEngine } from '@authloop/engine';

/** Engine options shared by the eval commands. */
export interface EvalEngineOptions {
  readonly engine: string;
  readonly models?: string;
  readonly pool?: string;
}

/**
 * Creates the engine an eval command measures: `onnx` (models from `--models` or `AUTHLOOP_MODELS_DIR`,
 * failing if they are missing), `npm` (packaged models), or `auto` (as the server would choose).
 */
export async function createEvalEngine({ engine, models, pool }: EvalEngineOptions): Promise<FaceEngine> {
  const modelsDir = models ?? process.env.AUTHLOOP_MODELS_DIR;
  const poolSize = pool === undefined ? undefined : Number.parseInt(pool, 10);
  const sizing = poolSize === undefined || !Number.isFinite(poolSize) ? {} : { poolSize };
  const log = (obj: object, msg: string): void => { process.stderr.write(`authloop eval: ${msg} ${JSON.stringify(obj)}\n`); };
  switch (engine) {
    case 'onnx':
      if (modelsDir === undefined) throw new Error('--engine onnx needs --models DIR or AUTHLOOP_MODELS_DIR');
      return createOnnxFaceEngine({ modelsDir, ...sizing });
    case 'npm':
      return createPooledNpmFaceEngine(sizing);
    case 'auto':
      return createFaceEngine({ ...(modelsDir === undefined ? {} : { modelsDir }), ...sizing, logger: { info: log, warn: log } });
    default:
      throw new Error(`unknown engine "${engine}" (use auto, onnx or npm)`);
  }
}

/** A progress reporter that writes to stderr at most every 500 images. */
export function progress(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (done % 500 === 0 || done === total) process.stderr.write(`${label}: ${done}/${total}\n`);
  };
}
