import { fileURLToPath } from 'node:url';

/**
 * Locations of the shared evaluation data and models used by tests and benchmarks (never copied into
 * the repository). `AUTHLOOP_MODELS_DIR` overrides the models directory.
 */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));
/** The ONNX models directory for tests: `AUTHLOOP_MODELS_DIR` or `../shared/data/models`. */
export const TEST_MODELS_DIR = process.env.AUTHLOOP_MODELS_DIR ?? `${SHARED_DATA_DIR}/models`;
