/**
 * LFW evaluation of the npm-packaged face engine (faceres alone, face-api's recogniser on the same
 * faces, and their fusion) or of the face-api.js standard pipeline, with the 7-fold protocol: for
 * each fold the threshold (and, for the fusion, the logistic fit) is chosen on the other folds;
 * pairs where a face was not found count as errors.
 *
 *   npx tsx bench/face-npm/evalLfw.ts [--lfw ../shared/data/face/lfw] [--per-fold N] [--engine npm|faceapi]
 *       [--fusion] [--cache FILE.jsonl] [--out FILE.json]
 *
 * `--per-fold N` keeps the first N same and N different pairs of every fold (N = 43 gives 602 pairs).
 * `--cache` stores per-image vectors so a larger run reuses a smaller one. The result includes the
 * logistic calibrations fitted on all evaluated pairs (what `npmCalibration.ts` ships).
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidate, equalErrorRate, tarAtFar } from '../../packages/engine/src/eval/verificationMetrics.ts';
import type { ScoredPair } from '../../packages/engine/src/eval/verificationMetrics.ts';
import { fitLogistic, predictLogistic } from '../../packages/engine/src/eval/fitLogistic.ts';
import type { LogisticFit } from '../../packages/engine/src/eval/fitLogistic.ts';
import { lfwImageRoot, parseLfwPairs } from '../../packages/engine/src/eval/lfwPairs.ts';
import { createFaceApiBaseline, createNpmFaceEngine } from '../../packages/engine/src/npm/index.ts';
import { cosineOfNormalized, l2Normalize } from '../../packages/engine/src/npm/templateMath.ts';

type Vectors = Record<string, number[]>;
interface Embedder { readonly name: string; embed(bytes: Uint8Array): Promise<Vectors | null>; close(): Promise<void> }

async function npmEmbedder(fusion: boolean): Promise<Embedder> {
  const engine = await createNpmFaceEngine({ fusion });
  return {
    name: `npm ${engine.info.models.map((m) => `${m.id}@${m.version}`).join(' ')}`,
    async embed(bytes) {
      const t = (await engine.analyze(bytes)).template;
      return t ? Object.fromEntries(t.vectors.map((v) => [v.model, Array.from(v.vector)])) : null;
    },
    close: () => engine.close(),
  };
}

async function faceApiEmbedder(): Promise<Embedder> {
  const baseline = await createFaceApiBaseline();
  return {
    name: `${baseline.name} standard pipeline (score = -euclidean distance)`,
    async embed(bytes) {
      const d = await baseline.describe(bytes);
      return d ? { 'faceapi-standard': Array.from(d) } : null;
    },
    close: () => baseline.close(),
  };
}

const euclid = (a: readonly number[], b: readonly number[]): number => Math.sqrt(a.reduce((s, v, i) => s + (v - (b[i] ?? 0)) ** 2, 0));

function summary(pairs: readonly ScoredPair[]): Record<string, number | readonly number[]> {
  const cv = crossValidate(pairs);
  return { accuracy: cv.accuracy, accuracyStd: cv.accuracyStd, eer: equalErrorRate(pairs), tarAtFar1e3: tarAtFar(pairs, 1e-3).tar, foldThresholds: cv.foldThresholds };
}

/** Raw-feature form of a standardised logistic fit: logit = bias + Σ weights[i]·x[i]. */
function rawForm(fit: LogisticFit): { bias: number; weights: number[] } {
  const weights = fit.weights.map((w, i) => w / (fit.std[i] ?? 1));
  return { bias: fit.intercept - weights.reduce((s, w, i) => s + w * (fit.mean[i] ?? 0), 0), weights };
}

const { values } = parseArgs({
  options: {
    lfw: { type: 'string', default: '../shared/data/face/lfw' },
    'per-fold': { type: 'string' },
    engine: { type: 'string', default: 'npm' },
    fusion: { type: 'boolean', default: false },
    cache: { type: 'string' },
    out: { type: 'string' },
  },
});
const perFold = values['per-fold'] === undefined ? Number.POSITIVE_INFINITY : Number(values['per-fold']);
const all = parseLfwPairs(await readFile(path.join(values.lfw, 'pairs.txt'), 'utf8'));
const seen = new Map<string, number>();
const pairs = all.filter((p) => {
  const key = `${p.fold}:${String(p.same)}`;
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n < perFold;
});
const root = lfwImageRoot(values.lfw);
const cache = new Map<string, Vectors | null>();
if (values.cache) {
  try {
    for (const line of (await readFile(values.cache, 'utf8')).split('\n').filter((l) => l.length > 0)) {
      const entry = JSON.parse(line) as { image: string; vectors: Vectors | null };
      cache.set(entry.image, entry.vectors);
    }
  } catch {
    await mkdir(path.dirname(values.cache), { recursive: true });
  }
}
const wanted = values.engine === 'faceapi' ? ['faceapi-standard'] : values.fusion ? ['human-faceres', 'faceapi-resnet34'] : ['human-faceres'];
const isCached = (image: string): boolean => cache.has(image) && (cache.get(image) === null || wanted.every((m) => (cache.get(image) ?? {})[m]));
const images = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
const todo = images.filter((i) => !isCached(i));
const latencies: number[] = [];
if (todo.length > 0) {
  const embedder = values.engine === 'faceapi' ? await faceApiEmbedder() : await npmEmbedder(values.fusion);
  console.error(`${embedder.name}: ${todo.length} of ${images.length} images to embed`);
  const started = performance.now();
  for (const [i, image] of todo.entries()) {
    const bytes = await readFile(path.join(root, image));
    const t0 = performance.now();
    const vectors = await embedder.embed(bytes);
    latencies.push(performance.now() - t0);
    cache.set(image, vectors);
    if (values.cache) await appendFile(values.cache, `${JSON.stringify({ image, vectors })}\n`);
    if ((i + 1) % 100 === 0) console.error(`${i + 1}/${todo.length} images, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await embedder.close();
}

const feature = (p: { a: string; b: string }, model: string): number | null => {
  const a = cache.get(p.a)?.[model];
  const b = cache.get(p.b)?.[model];
  if (!a || !b) return null;
  return model === 'faceapi-standard' ? -euclid(a, b) : cosineOfNormalized(l2Normalize(a), l2Normalize(b));
};
const scored = (model: string): ScoredPair[] =>
  pairs.map((p) => {
    const s = feature(p, model);
    return s === null ? { fold: p.fold, same: p.same, score: Number.NEGATIVE_INFINITY, failed: true } : { fold: p.fold, same: p.same, score: s };
  });

const results: Record<string, unknown> = {};
const calibrations: Record<string, unknown> = {};
for (const model of wanted) {
  const s = scored(model);
  results[model] = summary(s);
  const ok = s.filter((p) => p.failed !== true);
  calibrations[model] = rawForm(fitLogistic(ok.map((p) => [p.score]), ok.map((p) => p.same)));
}
if (wanted.length === 2) {
  // Fusion, 7-fold: the logistic model is fitted on the other folds, then scored on the held-out fold.
  const rows = pairs.map((p) => ({ p, x: wanted.map((m) => feature(p, m)) }));
  const usable = rows.filter((r): r is { p: (typeof pairs)[number]; x: number[] } => r.x.every((v) => v !== null));
  const folds = [...new Set(pairs.map((p) => p.fold))];
  const fused: ScoredPair[] = [];
  for (const f of folds) {
    const train = usable.filter((r) => r.p.fold !== f);
    const fit = fitLogistic(train.map((r) => r.x), train.map((r) => r.p.same));
    for (const r of rows.filter((row) => row.p.fold === f)) {
      const x = r.x.every((v) => v !== null) ? r.x.map((v) => v ?? 0) : null;
      fused.push(x ? { fold: f, same: r.p.same, score: predictLogistic(fit, x) } : { fold: f, same: r.p.same, score: Number.NEGATIVE_INFINITY, failed: true });
    }
  }
  results['fused'] = summary(fused);
  calibrations['fused'] = rawForm(fitLogistic(usable.map((r) => r.x), usable.map((r) => r.p.same)));
}
latencies.sort((a, b) => a - b);
const result = {
  engine: values.engine,
  fusion: values.fusion,
  protocol: 'LFW View-2 pairs, 7-fold: threshold (and fusion fit) chosen on the other folds; pairs with no face count as errors',
  pairs: pairs.length,
  images: images.length,
  noFaceImages: images.filter((i) => cache.get(i) === null).length,
  results,
  calibrations,
  /** The per-pair cosines the calibrations were fitted on (null: no face in one of the images). */
  pairScores: pairs.map((p) => ({ fold: p.fold, same: p.same, ...Object.fromEntries(wanted.map((m) => [m, feature(p, m)])) })),
  latencyMs: latencies.length === 0 ? null : { images: latencies.length, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)], mean: latencies.reduce((s, t) => s + t, 0) / latencies.length },
  date: new Date().toISOString(),
};
console.log(JSON.stringify({ ...result, pairScores: `${result.pairScores.length} pairs (in --out)` }, null, 2));
if (values.out) {
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
}
