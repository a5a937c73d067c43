import type { RgbImage } from '../image/RgbImage.ts';
import { loadModelFiles } from '../models/loadModelFiles.ts';
import { MODEL_MANIFEST } from '../models/modelManifest.ts';
import { createMiniFasNet } from '../onnx/MiniFasNet.ts';
import { createOnnxSession } from '../onnx/OnnxSession.ts';
import type { DetectedFace } from '../types.ts';

/** Passive PAD on single frames: MiniFASNet V2 + V1SE live score 0..1 (the ONNX engine's model). */
export interface PadScorer {
  /** Model ids and versions, for results and audit. */
  readonly models: readonly string[];
  liveScore(image: RgbImage, face: DetectedFace): Promise<number>;
  release(): Promise<void>;
}

/**
 * Loads the ONNX engine's MiniFASNet PAD models from `modelsDir` (checked against the manifest's
 * SHA-256) and scores frames with them, in the calling thread (an 80×80 crop per model, a few ms).
 *
 * @throws {EngineError} MODEL_MISSING or MODEL_CHECKSUM_MISMATCH from `loadModelFiles`.
 */
export async function createPadScorer(modelsDir: string): Promise<PadScorer> {
  const models = await loadModelFiles(modelsDir);
  const [v2, v1se] = await Promise.all([createOnnxSession(models.padV2), createOnnxSession(models.padV1se)]);
  const pad = createMiniFasNet(v2, v1se);
  return {
    models: [MODEL_MANIFEST.padV2, MODEL_MANIFEST.padV1se].map((m) => `${m.id}@${m.version}`),
    liveScore: (image: RgbImage, face: DetectedFace) => pad.liveScore(image, face, face),
    async release() {
      await Promise.all([v2.release(), v1se.release()]);
    },
  };
}
