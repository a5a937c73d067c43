import type { Human } from '@vladmandic/human';
import { EngineError } from '../EngineError.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import type { Box } from '../types.ts';
import { buildHumanConfig } from './buildHumanConfig.ts';
import { loadHumanModule, registerFileModelLoader, tfjs } from './loadTfjsRuntime.ts';
import type { MeshPoint } from './meshGeometry.ts';
import type { NpmModelPaths } from './resolveNpmModelPaths.ts';

/** One face as Human sees it, in the pixels of the image it was given. */
export interface HumanFace {
  readonly box: Box;
  /** Detector (blazeface) confidence 0..1. */
  readonly boxScore: number;
  /** Mesh (facemesh) confidence 0..1. */
  readonly meshScore: number;
  /** Yaw, pitch, roll in degrees (from the mesh), or zeros when unavailable. */
  readonly angles: { readonly yawDeg: number; readonly pitchDeg: number; readonly rollDeg: number };
  readonly mesh: readonly MeshPoint[];
  /** faceres descriptor (1024-d, not normalised); empty if the model produced none. */
  readonly embedding: readonly number[];
}

/** Runs Human on decoded images, one at a time. */
export interface HumanRunner {
  detect(image: RgbImage): Promise<HumanFace[]>;
  close(): void;
}

const RAD_TO_DEG = 180 / Math.PI;

/**
 * Creates a Human instance on the tfjs wasm backend with the packaged models read from disk and
 * loads blazeface, facemesh and faceres. Calls to `detect` must not overlap (the engine serialises
 * them): Human keeps per-instance and per-module state between calls.
 *
 * @throws {EngineError} MODEL_MISSING when a model does not load.
 */
export async function createHumanRunner(paths: NpmModelPaths, maxFaces: number): Promise<HumanRunner> {
  const tf = tfjs();
  registerFileModelLoader();
  const { Human: HumanClass } = loadHumanModule(paths);
  const human: Human = new HumanClass(buildHumanConfig(paths, maxFaces));
  await human.load();
  const loaded = human.models.loaded();
  const missing = ['blazeface', 'facemesh', 'faceres'].filter((m) => !loaded.includes(m));
  if (missing.length > 0) {
    throw new EngineError('MODEL_MISSING', `Human models did not load from ${paths.humanModelsUrl}: ${missing.join(', ')}.`);
  }

  return {
    async detect(image) {
      const input = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
      try {
        const result = await human.detect(input);
        if (result.error) throw new EngineError('ENGINE_INTERNAL', `Human failed: ${result.error}`);
        return result.face.map((f) => {
          const [x = 0, y = 0, width = 0, height = 0] = f.box;
          const angle = f.rotation?.angle;
          return {
            box: { x, y, width, height },
            boxScore: f.boxScore,
            meshScore: f.faceScore,
            angles: { yawDeg: (angle?.yaw ?? 0) * RAD_TO_DEG, pitchDeg: (angle?.pitch ?? 0) * RAD_TO_DEG, rollDeg: (angle?.roll ?? 0) * RAD_TO_DEG },
            mesh: f.mesh,
            embedding: f.embedding ?? [],
          };
        });
      } finally {
        tf.dispose(input);
      }
    },
    close() {
      // Human's model modules are process-wide; other instances may still use them, so only the
      // per-call tensors (already disposed) are this runner's to free.
    },
  };
}
