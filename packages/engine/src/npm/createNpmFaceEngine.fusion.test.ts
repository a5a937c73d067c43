import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceEngine, FaceTemplate } from '../types.ts';
import { createNpmFaceEngine } from './createNpmFaceEngine.ts';

const LFW = process.env['AUTHLOOP_LFW_DIR'] ?? path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data/face/lfw/lfw-deepfunneled');
const lfw = (name: string, n: number): Promise<Buffer> => readFile(path.join(LFW, name, `${name}_${String(n).padStart(4, '0')}.jpg`));

describe('createNpmFaceEngine with fusion', () => {
  let engine: FaceEngine;
  beforeAll(async () => {
    engine = await createNpmFaceEngine({ fusion: true });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('makes templates with a faceres and a face-api vector and fuses both cosines', async () => {
    const analyses = await Promise.all([lfw('Akhmed_Zakayev', 1), lfw('Akhmed_Zakayev', 3), lfw('Amber_Tamblyn', 1)].map(async (b) => engine.analyze(await b)));
    const [a, b, c] = analyses.map((x) => x.template);
    if (!a || !b || !c) throw new Error('missing template');
    expect(a.vectors.map((v) => [v.model, v.vector.length])).toEqual([['human-faceres', 1024], ['faceapi-resnet34', 128]]);
    expect(engine.info.models.map((m) => m.id)).toContain('faceapi-resnet34');
    const same = engine.compare(a, b);
    const different = engine.compare(a, c);
    expect(Object.keys(same.components).sort()).toEqual(['faceapi-resnet34', 'human-faceres']);
    expect(same.match).toBe(true);
    expect(different.match).toBe(false);
    expect(same.score).toBeGreaterThan(different.score);

    // A faceres-only template (from an engine without fusion) still compares, on faceres alone.
    const primaryOnly: FaceTemplate = { vectors: b.vectors.filter((v) => v.model === 'human-faceres') };
    const fallback = engine.compare(a, primaryOnly);
    expect(Object.keys(fallback.components)).toEqual(['human-faceres']);
    expect(fallback.match).toBe(true);
  });
});
