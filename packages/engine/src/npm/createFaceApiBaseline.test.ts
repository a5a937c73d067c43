import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceApiBaseline } from './createFaceApiBaseline.ts';
import type { FaceApiBaseline } from './createFaceApiBaseline.ts';

const LFW = process.env['AUTHLOOP_LFW_DIR'] ?? path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data/face/lfw/lfw-deepfunneled');
const lfw = (name: string, n: number): Promise<Buffer> => readFile(path.join(LFW, name, `${name}_${String(n).padStart(4, '0')}.jpg`));

describe('createFaceApiBaseline', () => {
  let baseline: FaceApiBaseline;
  beforeAll(async () => {
    baseline = await createFaceApiBaseline();
  });
  afterAll(async () => {
    await baseline.close();
  });

  it('describes LFW faces with 128-d descriptors that face-api’s 0.6 distance separates', async () => {
    const [a, b, c] = await Promise.all([lfw('Abel_Pacheco', 1), lfw('Abel_Pacheco', 4), lfw('Amber_Tamblyn', 1)].map(async (bytes) => baseline.describe(await bytes)));
    if (!a || !b || !c) throw new Error('face-api found no face');
    expect(a).toHaveLength(128);
    expect(baseline.distance(a, b)).toBeLessThan(baseline.threshold);
    expect(baseline.distance(a, c)).toBeGreaterThan(baseline.threshold);
  });

  it('returns null when there is no face', async () => {
    const grey = await sharp({ create: { width: 250, height: 250, channels: 3, background: { r: 128, g: 128, b: 128 } } }).png().toBuffer();
    expect(await baseline.describe(grey)).toBeNull();
  });
});
