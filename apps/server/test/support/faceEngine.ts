import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFaceEngine, createNpmFaceEngine } from '@authloop/engine';
import type { FaceAnalysis, FaceEngine } from '@authloop/engine';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The models directory tests use: AUTHLOOP_MODELS_DIR, else ../shared/data/models. */
export const testModelsDir = process.env['AUTHLOOP_MODELS_DIR'] ?? `${root}../shared/data/models`;

/** LFW deep-funneled images (read in place, never copied into the repository). */
export const lfwDir = `${root}../shared/data/face/lfw/lfw-deepfunneled`;

/** The bytes of an LFW image, e.g. `lfwImage('Tony_Blair', 3)`. */
export function lfwImage(person: string, n: number): Uint8Array {
  return new Uint8Array(readFileSync(`${lfwDir}/${person}/${person}_${String(n).padStart(4, '0')}.jpg`));
}

let shared: Promise<FaceEngine> | undefined;

/**
 * One face engine per test file (loading models is slow): `createFaceEngine` with the test models
 * directory, falling back to the in-thread npm engine if it cannot start. Analyses are memoised by
 * image hash, so the suites of both database drivers analyse each photo once.
 */
export function testFaceEngine(): Promise<FaceEngine> {
  shared ??= (async () => {
    let engine: FaceEngine;
    try {
      engine = await createFaceEngine({ modelsDir: testModelsDir, poolSize: 1 });
    } catch (error) {
      process.stderr.write(`createFaceEngine failed (${error instanceof Error ? error.message : String(error)}); using the in-thread npm engine\n`);
      engine = await createNpmFaceEngine();
    }
    return memoised(engine);
  })();
  return shared;
}

/** Closes the shared engine (call in the test file's top-level afterAll). */
export async function closeTestFaceEngine(): Promise<void> {
  const e = shared;
  shared = undefined;
  if (e !== undefined) await (await e).close();
}

function memoised(engine: FaceEngine): FaceEngine {
  const cache = new Map<string, Promise<FaceAnalysis>>();
  return {
    info: engine.info,
    analyze(image, options) {
      const key = `${createHash('sha256').update(image).digest('hex')}/${options?.pad === false ? 0 : 1}`;
      let hit = cache.get(key);
      if (hit === undefined) {
        hit = engine.analyze(image, options);
        cache.set(key, hit);
        hit.catch(() => cache.delete(key));
      }
      return hit;
    },
    compare: (a, b) => engine.compare(a, b),
    close: () => engine.close(),
  };
}
