import type { Config } from '@vladmandic/human';
import { buildHumanConfig } from '../npm/buildHumanConfig.ts';
import type { NpmModelPaths } from '../npm/resolveNpmModelPaths.ts';

/**
 * Human's configuration for liveness tracking: tfjs wasm backend with the packaged models read
 * from disk, blazeface + facemesh (468 points, 3D) + iris (unless `iris` is false: about half the
 * cost, eyelids then come from facemesh alone); faceres only when `describe` is true
 * (the best frame's template). Frame caching and result skipping are off: Human keeps that state
 * per process, and one process serves many concurrent sessions, so every frame is analysed afresh.
 */
export function buildLivenessHumanConfig(paths: NpmModelPaths, { maxFaces = 3, describe = false, iris = true }: { maxFaces?: number; describe?: boolean; iris?: boolean } = {}): Partial<Config> {
  return buildHumanConfig(paths, maxFaces, { iris, describe });
}
