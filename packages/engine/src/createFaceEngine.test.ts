import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFaceEngine, type EngineSelection } from './createFaceEngine.ts';
import { EngineError } from './EngineError.ts';
import { SHARED_DATA_DIR, TEST_MODELS_DIR } from './testPaths.ts';

describe('createFaceEngine', () => {
  it('runs the ONNX engine when the models directory is valid and says so', async () => {
    const selections: EngineSelection[] = [];
    const engine = await createFaceEngine({ modelsDir: TEST_MODELS_DIR, poolSize: 1, onSelect: (s) => selections.push(s) });
    try {
      expect(engine.info.name).toBe('onnx');
      expect(selections).toMatchObject([{ engine: 'onnx' }]);
    } finally {
      await engine.close();
    }
  });

  it('falls back to the npm engine in workers when the models are missing, naming the missing file', async () => {
    const selections: EngineSelection[] = [];
    const warnings: string[] = [];
    const engine = await createFaceEngine({
      modelsDir: join(SHARED_DATA_DIR, 'no-such-models-dir'), poolSize: 1,
      onSelect: (s) => selections.push(s),
      logger: { info: () => undefined, warn: (_obj, msg) => warnings.push(msg) },
    });
    try {
      expect(engine.info.name).toBe('npm');
      expect(engine.info.padAvailable).toBe(false);
      expect(selections[0]?.engine).toBe('npm');
      expect(selections[0]?.reason).toMatch(/face_detection_yunet|mobilefacenet|MiniFASNet/);
      expect(warnings[0]).toMatch(/no passive PAD/i);
      const bytes = await readFile(join(SHARED_DATA_DIR, 'face/lfw/lfw-deepfunneled/Aaron_Peirsol/Aaron_Peirsol_0001.jpg'));
      const a = await engine.analyze(bytes);
      expect(a.face).not.toBeNull();
      expect(a.liveness.decision).toBe('unavailable');
    } finally {
      await engine.close();
    }
  });

  it('refuses to fall back when the ONNX engine is required', async () => {
    const err = await createFaceEngine({ modelsDir: join(SHARED_DATA_DIR, 'no-such-models-dir'), requireOnnx: true }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('MODEL_MISSING');
  });
});
