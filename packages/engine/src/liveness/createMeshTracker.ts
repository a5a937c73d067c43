import type { Human } from '@vladmandic/human';
import { EngineError } from '../EngineError.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import { createSerialQueue } from '../npm/createSerialQueue.ts';
import { loadHumanModule, registerFileModelLoader, tfjs } from '../npm/loadTfjsRuntime.ts';
import { resolveNpmModelPaths } from '../npm/resolveNpmModelPaths.ts';
import type { NpmModelPaths } from '../npm/resolveNpmModelPaths.ts';
import type { Box } from '../types.ts';
import { buildLivenessHumanConfig } from './buildLivenessHumanConfig.ts';

/** A 3D point `[x, y, z]`: x, y in input pixels, z in the same pixel scale (negative = towards the camera). */
export type Vec3 = readonly [number, number, number];

/** One face as the tracker sees it in one frame, in the pixels of the image it was given. */
export interface TrackedFace {
  readonly box: Box;
  /** blazeface confidence 0..1. */
  readonly boxScore: number;
  /** facemesh confidence 0..1. */
  readonly meshScore: number;
  /** The 468 facemesh points (MediaPipe topology). */
  readonly mesh: readonly Vec3[];
  /** The 10 iris points (5 per eye) when iris refinement ran, else empty. */
  readonly iris: readonly Vec3[];
  /** Head pose from the mesh, degrees: yaw (+ = face turns to image-left… see `headPose`), pitch, roll. */
  readonly angles: { readonly yawDeg: number; readonly pitchDeg: number; readonly rollDeg: number };
  /** faceres descriptor (1024-d, not normalised) when asked for, else empty. */
  readonly embedding: readonly number[];
}

/** Tracks faces frame by frame with Human's facemesh + iris. Calls are serialised internally. */
export interface MeshTracker {
  /** Faces in the image, largest first. `describe` also computes the faceres descriptor (slower). */
  track(image: RgbImage, options?: { describe?: boolean }): Promise<TrackedFace[]>;
  /** Version of `@vladmandic/human` (the template model version of `embedding`). */
  readonly humanVersion: string;
}

const RAD_TO_DEG = 180 / Math.PI;
const MESH_POINTS = 468;

function toVec3(p: readonly (number | undefined)[] | undefined): Vec3 {
  return [p?.[0] ?? 0, p?.[1] ?? 0, p?.[2] ?? 0];
}

/**
 * Creates a Human instance for liveness on the tfjs wasm backend (models read from the installed
 * npm package, nothing fetched) and loads blazeface, facemesh, iris and faceres.
 *
 * @throws {EngineError} MODEL_MISSING when a model does not load.
 */
export async function createMeshTracker({ paths = resolveNpmModelPaths(), maxFaces = 3, iris = true }: { paths?: NpmModelPaths; maxFaces?: number; iris?: boolean } = {}): Promise<MeshTracker> {
  const tf = tfjs();
  registerFileModelLoader();
  const { Human: HumanClass } = loadHumanModule(paths);
  const human: Human = new HumanClass(buildLivenessHumanConfig(paths, { maxFaces, describe: true, iris: true }));
  await human.load();
  const loaded = human.models.loaded();
  const missing = ['blazeface', 'facemesh', 'iris', 'faceres'].filter((m) => !loaded.includes(m));
  if (missing.length > 0) throw new EngineError('MODEL_MISSING', `Human models did not load from ${paths.humanModelsUrl}: ${missing.join(', ')}.`);
  const plain = buildLivenessHumanConfig(paths, { maxFaces, describe: false, iris });
  const described = buildLivenessHumanConfig(paths, { maxFaces, describe: true, iris });
  const queue = createSerialQueue();

  return {
    humanVersion: paths.humanVersion,
    track(image, { describe = false } = {}) {
      return queue.run(async () => {
        const input = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
        try {
          const result = await human.detect(input, describe ? described : plain);
          if (result.error) throw new EngineError('ENGINE_INTERNAL', `Human failed: ${result.error}`);
          return result.face
            .filter((f) => f.mesh.length >= MESH_POINTS)
            .map((f): TrackedFace => {
              const [x = 0, y = 0, width = 0, height = 0] = f.box;
              const angle = f.rotation?.angle;
              return {
                box: { x, y, width, height },
                boxScore: f.boxScore,
                meshScore: f.faceScore,
                mesh: f.mesh.slice(0, MESH_POINTS).map(toVec3),
                iris: f.mesh.slice(MESH_POINTS).map(toVec3),
                angles: { yawDeg: (angle?.yaw ?? 0) * RAD_TO_DEG, pitchDeg: (angle?.pitch ?? 0) * RAD_TO_DEG, rollDeg: (angle?.roll ?? 0) * RAD_TO_DEG },
                embedding: describe ? (f.embedding ?? []) : [],
              };
            })
            .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
        } finally {
          tf.dispose(input);
        }
      });
    },
  };
}
