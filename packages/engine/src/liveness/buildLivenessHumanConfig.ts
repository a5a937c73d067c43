import type { Config } from '@vladmandic/human';
import type { NpmModelPaths } from '../npm/resolveNpmModelPaths.ts';

/**
 * Human's configuration for liveness tracking: tfjs wasm backend with the packaged models read
 * from disk, blazeface + facemesh (468 points, 3D) + iris (unless `iris` is false: about half the
 * cost, eyelids then come from facemesh alone); faceres only when `describe` is true
 * (the best frame's template). Frame caching and result skipping are off: Human keeps that state
 * per process, and one process serves many concurrent sessions, so every frame is analysed afresh.
 */
export function buildLivenessHumanConfig(paths: NpmModelPaths, { maxFaces = 3, describe = false, iris = true }: { maxFaces?: number; describe?: boolean; iris?: boolean } = {}): Partial<Config> {
  const noSkip = { skipFrames: 0, skipTime: 0 };
  return {
    backend: 'wasm',
    wasmPath: paths.wasmDir,
    wasmPlatformFetch: false,
    modelBasePath: paths.humanModelsUrl,
    debug: false,
    async: false,
    warmup: 'none',
    cacheModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: true, maxDetected: maxFaces, minConfidence: 0.3, iouThreshold: 0.1, return: false, ...noSkip },
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      iris: { enabled: iris, modelPath: 'iris.json' },
      description: { enabled: describe, modelPath: 'faceres.json', ...noSkip },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
      gear: { enabled: false },
    },
  };
}
