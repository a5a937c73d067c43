import sharp from 'sharp';
import { EngineError } from '../EngineError.ts';
import { decodeImage } from '../image/decodeImage.ts';
import type { DecodeLimits } from '../image/decodeImage.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import type { DetectedFace, FaceAnalysis, FaceEngine, FaceTemplate, PadResult, TemplateVector } from '../types.ts';
import { assessQuality, DEFAULT_QUALITY_THRESHOLDS, noFaceQuality } from './assessQuality.ts';
import type { QualityThresholds } from './assessQuality.ts';
import { compareNpmTemplates } from './compareNpmTemplates.ts';
import { createFaceApiRecogniser } from './createFaceApiRecogniser.ts';
import type { FaceApiRecogniser } from './createFaceApiRecogniser.ts';
import { createHumanRunner } from './createHumanRunner.ts';
import type { HumanFace } from './createHumanRunner.ts';
import { createSerialQueue } from './createSerialQueue.ts';
import { measureFaceCrop } from './measureFaceCrop.ts';
import { eyeOpening, fiveLandmarks } from './meshGeometry.ts';
import { faceApiResnetRef, humanFaceresRef, npmCalibrations } from './npmCalibration.ts';
import { resolveNpmModelPaths } from './resolveNpmModelPaths.ts';
import { l2Normalize } from './templateMath.ts';

/** Options of {@link createNpmFaceEngine}; every field has a default. */
export interface NpmFaceEngineOptions {
  /** Images are shrunk so their longer side is at most this before detection (default 1280 px). Boxes are reported in source pixels. */
  readonly maxDetectionSide?: number;
  /** Most faces detected per image (default 5). */
  readonly maxFaces?: number;
  /** Quality bars (defaults {@link DEFAULT_QUALITY_THRESHOLDS}). */
  readonly quality?: Partial<QualityThresholds>;
  /** Decoding limits passed to `decodeImage` (its defaults). */
  readonly decode?: DecodeLimits;
  /** Override of the faceres-only cosine threshold (default `FACERES_THRESHOLD`, measured on LFW). */
  readonly faceresThreshold?: number;
  /**
   * Also run face-api.js's 128-d recogniser on each face and fuse both cosines with a logistic
   * calibration fitted on LFW (default false: about 2.5× the time per image for a modest gain).
   */
  readonly fusion?: boolean;
}

/** PAD result of this engine: Human's antispoof/liveness models score at chance on NUAA, so none is claimed. */
export const NPM_PAD_UNAVAILABLE: PadResult = Object.freeze({ decision: 'unavailable', score: null, threshold: null });

async function shrink(image: RgbImage, maxSide: number): Promise<{ image: RgbImage; scale: number }> {
  const longer = Math.max(image.width, image.height);
  if (longer <= maxSide) return { image, scale: 1 };
  const scale = maxSide / longer;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(Math.round(image.width * scale), Math.round(image.height * scale), { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }, scale: info.width / image.width };
}

function toDetected(face: HumanFace, scale: number): DetectedFace {
  const s = 1 / scale;
  return {
    box: { x: face.box.x * s, y: face.box.y * s, width: face.box.width * s, height: face.box.height * s },
    landmarks: fiveLandmarks(face.mesh).map((p) => ({ x: p.x * s, y: p.y * s })),
    confidence: face.boxScore,
  };
}

function side(face: HumanFace, scale: number): number {
  return Math.min(face.box.width, face.box.height) / scale;
}

/**
 * The fallback face engine built only from models that ship inside npm packages, so the server
 * runs with no models directory: `@vladmandic/human` on the tfjs wasm backend (blazeface detector,
 * facemesh landmarks and pose, faceres 1024-d descriptor compared by cosine on L2-normalised
 * vectors). Nothing is fetched from the network: wasm binaries and models are read from
 * `node_modules`. Passive PAD is `unavailable`. Templates hold one `human-faceres` vector whose
 * version is the Human package version, so they are never compared with ONNX-engine templates.
 * With `fusion`, templates also carry a `faceapi-resnet34` vector and scores fuse both
 * recognisers. `analyze` calls are serialised (one inference at a time per engine) on the calling
 * thread; run it in a worker pool to keep an event loop free. Match scores are 0..1 (logistic
 * calibration fitted on LFW, see `npmCalibration.ts`), judged at 0.5.
 *
 * @throws {EngineError} MODEL_MISSING if the packaged models cannot be loaded.
 */
export async function createNpmFaceEngine({ maxDetectionSide = 1280, maxFaces = 5, quality = {}, decode = {}, faceresThreshold, fusion = false }: NpmFaceEngineOptions = {}): Promise<FaceEngine> {
  const paths = resolveNpmModelPaths();
  const runner = await createHumanRunner(paths, maxFaces);
  const thresholds: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...quality };
  const faceApi: FaceApiRecogniser | null = fusion ? await createFaceApiRecogniser(paths) : null;
  const base = humanFaceresRef(paths.humanVersion);
  const faceApiRef = faceApiResnetRef(paths.faceApiVersion);
  const calibrations = npmCalibrations(paths.humanVersion, paths.faceApiVersion, faceresThreshold);
  const queue = createSerialQueue();
  let closed = false;

  async function analyzeDecoded(source: RgbImage): Promise<FaceAnalysis> {
    const { image, scale } = await shrink(source, maxDetectionSide);
    const found = await runner.detect(image);
    const byArea = [...found].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
    const [main, ...others] = byArea;
    if (!main) {
      const { brightness } = await measureFaceCrop(source, { x: 0, y: 0, width: source.width, height: source.height });
      return { width: source.width, height: source.height, faces: [], face: null, quality: noFaceQuality(brightness), template: null, liveness: NPM_PAD_UNAVAILABLE };
    }
    const faces = byArea.map((f) => toDetected(f, scale));
    const face = faces[0] ?? null;
    const crop = await measureFaceCrop(source, face?.box ?? { x: 0, y: 0, width: source.width, height: source.height });
    const report = assessQuality(
      {
        faceSizePx: side(main, scale),
        otherFaceSizesPx: others.map((f) => side(f, scale)),
        brightness: crop.brightness,
        sharpness: crop.sharpness,
        ...main.angles,
        eyeOpening: eyeOpening(main.mesh),
        confidence: Math.min(main.boxScore, main.meshScore),
      },
      thresholds,
    );
    const vectors: TemplateVector[] = [];
    if (main.embedding.length === base.dimensions) {
      vectors.push({ model: base.model, version: base.version, vector: l2Normalize(main.embedding) });
      const extra = faceApi ? await faceApi.describe(image, main.box) : null;
      if (extra) vectors.push({ model: faceApiRef.model, version: faceApiRef.version, vector: l2Normalize(extra) });
    }
    const template: FaceTemplate | null = vectors.length > 0 ? { vectors } : null;
    return { width: source.width, height: source.height, faces, face, quality: report, template, liveness: NPM_PAD_UNAVAILABLE };
  }

  return {
    info: {
      name: 'npm',
      models: [
        { id: 'human-blazeface', version: paths.humanVersion, role: 'detector' },
        { id: base.model, version: base.version, role: 'recogniser' },
        ...(faceApi ? [{ id: faceApiRef.model, version: faceApiRef.version, role: 'recogniser' as const }] : []),
      ],
      padAvailable: false,
      searchModel: { id: base.model, version: base.version, dimensions: base.dimensions },
    },
    async analyze(bytes) {
      if (closed) throw new EngineError('ENGINE_CLOSED', 'The npm face engine was closed.');
      const decoded = await decodeImage(bytes, decode);
      return queue.run(() => analyzeDecoded(decoded));
    },
    compare(a, b) {
      return compareNpmTemplates(a, b, calibrations);
    },
    async close() {
      closed = true;
      await queue.drain();
      runner.close();
    },
  };
}
