import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameAnalyzer, FrameObservation } from '../../packages/engine/src/liveness/index.ts';
import { decodeClip } from './decodeClip.ts';
import type { ClipFrame } from './decodeClip.ts';

/** Analysis cadence, the same as the server's stream runtime. */
export const ANALYSIS_FPS = 15;
const PAD_EVERY_MS = 250;
const DESCRIBE_EVERY_MS = 1000;

/**
 * Decodes a clip at its own frame rate and analyses it as the server would: frames arriving faster
 * than {@link ANALYSIS_FPS} are skipped, PAD and screen cues every 250 ms, faceres every second.
 * Observations are cached under the OS temp dir (keyed by the clip's bytes), never in the repository.
 */
export async function observeClip(analyzer: FrameAnalyzer, file: string, { cache = true, padAvailable, iris = true }: { cache?: boolean; padAvailable: boolean; iris?: boolean }): Promise<{ observations: FrameObservation[]; decodedFrames: number; analysisMs: number[] }> {
  const bytes = await readFile(file);
  const key = createHash('sha256').update(bytes).update(`v3:${ANALYSIS_FPS}:${padAvailable}${iris ? '' : ':no-iris'}`).digest('hex').slice(0, 16);
  const cacheFile = path.join(tmpdir(), 'authloop-liveness-cache', `${path.basename(file)}.${key}.json`);
  if (cache) {
    try {
      return JSON.parse(await readFile(cacheFile, 'utf8')) as { observations: FrameObservation[]; decodedFrames: number; analysisMs: number[] };
    } catch {
      // not cached yet
    }
  }
  const frames = await decodeClip(file);
  const { observations, analysisMs } = await observeFrames(analyzer, frames);
  const result = { observations, decodedFrames: frames.length, analysisMs };
  if (cache) {
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify(result));
  }
  return result;
}

/** Analyses decoded frames with the server's cadence (see {@link observeClip}). */
export async function observeFrames(analyzer: FrameAnalyzer, frames: readonly ClipFrame[]): Promise<{ observations: FrameObservation[]; analysisMs: number[] }> {
  const observations: FrameObservation[] = [];
  const analysisMs: number[] = [];
  let last = Number.NEGATIVE_INFINITY, lastPad = Number.NEGATIVE_INFINITY, lastDescribe = Number.NEGATIVE_INFINITY;
  for (const f of frames) {
    if (f.tMs - last < 1000 / ANALYSIS_FPS - 1) continue;
    last = f.tMs;
    const pad = f.tMs - lastPad >= PAD_EVERY_MS;
    const describe = f.tMs - lastDescribe >= DESCRIBE_EVERY_MS;
    const t0 = performance.now();
    const obs = await analyzer.analyzeImage(f.image, f.tMs, { pad, screen: pad, describe });
    analysisMs.push(performance.now() - t0);
    if (obs.face !== null && pad) lastPad = f.tMs;
    if (obs.face !== null && describe) lastDescribe = f.tMs;
    observations.push(obs);
  }
  return { observations, analysisMs };
}
