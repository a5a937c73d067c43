/**
 * Liveness benchmark: per-frame analysis time for 640×480 JPEG frames (p50, p99) in one thread, and
 * sustained frames per second through the worker pool for one stream and for four concurrent
 * streams, with the server's sampling (PAD + screen cues every 250 ms, faceres every second of
 * frame time at 30 fps input). Writes bench/results/liveness.json.
 *
 *   AUTHLOOP_MODELS_DIR=../shared/data/models npm run bench:liveness [-- --frames 60 --seconds 15 --no-iris]
 * (`--no-iris` writes bench/results/liveness-no-iris.json instead)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createFrameAnalyzer, createLivenessAnalyzerPool } from '../../packages/engine/src/liveness/index.ts';
import type { AnalyzeFrameOptions, LivenessAnalyzerPool } from '../../packages/engine/src/liveness/index.ts';
import { decodeClip } from './decodeClip.ts';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '60' }, seconds: { type: 'string', default: '15' }, workers: { type: 'string', default: String(Math.max(1, Math.min(2, availableParallelism()))) }, 'no-iris': { type: 'boolean', default: false } } });
const iris = !values['no-iris'];
const frameCount = Number(values.frames);
const seconds = Number(values.seconds);
const workers = Number(values.workers);
const modelsDir = process.env['AUTHLOOP_MODELS_DIR'];
const clip = path.resolve(import.meta.dirname, '../../../shared/data/video/real/smile_headturn_male_webcam_zubair.webm');

/** 640×480 JPEG frames (quality 85) cut from a real webcam clip: a face that smiles, turns and is occluded. */
async function frames640(): Promise<Uint8Array[]> {
  const decoded = await decodeClip(clip, { maxSide: 960 });
  return Promise.all(decoded.map(async (f) => new Uint8Array(await sharp(f.image.data, { raw: { width: f.image.width, height: f.image.height, channels: 3 } }).resize(640, 480, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer())));
}

/** The server's per-frame sampling for a frame `i` of a 30 fps stream. */
function sampling(i: number): AnalyzeFrameOptions {
  const tMs = (i * 1000) / 30;
  return { pad: Math.floor(tMs / 250) !== Math.floor((tMs - 1000 / 30) / 250), screen: Math.floor(tMs / 250) !== Math.floor((tMs - 1000 / 30) / 250), describe: i % 30 === 0 };
}

const pct = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function sustained(pool: LivenessAnalyzerPool, jpegs: readonly Uint8Array[], streams: number, durationS: number): Promise<{ total: number; perStream: number }> {
  const deadline = performance.now() + durationS * 1000;
  const counts = await Promise.all(Array.from({ length: streams }, async (_, s) => {
    let n = 0;
    // Each stream has one frame in flight at a time, like the server's stream runtime.
    while (performance.now() < deadline) {
      const i = (n * 7 + s * 101) % jpegs.length;
      await pool.analyzeJpeg(jpegs[i] ?? new Uint8Array(), n * 33, sampling(n));
      n++;
    }
    return n;
  }));
  const total = counts.reduce((a, b) => a + b, 0) / durationS;
  return { total, perStream: total / streams };
}

const jpegs = await frames640();
const load0 = loadavg()[0] ?? 0;

// 1) Per-frame time in one thread (decode + facemesh + iris, PAD/screen/faceres when sampled).
const analyzer = await createFrameAnalyzer({ modelsDir, iris });
for (let i = 0; i < 3; i++) await analyzer.analyzeJpeg(jpegs[i] ?? new Uint8Array(), 0, {});
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < frameCount; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await analyzer.analyzeJpeg(jpegs[(i * 3) % jpegs.length] ?? new Uint8Array(), i * 33, sampling(i));
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
  times.push(performance.now() - t0);
}
await analyzer.close();

// 2) Sustained throughput through the worker pool.
const pool = createLivenessAnalyzerPool({ modelsDir, iris, size: workers, queueLimit: 16 });
await pool.ready;
for (let i = 0; i < 3; i++) await pool.analyzeJpeg(jpegs[i] ?? new Uint8Array(), 0, {});
const one = await sustained(pool, jpegs, 1, seconds);
const four = await sustained(pool, jpegs, 4, seconds);
await pool.close();

const result = {
  generatedAt: new Date().toISOString(),
  frame: '640x480 JPEG q85 (real webcam clip)',
  padAvailable: modelsDir !== undefined,
  iris,
  frameP50Ms: Math.round(pct(times, 0.5) * 10) / 10,
  frameP99Ms: Math.round(pct(times, 0.99) * 10) / 10,
  frames: frameCount,
  frameCpuP50Ms: Math.round(pct(cpuTimes, 0.5) * 10) / 10,
  frameCpuP99Ms: Math.round(pct(cpuTimes, 0.99) * 10) / 10,
  cpuBoundFpsPerCore: Math.round((1000 / pct(cpuTimes, 0.5)) * 10) / 10,
  singleStreamFps: Math.round(one.total * 10) / 10,
  fourStreamsFps: Math.round(four.total * 10) / 10,
  fourStreamsPerStreamFps: Math.round(four.perStream * 10) / 10,
  workers,
  cpus: availableParallelism(),
  loadAverageAtStart: Math.round(load0 * 10) / 10,
  loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  cpuNote: 'frameCpu* is the CPU time (user+system) the analysing thread spent per frame: what a frame costs on a free core, independent of how busy the shared machine is; wall-clock figures above include waiting for the CPU.',
  note: 'Server policy: at most one frame in flight per stream; newer frames replace a waiting one (frame skipping). Frames are shrunk to ≤640 px on decode.',
};
const out = path.resolve(import.meta.dirname, iris ? '../results/liveness.json' : '../results/liveness-no-iris.json');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
