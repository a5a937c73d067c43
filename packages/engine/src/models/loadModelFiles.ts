import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '../EngineError.ts';
import { MODEL_MANIFEST, type ModelKey } from './modelManifest.ts';

/** The bytes of every ONNX model, checked against the manifest. */
export type ModelBytes = Readonly<Record<ModelKey, Uint8Array>>;

/** SHA-256 of some bytes, lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads every model of {@link MODEL_MANIFEST} from `modelsDir` and verifies its SHA-256.
 *
 * @throws {EngineError} MODEL_MISSING naming the missing file, MODEL_CHECKSUM_MISMATCH naming the
 *   file whose hash differs (with expected and actual hashes).
 */
export async function loadModelFiles(modelsDir: string): Promise<ModelBytes> {
  const keys = Object.keys(MODEL_MANIFEST) as ModelKey[];
  const entries = await Promise.all(
    keys.map(async (key): Promise<[ModelKey, Uint8Array]> => {
      const model = MODEL_MANIFEST[key];
      const file = join(modelsDir, model.path);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (cause) {
        throw new EngineError('MODEL_MISSING', `Model file ${file} (${model.id}) is missing or unreadable.`, { cause });
      }
      const actual = sha256Hex(bytes);
      if (actual !== model.sha256) {
        throw new EngineError(
          'MODEL_CHECKSUM_MISMATCH',
          `Model file ${file} (${model.id}) has SHA-256 ${actual}, expected ${model.sha256}; re-fetch it with "npm run models:fetch".`,
        );
      }
      return [key, bytes];
    }),
  );
  return Object.fromEntries(entries) as Record<ModelKey, Uint8Array>;
}
