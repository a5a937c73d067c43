/**
 * The engine contract shared by every face engine (ONNX models, npm-packaged models) and, later,
 * by voice and fingerprint engines. Scores are similarities in [0, 1] after calibration unless a
 * field says otherwise. Byte input is always a `Uint8Array`.
 */

/** Why an image fails (or weakens) a quality gate. Stable codes a client can map to hints. */
export type QualityReason =
  | 'NO_FACE'
  | 'MULTIPLE_FACES'
  | 'FACE_TOO_SMALL'
  | 'TOO_DARK'
  | 'TOO_BRIGHT'
  | 'BLURRED'
  | 'HEAD_TURNED'
  | 'EYES_CLOSED'
  | 'LOW_CONFIDENCE';

/** A box in source-image pixels (after EXIF orientation). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point in source-image pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One detected face: box, five landmarks (right eye, left eye, nose, right mouth, left mouth from the viewer's side as the detector reports), detector confidence 0..1. */
export interface DetectedFace {
  readonly box: Box;
  readonly landmarks: readonly Point[];
  readonly confidence: number;
}

/** Quality of the main face in an image. `score` is 0..1 (1 = excellent); `acceptable` is score >= the engine's enrolment bar and no blocking reason. */
export interface QualityReport {
  readonly score: number;
  readonly acceptable: boolean;
  readonly reasons: readonly QualityReason[];
  readonly metrics: {
    readonly faceSizePx: number;
    readonly brightness: number;
    readonly sharpness: number;
    readonly yawDeg: number;
    readonly pitchDeg: number;
    readonly rollDeg: number;
  };
}

/** One recogniser's embedding. Vectors from different `model` or `version` are never compared. */
export interface TemplateVector {
  readonly model: string;
  readonly version: string;
  /** L2-normalised embedding. */
  readonly vector: Float32Array;
  /**
   * The embedding's length before normalisation (ONNX MobileFaceNet: mean over the face and its mirror).
   * Low values go with blurred, turned or occluded faces; the calibration uses it to weigh the cosine.
   * Store it with the vector; templates without it are compared by cosine alone.
   */
  readonly magnitude?: number;
}

/** A face template: one vector per recogniser that made it. */
export interface FaceTemplate {
  readonly vectors: readonly TemplateVector[];
}

/** Passive presentation-attack detection. `score` is the probability-like live score 0..1. */
export interface PadResult {
  readonly score: number | null;
  readonly threshold: number | null;
  readonly decision: 'live' | 'spoof' | 'unavailable';
}

/** Everything the engine learns from one image. */
export interface FaceAnalysis {
  readonly width: number;
  readonly height: number;
  readonly faces: readonly DetectedFace[];
  /** The main face (the largest, penalised by distance from the image centre), or null when none was found. */
  readonly face: DetectedFace | null;
  readonly quality: QualityReport;
  /** Null when no face was found. */
  readonly template: FaceTemplate | null;
  readonly liveness: PadResult;
}

/** The result of comparing two templates: a fused, calibrated similarity and the threshold it is judged by. */
export interface MatchScore {
  readonly score: number;
  readonly threshold: number;
  readonly match: boolean;
  /** Per-model raw cosine similarities that fed the score. */
  readonly components: Readonly<Record<string, number>>;
}

export interface EngineInfo {
  /** e.g. "onnx" or "npm". */
  readonly name: string;
  readonly models: readonly { readonly id: string; readonly version: string; readonly role: 'detector' | 'recogniser' | 'pad' }[];
  readonly padAvailable: boolean;
  /** The model/version whose vector is used for 1:N search (the primary recogniser). */
  readonly searchModel: { readonly id: string; readonly version: string; readonly dimensions: number };
}

export interface AnalyzeOptions {
  /** Run passive PAD (default true). */
  readonly pad?: boolean;
}

/** The face engine contract. */
export interface FaceEngine {
  readonly info: EngineInfo;
  analyze(image: Uint8Array, options?: AnalyzeOptions): Promise<FaceAnalysis>;
  compare(a: FaceTemplate, b: FaceTemplate): MatchScore;
  close(): Promise<void>;
}
