import type { QualityReason, QualityReport } from '../types.ts';

/** Bars the quality gate applies. Angles in degrees, sizes in source pixels, brightness 0..1. */
export interface QualityThresholds {
  /** Smallest accepted face side (min of box width and height). Default 64 px. */
  readonly minFaceSizePx: number;
  /** Mean crop luma below this is TOO_DARK. Default 0.2. */
  readonly minBrightness: number;
  /** Mean crop luma above this is TOO_BRIGHT. Default 0.85. */
  readonly maxBrightness: number;
  /** Variance of the Laplacian (112×112 grey crop) below this is BLURRED. Default 40. */
  readonly minSharpness: number;
  /** Largest |yaw|. Default 30°. */
  readonly maxYawDeg: number;
  /** Largest |pitch|. Default 25°. */
  readonly maxPitchDeg: number;
  /** Largest |roll| (the recogniser's crop is rotated upright, so this is lenient). Default 40°. */
  readonly maxRollDeg: number;
  /** Eye opening (lid gap / eye width, the smaller eye) below this is EYES_CLOSED. Default 0.12. */
  readonly minEyeOpening: number;
  /** Detector or mesh confidence below this is LOW_CONFIDENCE. Default 0.6. */
  readonly minConfidence: number;
  /** A second face at least this fraction of the main face's side makes MULTIPLE_FACES. Default 0.5. */
  readonly otherFaceRatio: number;
  /** `acceptable` also needs `score` at least this. Default 0.5. */
  readonly minScore: number;
}

/** The defaults of {@link QualityThresholds}. */
export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = Object.freeze({
  minFaceSizePx: 64,
  minBrightness: 0.2,
  maxBrightness: 0.85,
  minSharpness: 40,
  maxYawDeg: 30,
  maxPitchDeg: 25,
  maxRollDeg: 40,
  minEyeOpening: 0.12,
  minConfidence: 0.6,
  otherFaceRatio: 0.5,
  minScore: 0.5,
});

/** What the engine measured on the main face (and the others) of one image. */
export interface QualityMeasures {
  readonly faceSizePx: number;
  readonly otherFaceSizesPx: readonly number[];
  readonly brightness: number;
  readonly sharpness: number;
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  /** Null when the eyes could not be measured. */
  readonly eyeOpening: number | null;
  readonly confidence: number;
}

/** A quality report for an image in which no face was found. */
export function noFaceQuality(brightness: number): QualityReport {
  return {
    score: 0,
    acceptable: false,
    reasons: ['NO_FACE'],
    metrics: { faceSizePx: 0, brightness, sharpness: 0, yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
  };
}

function ramp(value: number, bad: number, good: number): number {
  if (good === bad) return value >= good ? 1 : 0;
  return Math.min(1, Math.max(0, (value - bad) / (good - bad)));
}

/**
 * Turns measurements into a {@link QualityReport}: each reason a person can act on, and a score
 * 0..1 that is the product of soft factors (size, exposure, sharpness, pose, confidence), each 1
 * comfortably inside its bar and falling to 0 well past it. Every reason blocks `acceptable`.
 */
export function assessQuality(m: QualityMeasures, t: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS): QualityReport {
  const reasons: QualityReason[] = [];
  if (m.otherFaceSizesPx.some((side) => side >= t.otherFaceRatio * m.faceSizePx)) reasons.push('MULTIPLE_FACES');
  if (m.faceSizePx < t.minFaceSizePx) reasons.push('FACE_TOO_SMALL');
  if (m.brightness < t.minBrightness) reasons.push('TOO_DARK');
  if (m.brightness > t.maxBrightness) reasons.push('TOO_BRIGHT');
  if (m.sharpness < t.minSharpness) reasons.push('BLURRED');
  if (Math.abs(m.yawDeg) > t.maxYawDeg || Math.abs(m.pitchDeg) > t.maxPitchDeg || Math.abs(m.rollDeg) > t.maxRollDeg) reasons.push('HEAD_TURNED');
  if (m.eyeOpening !== null && m.eyeOpening < t.minEyeOpening) reasons.push('EYES_CLOSED');
  if (m.confidence < t.minConfidence) reasons.push('LOW_CONFIDENCE');

  const pose = Math.min(
    ramp(t.maxYawDeg * 1.5 - Math.abs(m.yawDeg), 0, t.maxYawDeg),
    ramp(t.maxPitchDeg * 1.5 - Math.abs(m.pitchDeg), 0, t.maxPitchDeg),
    ramp(t.maxRollDeg * 1.5 - Math.abs(m.rollDeg), 0, t.maxRollDeg),
  );
  const score =
    ramp(m.faceSizePx, t.minFaceSizePx * 0.5, t.minFaceSizePx * 1.5) *
    Math.min(ramp(m.brightness, t.minBrightness * 0.5, t.minBrightness * 1.5), ramp(1 - m.brightness, (1 - t.maxBrightness) * 0.5, (1 - t.maxBrightness) * 1.5)) *
    ramp(m.sharpness, t.minSharpness * 0.5, t.minSharpness * 2) *
    pose *
    ramp(m.confidence, t.minConfidence * 0.5, Math.min(1, t.minConfidence * 1.5));
  return {
    score,
    acceptable: reasons.length === 0 && score >= t.minScore,
    reasons,
    metrics: { faceSizePx: m.faceSizePx, brightness: m.brightness, sharpness: m.sharpness, yawDeg: m.yawDeg, pitchDeg: m.pitchDeg, rollDeg: m.rollDeg },
  };
}
