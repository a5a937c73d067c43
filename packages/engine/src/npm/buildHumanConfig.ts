import type { Config } from '@vladmandic/human';
import type { NpmModelPaths } from './resolveNpmModelPaths.ts';

/**
 * Human's configuration for the npm face engine: tfjs wasm backend with binaries and models read
 * from disk, blazeface (with rotation correction) + facemesh + faceres descriptor; everything else
 * (iris unless asked for, emotion, antispoof, liveness, body, hands, objects, gestures, filters, warm-up) off; no
 * frame caching or result skipping, since every call is an unrelated still image.
 */
export function buildHumanConfig(paths: NpmModelPaths, maxFaces: number, { iris = false, describe = true }: { iris?: boolean; describe?: boolean } = {}): Partial<Config> {
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
      iris: iris ? { enabled: true, modelPath: 'iris.json' } : { enabled: false },
      description: { enabled: describe, modelPath: 'faceres.json', ...noSkip },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
      gear: { enabled: false },
    },
  };
}
