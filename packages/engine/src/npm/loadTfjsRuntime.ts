import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as HumanModule from '@vladmandic/human';
import type * as FaceApiModule from '@vladmandic/face-api';
import * as tf from '@tensorflow/tfjs-core';
import { z } from 'zod';
import type { NpmModelPaths } from './resolveNpmModelPaths.ts';

/** The tfjs-core namespace shared by Human and face-api (one instance per process). */
export type Tfjs = typeof tf;

const PROBE_URL = 'file:///authloop-probe/model.json';

const modelJsonSchema = z.looseObject({
  modelTopology: z.looseObject({}),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(z.looseObject({})) })),
});

/**
 * Makes tfjs load `file://…model.json` URLs from disk. tfjs-core only knows http(s) and browser
 * stores; `tfjs-node` normally adds this router but the wasm build does not have it. The router is
 * process-wide state inside tfjs-core, so it is registered only when no handler answers yet
 * (idempotent; stateless: it only reads the file the URL names).
 */
export function registerFileModelLoader(): void {
  if (tf.io.getLoadHandlers(PROBE_URL).length > 0) return;
  // tfjs routers return null for URLs they do not handle (its own http router does), but the
  // published `IORouter` type omits the null, hence the cast of the whole function below.
  const router = (url: string | string[]): tf.io.IOHandler | null => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const file = fileURLToPath(url);
    return {
      load: async () => {
        const json: unknown = JSON.parse(await readFile(file, 'utf8'));
        const parsed = modelJsonSchema.parse(json);
        const modelJson = parsed as unknown as tf.io.ModelJSON;
        return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
          const specs = manifest.flatMap((group) => group.weights);
          const buffers = await Promise.all(manifest.flatMap((group) => group.paths.map((p) => readFile(path.join(path.dirname(file), p)))));
          const joined = Buffer.concat(buffers);
          const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
          return [specs, weightData];
        });
      },
    };
  };
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}

/**
 * Loads Human's Node wasm build (`dist/human.node-wasm.js`), which the package's `exports` map does
 * not expose under a valid subpath, so it is required by file path. Its typings are the package's.
 */
export function loadHumanModule(paths: NpmModelPaths): typeof HumanModule {
  const require = createRequire(import.meta.url);
  return require(path.join(paths.humanDir, 'dist', 'human.node-wasm.js')) as typeof HumanModule;
}

/** Loads face-api's Node wasm build (`dist/face-api.node-wasm.js`) by file path, typed with the package's typings. */
export function loadFaceApiModule(paths: NpmModelPaths): typeof FaceApiModule {
  const require = createRequire(import.meta.url);
  return require(path.join(paths.faceApiDir, 'dist', 'face-api.node-wasm.js')) as typeof FaceApiModule;
}

/** The tfjs-core instance (the same one Human and face-api `require`). */
export function tfjs(): Tfjs {
  return tf;
}
