import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** Where the npm-packaged models and the tfjs wasm binaries live on disk. */
export interface NpmModelPaths {
  /** Root of the installed `@vladmandic/human` package. */
  readonly humanDir: string;
  /** Version of `@vladmandic/human` (from its package.json); part of every template's version. */
  readonly humanVersion: string;
  /** Human's model directory as a `file://` URL ending in `/`. */
  readonly humanModelsUrl: string;
  /** Root of the installed `@vladmandic/face-api` package. */
  readonly faceApiDir: string;
  /** Version of `@vladmandic/face-api`. */
  readonly faceApiVersion: string;
  /** face-api's model directory (a plain path). */
  readonly faceApiModelsDir: string;
  /** Directory holding `tfjs-backend-wasm*.wasm`, ending in `/`. */
  readonly wasmDir: string;
}

const packageJsonSchema = z.object({ version: z.string().min(1) });

function packageRoot(entry: string, name: string): string {
  let dir = path.dirname(entry);
  while (path.basename(dir) !== name.split('/').at(-1)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the root of ${name} from ${entry}`);
    dir = parent;
  }
  return dir;
}

function readVersion(dir: string): string {
  return packageJsonSchema.parse(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).version;
}

/**
 * Finds the installed npm model packages on disk (nothing is fetched). Paths are resolved from
 * this module with Node's resolver, so they follow the workspace's `node_modules` layout.
 */
export function resolveNpmModelPaths(): NpmModelPaths {
  const require = createRequire(import.meta.url);
  const humanDir = packageRoot(require.resolve('@vladmandic/human'), '@vladmandic/human');
  const faceApiDir = packageRoot(require.resolve('@vladmandic/face-api'), '@vladmandic/face-api');
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return {
    humanDir,
    humanVersion: readVersion(humanDir),
    humanModelsUrl: `${pathToFileURL(path.join(humanDir, 'models')).href}/`,
    faceApiDir,
    faceApiVersion: readVersion(faceApiDir),
    faceApiModelsDir: path.join(faceApiDir, 'model'),
    wasmDir: `${wasmDir}${path.sep}`,
  };
}
