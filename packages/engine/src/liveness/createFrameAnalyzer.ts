import type { RgbImage } from '../image/RgbImage.ts';
import type { FrameObservation, ObservedFace } from './FrameObservation.ts';
import { createMeshTracker } from './createMeshTracker.ts';
import type { TrackedFace } from './createMeshTracker.ts';
import { createPadScorer } from './createPadScorer.ts';
import type { PadScorer } from './createPadScorer.ts';
import { decodeFrame } from './decodeFrame.ts';
import type { FrameLimits } from './decodeFrame.ts';
import { faceMeasures, meshDepthSpread } from './faceMeasures.ts';
import { meshToDetectedFace } from './meshFace.ts';
import { screenCues } from './screenCues.ts';

/** What to compute on one frame besides the mesh. */
export interface AnalyzeFrameOptions {
  /** Run MiniFASNet PAD (when its models are loaded). */
  readonly pad?: boolean;
  /** Compute screen cues. */
  readonly screen?: boolean;
  /** Compute the faceres descriptor (same-face check, best-frame template). */
  readonly describe?: boolean;
}

/** Options of {@link createFrameAnalyzer}. */
export interface FrameAnalyzerOptions extends FrameLimits {
  /** Directory of the ONNX models (`AUTHLOOP_MODELS_DIR`); PAD is unavailable without it. */
  readonly modelsDir?: string | undefined;
  /** Run Human's iris model (default true; false roughly halves the per-frame cost). */
  readonly iris?: boolean;
}

/** Turns frames into {@link FrameObservation}s. Calls are serialised internally. */
export interface FrameAnalyzer {
  readonly padAvailable: boolean;
  /** `model@version` of the PAD models, empty when unavailable. */
  readonly padModels: readonly string[];
  /** The template model of `embedding`: Human's faceres and the installed Human version. */
  readonly templateModel: { readonly model: string; readonly version: string };
  analyzeJpeg(bytes: Uint8Array, tMs: number, options?: AnalyzeFrameOptions): Promise<FrameObservation>;
  analyzeImage(image: RgbImage, tMs: number, options?: AnalyzeFrameOptions): Promise<FrameObservation>;
  close(): Promise<void>;
}

/** Model id of Human's faceres descriptor, as the npm face engine names it in templates. */
export const FACERES_MODEL = 'human-faceres';

function l2(v: readonly number[]): number[] {
  const n = Math.sqrt(v.reduce((a, b) => a + b * b, 0));
  return n > 0 ? v.map((x) => x / n) : [...v];
}

function observe(f: TrackedFace): ObservedFace {
  return {
    box: f.box,
    meshScore: f.meshScore,
    yawDeg: f.angles.yawDeg,
    pitchDeg: f.angles.pitchDeg,
    rollDeg: f.angles.rollDeg,
    measures: faceMeasures(f.mesh),
    depthSpread: meshDepthSpread(f.mesh),
    mesh: f.mesh,
  };
}

/**
 * Creates the per-frame analyser of active liveness: JPEG decode (shrunk to ≤ 640 px), facemesh +
 * iris tracking, and on request MiniFASNet PAD (when `modelsDir` holds the models), screen cues and
 * the faceres descriptor. It runs in the calling thread; the server runs it in a worker.
 */
export async function createFrameAnalyzer({ modelsDir, iris = true, ...limits }: FrameAnalyzerOptions = {}): Promise<FrameAnalyzer> {
  const tracker = await createMeshTracker({ iris });
  const pad: PadScorer | null = modelsDir === undefined ? null : await createPadScorer(modelsDir);

  const analyzeImage = async (image: RgbImage, tMs: number, { pad: runPad = false, screen = false, describe = false }: AnalyzeFrameOptions = {}): Promise<FrameObservation> => {
    const faces = await tracker.track(image, { describe });
    const main = faces[0];
    if (main === undefined) return { tMs, width: image.width, height: image.height, faceCount: 0, face: null, pad: null, screen: null, embedding: null };
    const faceCount = faces.filter((f) => f.box.width >= 0.5 * main.box.width).length;
    const padScore = runPad && pad !== null ? await pad.liveScore(image, meshToDetectedFace(main.mesh, main.boxScore)) : null;
    return {
      tMs,
      width: image.width,
      height: image.height,
      faceCount,
      face: observe(main),
      pad: padScore,
      screen: screen ? screenCues(image, main.box) : null,
      embedding: describe && main.embedding.length > 0 ? l2(main.embedding) : null,
    };
  };

  return {
    padAvailable: pad !== null,
    padModels: pad?.models ?? [],
    templateModel: { model: FACERES_MODEL, version: tracker.humanVersion },
    analyzeImage,
    async analyzeJpeg(bytes, tMs, options) {
      return analyzeImage(await decodeFrame(bytes, limits), tMs, options);
    },
    async close() {
      await pad?.release();
    },
  };
}
