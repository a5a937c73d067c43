import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeClip } from '../../../../bench/liveness/decodeClip.ts';
import { createFrameAnalyzer } from './createFrameAnalyzer.ts';
import type { FrameAnalyzer } from './createFrameAnalyzer.ts';
import { createLivenessSession } from './createLivenessSession.ts';
import type { FrameObservation } from './FrameObservation.ts';
import { DEFAULT_LIVENESS_THRESHOLDS } from './livenessThresholds.ts';

// Real video, subsampled to keep the suite short (the full clips run in bench/liveness/evalClips.ts).
const SHARED = path.resolve(import.meta.dirname, '../../../../../shared/data');
const VIDEO = path.join(SHARED, 'video');
const MODELS = path.join(SHARED, 'models');

async function observe(analyzer: FrameAnalyzer, file: string, { everyNth, untilMs = Number.POSITIVE_INFINITY, offsetMs = 0 }: { everyNth: number; untilMs?: number; offsetMs?: number }): Promise<FrameObservation[]> {
  const frames = (await decodeClip(path.join(VIDEO, file))).filter((f, i) => i % everyNth === 0 && f.tMs <= untilMs);
  const out: FrameObservation[] = [];
  for (const f of frames) out.push(await analyzer.analyzeImage(f.image, f.tMs + offsetMs, { pad: true, screen: true, describe: true }));
  return out;
}

describe.skipIf(!existsSync(MODELS) || !existsSync(VIDEO))('liveness on real clips (subsampled)', () => {
  let analyzer: FrameAnalyzer;
  beforeAll(async () => {
    analyzer = await createFrameAnalyzer({ modelsDir: MODELS });
  }, 60_000);
  afterAll(async () => {
    await analyzer.close();
  });

  it('passes the passive checks on a live face and fails the same person shown on a phone', async () => {
    const live = createLivenessSession({ challenges: [], thresholds: DEFAULT_LIVENESS_THRESHOLDS, requirePad: true });
    for (const o of await observe(analyzer, 'real/frontal_male_webcam_lestari.mp4', { everyNth: 12 })) live.push(o);
    const attack = createLivenessSession({ challenges: [], thresholds: DEFAULT_LIVENESS_THRESHOLDS, requirePad: true });
    for (const o of await observe(analyzer, 'attack/replay_phone_lestari.mp4', { everyNth: 12 })) attack.push(o);
    const lv = live.verdict(), av = attack.verdict();
    expect(lv.reasons).toEqual([]);
    expect(lv.scores.pad ?? 0).toBeGreaterThan(0.9);
    expect(lv.best?.mesh).toHaveLength(468);
    expect(av.passed).toBe(false);
    expect(av.reasons).toContain('PAD_SPOOF');
    expect(av.scores.pad ?? 1).toBeLessThan(0.1);
  }, 180_000);

  it('fails a session where another person appears mid-session', async () => {
    const a = await observe(analyzer, 'real/blink_male_selfie_repeating.mp4', { everyNth: 6, untilMs: 1500 });
    const b = await observe(analyzer, 'real/liveportrait_d0_smile_gaze.mp4', { everyNth: 6, offsetMs: 1600 });
    const session = createLivenessSession({ challenges: ['blink', 'smile'], thresholds: DEFAULT_LIVENESS_THRESHOLDS, requirePad: true });
    for (const o of [...a, ...b]) session.push(o);
    const v = session.verdict();
    expect(v.passed).toBe(false);
    expect(v.reasons).toContain('DIFFERENT_FACE');
    expect(v.scores.sameFace ?? 1).toBeLessThan(DEFAULT_LIVENESS_THRESHOLDS.sameFaceMinCosine);
  }, 180_000);
});
