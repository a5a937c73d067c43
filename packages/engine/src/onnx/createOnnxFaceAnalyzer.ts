import type { AnalyzeOptions, DetectedFace, FaceAnalysis, PadResult } from '../types.ts';
import { decodeImage, type DecodeLimits } from '../image/decodeImage.ts';
import { alignFace } from '../image/alignFace.ts';
import type { ModelBytes } from '../models/loadModelFiles.ts';
import { MODEL_MANIFEST } from '../models/modelManifest.ts';
import { assessQuality, type QualityThresholds } from '../quality/assessQuality.ts';
import { faceImageStats } from '../quality/faceImageStats.ts';
import { headPose } from '../quality/headPose.ts';
import { createMiniFasNet } from './MiniFasNet.ts';
import { createMobileFaceNet } from './MobileFaceNet.ts';
import { createOnnxSession } from './OnnxSession.ts';
import { createYunetDetector, type YunetOptions } from './YunetDetector.ts';
import { onnxTemplateVersion } from './onnxTemplateVersion.ts';
import { refineRolledFace } from './refineRolledFace.ts';
import { selectMainFace } from './selectMainFace.ts';

/** Options of {@link createOnnxFaceAnalyzer}. */
export interface OnnxAnalyzerOptions {
  readonly decode?: DecodeLimits;
  readonly detector?: YunetOptions;
  readonly quality?: QualityThresholds;
  /** Live-score threshold 0..1 for the PAD decision (from the calibration file). */
  readonly padThreshold: number;
  /** Flip test-time augmentation for the recogniser. Default true. */
  readonly flip?: boolean;
  /** Other faces count for MULTIPLE_FACES only when at least this fraction of the main face's width. Default 0.5. */
  readonly secondaryFaceRatio?: number;
}

/** Runs the whole ONNX pipeline in the calling thread (use it inside a worker, never on a server's event loop). */
export interface OnnxFaceAnalyzer {
  analyze(image: Uint8Array, options?: AnalyzeOptions): Promise<FaceAnalysis>;
  release(): Promise<void>;
}

/**
 * Creates the ONNX face pipeline from verified model bytes: decode (sharp) → YuNet → five-point
 * alignment → quality → MobileFaceNet (flip-TTA) template → MiniFASNet V2+V1SE live score.
 */
export async function createOnnxFaceAnalyzer(models: ModelBytes, options: OnnxAnalyzerOptions): Promise<OnnxFaceAnalyzer> {
  const [det, rec, v2, v1se] = await Promise.all([
    createOnnxSession(models.detector),
    createOnnxSession(models.recogniser),
    createOnnxSession(models.padV2),
    createOnnxSession(models.padV1se),
  ]);
  const detector = createYunetDetector(det, options.detector);
  const embedder = createMobileFaceNet(rec, { flip: options.flip ?? true });
  const pad = createMiniFasNet(v2, v1se);
  const recogniser = MODEL_MANIFEST.recogniser;
  const version = onnxTemplateVersion(options.flip ?? true);
  const secondaryRatio = options.secondaryFaceRatio ?? 0.5;

  return {
    async analyze(bytes: Uint8Array, { pad: runPad = true }: AnalyzeOptions = {}): Promise<FaceAnalysis> {
      const image = await decodeImage(bytes, options.decode);
      const faces = await detector.detect(image);
      const main = selectMainFace(faces, image.width, image.height);
      if (main === null) {
        return {
          width: image.width, height: image.height, faces, face: null,
          quality: assessQuality({ face: null, faceCount: 0, stats: null, pose: null }, options.quality),
          template: null,
          liveness: { score: null, threshold: null, decision: 'unavailable' },
        };
      }
      const face: DetectedFace = await refineRolledFace(image, main, detector);
      const aligned = alignFace(image, face.landmarks);
      const faceCount = faces.filter((f) => f.box.width >= secondaryRatio * main.box.width).length;
      const quality = assessQuality({ face, faceCount, stats: faceImageStats(aligned), pose: headPose(face.landmarks) }, options.quality);
      const { vector, magnitude } = await embedder.embed(aligned);
      let liveness: PadResult = { score: null, threshold: null, decision: 'unavailable' };
      if (runPad) {
        const score = await pad.liveScore(image, face, main);
        liveness = { score, threshold: options.padThreshold, decision: score >= options.padThreshold ? 'live' : 'spoof' };
      }
      return {
        width: image.width, height: image.height, faces: faces.map((f) => (f === main ? face : f)), face, quality,
        template: { vectors: [{ model: recogniser.id, version, vector, magnitude }] },
        liveness,
      };
    },
    async release(): Promise<void> {
      await Promise.all([det.release(), rec.release(), v2.release(), v1se.release()]);
    },
  };
}
