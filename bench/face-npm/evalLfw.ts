/**
 * LFW 7-fold evaluation of the npm-packaged face engine (or of the face-api.js baseline).
 *
 *   npx tsx bench/face-npm/evalLfw.ts --lfw ../shared/data/face/lfw [--per-fold 43] [--engine npm|faceapi] [--out bench/results/face-npm.json] [--scores FILE]
 *
 * For each fold the threshold is chosen on the other folds; pairs where a face was not found count
 * as errors. Scores: npm engine = faceres cosine on L2-normalised vectors; face-api = −Euclidean distance.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFaceApiBaseline, createNpmFaceEngine, HUMAN_FACERES_MODEL } from '../../packages/engine/src/npm/index.ts';
import { readLfwPairs } from './readLfwPairs.ts';
import { errorRates, sevenFold } from './sevenFold.ts';
import type { ScoredPair } from './sevenFold.ts';

interface Describer {
  readonly name: string;
  embed(bytes: Uint8Array): Promise<Float32Array | null>;
  score(a: Float32Array, b: Float32Array): number;
  /** The engine's own fixed decision on the raw score, for "accuracy at the shipped threshold". */
  fixedThreshold: number;
  close(): Promise<void>;
}

async function npmDescriber(): Promise<Describer> {
  const engine = await createNpmFaceEngine();
  return {
    name: `npm (${engine.info.searchModel.id}@${engine.info.searchModel.version})`,
    async embed(bytes) {
      const a = await engine.analyze(bytes);
      return a.template?.vectors.find((v) => v.model === HUMAN_FACERES_MODEL)?.vector ?? null;
    },
    score(a, b) {
      let dot = 0;
      for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
      return dot;
    },
    fixedThreshold: Number.NaN,
    close: () => engine.close(),
  };
}

async function faceApiDescriber(): Promise<Describer> {
  const baseline = await createFaceApiBaseline();
  return {
    name: `faceapi (${baseline.name} standard pipeline)`,
    embed: (bytes) => baseline.describe(bytes),
    score: (a, b) => -baseline.distance(a, b),
    fixedThreshold: -baseline.threshold,
    close: () => baseline.close(),
  };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const { values } = parseArgs({
  options: {
    lfw: { type: 'string', default: '../shared/data/face/lfw' },
    'per-fold': { type: 'string' },
    engine: { type: 'string', default: 'npm' },
    out: { type: 'string' },
    scores: { type: 'string' },
  },
});
const perFold = values['per-fold'] === undefined ? Number.POSITIVE_INFINITY : Number(values['per-fold']);
const pairs = await readLfwPairs(values.lfw, perFold);
const describer = values.engine === 'faceapi' ? await faceApiDescriber() : await npmDescriber();
const images = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
const embeddings = new Map<string, Float32Array | null>();
const latencies: number[] = [];
const started = performance.now();
for (const [i, file] of images.entries()) {
  const bytes = await readFile(file);
  const t0 = performance.now();
  embeddings.set(file, await describer.embed(bytes));
  latencies.push(performance.now() - t0);
  if ((i + 1) % 200 === 0) console.error(`${i + 1}/${images.length} images, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
await describer.close();

const scored: ScoredPair[] = pairs.map((p) => {
  const a = embeddings.get(p.a);
  const b = embeddings.get(p.b);
  return { fold: p.fold, same: p.same, score: a && b ? describer.score(a, b) : null };
});
const cv = sevenFold(scored);
const found = scored.filter((p) => p.score !== null);
const cvFound = sevenFold(found);
const rates = errorRates(scored);
latencies.sort((a, b) => a - b);
const fixed = Number.isNaN(describer.fixedThreshold)
  ? null
  : scored.filter((p) => p.score !== null && p.score >= describer.fixedThreshold === p.same).length / scored.length;
const result = {
  engine: describer.name,
  protocol: 'LFW View-2, threshold per fold chosen on the other folds; no-face pairs count as errors',
  pairs: scored.length,
  folds: cv.foldAccuracies.length,
  accuracy: cv.accuracy,
  accuracyStd: cv.accuracyStd,
  accuracyExcludingFailures: cvFound.accuracy,
  eer: rates.eer,
  tarAtFar1e3: rates.tarAtFar1e3,
  accuracyAtFixedThreshold: fixed,
  thresholds: cv.thresholds,
  meanThreshold: cv.thresholds.reduce((s, t) => s + t, 0) / cv.thresholds.length,
  failures: [...embeddings.values()].filter((e) => e === null).length,
  failedPairs: scored.length - found.length,
  images: images.length,
  latencyMs: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), mean: latencies.reduce((s, t) => s + t, 0) / latencies.length },
  date: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
if (values.scores) {
  await mkdir(path.dirname(values.scores), { recursive: true });
  await writeFile(values.scores, `${JSON.stringify(scored)}\n`);
}
if (values.out) {
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
}
