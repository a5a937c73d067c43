import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../EngineError.ts';
import type { FaceAnalysis, FaceEngine, FaceTemplate } from '../types.ts';
import { createNpmFaceEngine } from './createNpmFaceEngine.ts';

// Real LFW images from the shared evaluation data (never copied into the repository).
const LFW = process.env['AUTHLOOP_LFW_DIR'] ?? path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data/face/lfw/lfw-deepfunneled');
const lfw = (name: string, n: number): Promise<Buffer> => readFile(path.join(LFW, name, `${name}_${String(n).padStart(4, '0')}.jpg`));

function templateOf(a: FaceAnalysis): FaceTemplate {
  if (!a.template) throw new Error('expected a template');
  return a.template;
}

describe('createNpmFaceEngine', () => {
  let engine: FaceEngine;
  const fetchSpy = vi.fn(() => Promise.reject(new Error('network access during the test')));

  beforeAll(async () => {
    vi.stubGlobal('fetch', fetchSpy);
    const started = performance.now();
    engine = await createNpmFaceEngine();
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  afterAll(async () => {
    await engine.close();
    vi.unstubAllGlobals();
  });

  it('loads from node_modules without touching the network and describes itself', () => {
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(engine.info.name).toBe('npm');
    expect(engine.info.padAvailable).toBe(false);
    expect(engine.info.searchModel).toEqual({ id: 'human-faceres', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown, dimensions: 1024 });
  });

  it('finds the one face in an LFW image, with five landmarks inside its box and an acceptable quality', async () => {
    const a = await engine.analyze(await lfw('Abel_Pacheco', 1));
    expect(a.width).toBe(250);
    expect(a.faces).toHaveLength(1);
    const face = a.face;
    if (!face) throw new Error('no face');
    // LFW deep-funneled faces are centred and about 100-150 px wide.
    expect(face.box.width).toBeGreaterThan(80);
    expect(face.box.width).toBeLessThan(200);
    expect(face.box.x + face.box.width / 2).toBeCloseTo(125, -1.5);
    expect(face.landmarks).toHaveLength(5);
    for (const p of face.landmarks) {
      expect(p.x).toBeGreaterThan(face.box.x);
      expect(p.x).toBeLessThan(face.box.x + face.box.width);
    }
    const [eyeA, eyeB, nose, mouthA] = face.landmarks;
    expect(eyeA?.x ?? 0).toBeLessThan(eyeB?.x ?? 0);
    expect(nose?.y ?? 0).toBeGreaterThan(eyeA?.y ?? 0);
    expect(mouthA?.y ?? 0).toBeGreaterThan(nose?.y ?? 0);
    expect(a.quality.reasons).toEqual([]);
    expect(a.quality.acceptable).toBe(true);
    expect(a.template?.vectors[0]?.vector).toHaveLength(1024);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('scores a same-person pair above a different-person pair and judges them by its threshold', async () => {
    const [z1, z3, abel, amber] = await Promise.all([lfw('Akhmed_Zakayev', 1), lfw('Akhmed_Zakayev', 3), lfw('Abel_Pacheco', 4), lfw('Amber_Tamblyn', 1)].map(async (b) => engine.analyze(await b)));
    if (!z1 || !z3 || !abel || !amber) throw new Error('missing analysis');
    const same = engine.compare(templateOf(z1), templateOf(z3));
    const different = engine.compare(templateOf(abel), templateOf(amber));
    expect(same.score).toBeGreaterThan(different.score);
    expect(same.match).toBe(true);
    expect(different.match).toBe(false);
    expect(same.components['human-faceres']).toBeGreaterThan(0.7);
    expect(different.components['human-faceres']).toBeLessThan(0.4);
    // Comparing a template with itself is the top of the scale.
    expect(engine.compare(templateOf(z1), templateOf(z1)).components['human-faceres']).toBeCloseTo(1, 5);
  });

  it('reports passive PAD as unavailable instead of a score', async () => {
    const a = await engine.analyze(await lfw('Abel_Pacheco', 1));
    expect(a.liveness).toEqual({ decision: 'unavailable', score: null, threshold: null });
  });

  it('gives NO_FACE, no face and no template for a plain grey image', async () => {
    const grey = await sharp({ create: { width: 250, height: 250, channels: 3, background: { r: 128, g: 128, b: 128 } } }).jpeg().toBuffer();
    const a = await engine.analyze(grey);
    expect(a.faces).toEqual([]);
    expect(a.face).toBeNull();
    expect(a.template).toBeNull();
    expect(a.quality.reasons).toEqual(['NO_FACE']);
    expect(a.quality.acceptable).toBe(false);
    expect(a.quality.metrics.brightness).toBeCloseTo(128 / 255, 1);
  });

  it('flags a strongly blurred face as BLURRED', async () => {
    const blurred = await sharp(await lfw('Abel_Pacheco', 1)).blur(4).jpeg().toBuffer();
    const a = await engine.analyze(blurred);
    const sharpAnalysis = await engine.analyze(await lfw('Abel_Pacheco', 1));
    expect(a.quality.metrics.sharpness).toBeLessThan(sharpAnalysis.quality.metrics.sharpness / 4);
    expect(a.quality.reasons).toContain('BLURRED');
  });

  it('refuses to compare with a template from another model or version (TEMPLATE_MISMATCH)', async () => {
    const mine = templateOf(await engine.analyze(await lfw('Abel_Pacheco', 1)));
    const onnx: FaceTemplate = { vectors: [{ model: 'mobilefacenet', version: '1', vector: new Float32Array(128) }] };
    const otherVersion: FaceTemplate = { vectors: (mine.vectors).map((v) => ({ ...v, version: '0.0.1' })) };
    for (const foreign of [onnx, otherVersion]) {
      expect(() => engine.compare(mine, foreign)).toThrow(EngineError);
      expect(() => engine.compare(foreign, mine)).toThrow(expect.objectContaining({ code: 'TEMPLATE_MISMATCH' }));
    }
  });

  it('turns bad bytes into a typed error', async () => {
    await expect(engine.analyze(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'IMAGE_UNREADABLE' });
  });
});
