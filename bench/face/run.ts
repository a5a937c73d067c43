/**
 * Face benchmark (`npm run bench:face`): latency and throughput of the ONNX engine from JPEG bytes to a
 * template and to a full 1:1 decision (probe template + passive PAD, compared with a stored template),
 * against the face-api.js standard pipeline (SSD MobileNet v1 + 68 landmarks + descriptor) on the same
 * LFW images, and both systems' accuracy on the same LFW pairs (7-fold protocol on a per-fold subset:
 * each fold's threshold chosen on the other folds; pairs without a detected face count as errors).
 *
 *   npm run bench:face -- [--lfw ../shared/data/face/lfw] [--models DIR] [--per-fold 30] [--latency 150]
 *       [--throughput 400] [--faceapi-latency 40] [--skip-faceapi] [--out bench/results/face.json]
 *
 * Writes bench/results/face.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createFaceApiBaseline, createOnnxFaceEngine, crossValidate, equalErrorRate, lfwImageRoot, parseLfwPairs, tarAtFar,
  type FaceTemplate, type LfwPair, type ScoredPair,
} from '../../packages/engine/src/index.ts';
import { TEST_MODELS_DIR } from '../../packages/engine/src/testPaths.ts';

const { values } = parseArgs({
  options: {
    lfw: { type: 'string', default: resolve('../shared/data/face/lfw') },
    models: { type: 'string' },
    'per-fold': { type: 'string', default: '30' },
    latency: { type: 'string', default: '150' },
    throughput: { type: 'string', default: '400' },
    'faceapi-latency': { type: 'string', default: '40' },
    'skip-faceapi': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/face.json' },
  },
});
const perFold = Number(values['per-fold']);
const log = (m: string): void => { process.stderr.write(`bench:face ${m}\n`); };

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const round = (v: number, d = 2): number => Math.round(v * 10 ** d) / 10 ** d;

function subset(pairs: readonly LfwPair[]): LfwPair[] {
  const out: LfwPair[] = [];
  const seen = new Map<string, number>();
  for (const p of pairs) {
    const k = `${p.fold}:${p.same}`;
    const n = seen.get(k) ?? 0;
    if (n < perFold) { out.push(p); seen.set(k, n + 1); }
  }
  return out;
}

function verification(scores: ScoredPair[]): { accuracy: number; accuracyStd: number; eer: number; tarAtFar1e3: number; failedPairs: number } {
  const cv = crossValidate(scores);
  return { accuracy: cv.accuracy, accuracyStd: cv.accuracyStd, eer: equalErrorRate(scores), tarAtFar1e3: tarAtFar(scores, 1e-3).tar, failedPairs: scores.filter((s) => s.failed === true).length };
}

const lfwDir = values.lfw;
const root = lfwImageRoot(lfwDir);
const pairs = subset(parseLfwPairs(await readFile(join(lfwDir, 'pairs.txt'), 'utf8')));
const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
const bytes = new Map<string, Uint8Array>();
for (const f of files) bytes.set(f, await readFile(join(root, f)));
log(`${pairs.length} pairs, ${files.length} images`);

// ---- ONNX engine ----
const poolSize = Math.max(1, availableParallelism());
const engine = await createOnnxFaceEngine({ modelsDir: values.models ?? TEST_MODELS_DIR, poolSize, queueLimit: 64 });
const templates = new Map<string, FaceTemplate | null>();
const templateMs: number[] = [];
for (const f of files) {
  const t0 = performance.now();
  const a = await engine.analyze(bytes.get(f) ?? new Uint8Array(0), { pad: false });
  templateMs.push(performance.now() - t0);
  templates.set(f, a.template);
}
const ourScores: ScoredPair[] = pairs.map((p) => {
  const a = templates.get(p.a) ?? null, b = templates.get(p.b) ?? null;
  return a === null || b === null ? { score: 0, same: p.same, fold: p.fold, failed: true } : { score: engine.compare(a, b).score, same: p.same, fold: p.fold };
});
const ours = verification(ourScores);
log(`onnx accuracy ${ours.accuracy}`);

// Full decision: probe bytes → template + PAD → compare with the stored (enrolled) template. One at a time.
const probes = pairs.filter((p) => p.same && templates.get(p.a) !== null).slice(0, Number(values.latency));
const decisionMs: number[] = [];
for (const p of probes) {
  const stored = templates.get(p.a) ?? null;
  const t0 = performance.now();
  const probe = await engine.analyze(bytes.get(p.b) ?? new Uint8Array(0), { pad: true });
  if (stored !== null && probe.template !== null) engine.compare(stored, probe.template);
  decisionMs.push(performance.now() - t0);
}
// Throughput: the same decisions with the pool on every core, 2 requests per worker in flight.
const n = Number(values.throughput);
let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: 2 * poolSize }, async () => {
  for (;;) {
    const i = next++;
    if (i >= n) return;
    const p = probes[i % probes.length];
    if (p === undefined) return;
    const stored = templates.get(p.a) ?? null;
    const probe = await engine.analyze(bytes.get(p.b) ?? new Uint8Array(0), { pad: true });
    if (stored !== null && probe.template !== null) engine.compare(stored, probe.template);
  }
}));
const decisionsPerSecond = n / ((performance.now() - t0) / 1000);
await engine.close();
log(`decision p50 ${percentile(decisionMs, 50)} ms, ${decisionsPerSecond} decisions/s`);

// ---- face-api.js standard pipeline ----
let faceApi: { accuracy: number; accuracyStd: number; eer: number; tarAtFar1e3: number; failedPairs: number; noFace: number; decisionP50Ms: number; decisionP99Ms: number; templateP50Ms: number; name: string } | null = null;
if (!values['skip-faceapi']) {
  const baseline = await createFaceApiBaseline();
  const desc = new Map<string, Float32Array | null>();
  const faMs: number[] = [];
  let done = 0;
  for (const f of files) {
    const t = performance.now();
    desc.set(f, await baseline.describe(bytes.get(f) ?? new Uint8Array(0)));
    faMs.push(performance.now() - t);
    if (++done % 100 === 0) log(`face-api ${done}/${files.length}`);
  }
  const faScores: ScoredPair[] = pairs.map((p) => {
    const a = desc.get(p.a) ?? null, b = desc.get(p.b) ?? null;
    return a === null || b === null ? { score: 0, same: p.same, fold: p.fold, failed: true } : { score: -baseline.distance(a, b), same: p.same, fold: p.fold };
  });
  // face-api decision = descriptor of the probe + distance to the stored descriptor (it has no PAD).
  const faDecision: number[] = [];
  for (const p of probes.slice(0, Number(values['faceapi-latency']))) {
    const stored = desc.get(p.a) ?? null;
    const t = performance.now();
    const d = await baseline.describe(bytes.get(p.b) ?? new Uint8Array(0));
    if (stored !== null && d !== null) baseline.distance(stored, d);
    faDecision.push(performance.now() - t);
  }
  await baseline.close();
  faceApi = {
    name: baseline.name,
    ...verification(faScores),
    noFace: [...desc.values()].filter((d) => d === null).length,
    decisionP50Ms: percentile(faDecision, 50),
    decisionP99Ms: percentile(faDecision, 99),
    templateP50Ms: percentile(faMs, 50),
  };
}

const decisionP50Ms = percentile(decisionMs, 50);
const result = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  protocol: `LFW View-2, first ${perFold} same + ${perFold} different pairs of each fold (${pairs.length} pairs, ${files.length} images); 7-fold cross-validated threshold; pairs without a face count as errors`,
  engine: 'onnx (YuNet + MobileFaceNet flip-TTA + MiniFASNet V2/V1SE, 1 onnxruntime thread per session)',
  poolSize,
  templateP50Ms: round(percentile(templateMs, 50)),
  templateP99Ms: round(percentile(templateMs, 99)),
  decisionP50Ms: round(decisionP50Ms),
  decisionP99Ms: round(percentile(decisionMs, 99)),
  decisionsPerSecond: round(decisionsPerSecond, 1),
  accuracy: round(ours.accuracy, 4),
  accuracyStd: round(ours.accuracyStd, 4),
  eer: round(ours.eer, 4),
  tarAtFar1e3: round(ours.tarAtFar1e3, 4),
  failedPairs: ours.failedPairs,
  faceApi: faceApi === null ? null : { ...faceApi, accuracy: round(faceApi.accuracy, 4), accuracyStd: round(faceApi.accuracyStd, 4), eer: round(faceApi.eer, 4), tarAtFar1e3: round(faceApi.tarAtFar1e3, 4), decisionP50Ms: round(faceApi.decisionP50Ms), decisionP99Ms: round(faceApi.decisionP99Ms), templateP50Ms: round(faceApi.templateP50Ms) },
  faceApiDecisionP50Ms: faceApi === null ? null : round(faceApi.decisionP50Ms),
  faceApiAccuracy: faceApi === null ? null : round(faceApi.accuracy, 4),
  speedupVsFaceApi: faceApi === null ? null : round(faceApi.decisionP50Ms / decisionP50Ms, 1),
  latencyRatioVsFaceApi: faceApi === null ? null : round(decisionP50Ms / faceApi.decisionP50Ms, 4),
  accuracyRatioVsFaceApi: faceApi === null ? null : round(ours.accuracy / faceApi.accuracy, 4),
  notes: 'Decision = analyze(probe JPEG, PAD on) + compare with a stored template, one request at a time; face-api decision = its standard pipeline on the probe + euclidean distance (no PAD). Throughput: pool on every core, 2 requests per worker in flight.',
};
const out = resolve(values.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
