import type { DetectedFace, QualityReason, QualityReport } from '../types.ts';
import type { FaceImageStats } from './faceImageStats.ts';
import type { HeadPose } from './headPose.ts';

/** Quality thresholds. Defaults are documented on each field. */
export interface QualityThresholds {
  /** Minimum face box width in source pixels. Default 64. */
  readonly minFacePx?: number;
  /** Minimum mean luma 0..1 of the inner face. Default 0.2. */
  readonly minBrightness?: number;
  /** Maximum mean luma 0..1 of the inner face. Default 0.85. */
  readonly maxBrightness?: number;
  /** Minimum variance of the Laplacian on the aligned face. Default 40. */
  readonly minSharpness?: number;
  /** Maximum |yaw| and |pitch| in degrees. Default 30 and 25. */
  readonly maxYawDeg?: number;
  readonly maxPitchDeg?: number;
  /** Maximum |roll| in degrees (alignment corrects roll, but landmarks degrade on tilted heads). Default 25. */
  readonly maxRollDeg?: number;
  /** Minimum detector confidence 0..1. Default 0.75. */
  readonly minConfidence?: number;
  /** Minimum overall score 0..1 for `acceptable`. Default 0.5. */
  readonly minScore?: number;
}

/** Inputs to {@link assessQuality}: the main face (or null), how many faces were found, and measurements of the main face. */
export interface QualityInput {
  readonly face: DetectedFace | null;
  readonly faceCount: number;
  readonly stats: FaceImageStats | null;
  readonly pose: HeadPose | null;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);
/** 1 at or past `good`, 0 at or below `bad`, linear between. */
const ramp = (v: number, bad: number, good: number): number => clamp01((v - bad) / (good - bad));

/**
 * Scores a face image 0..1 and lists the reasons a person can act on. The score is the product of
 * sub-scores (size, exposure, sharpness, pose, detector confidence) that fall from 1 to 0 across a
 * band around each threshold; a reason is listed when a measurement is past its threshold. `acceptable`
 * means no reason at all and score ≥ `minScore`. Eyes-closed is not measured by this engine (five
 * landmarks do not show the eyelids).
 */
export function assessQuality({ face, faceCount, stats, pose }: QualityInput, thresholds: QualityThresholds = {}): QualityReport {
  const {
    minFacePx = 64, minBrightness = 0.2, maxBrightness = 0.85, minSharpness = 40,
    maxYawDeg = 30, maxPitchDeg = 25, maxRollDeg = 25, minConfidence = 0.75, minScore = 0.5,
  } = thresholds;
  if (face === null || stats === null || pose === null) {
    return {
      score: 0, acceptable: false, reasons: ['NO_FACE'],
      metrics: { faceSizePx: 0, brightness: 0, sharpness: 0, yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    };
  }
  const reasons: QualityReason[] = [];
  const faceSizePx = face.box.width;
  if (faceCount > 1) reasons.push('MULTIPLE_FACES');
  if (faceSizePx < minFacePx) reasons.push('FACE_TOO_SMALL');
  if (stats.brightness < minBrightness) reasons.push('TOO_DARK');
  if (stats.brightness > maxBrightness || stats.clipped > 0.3) reasons.push('TOO_BRIGHT');
  if (stats.sharpness < minSharpness) reasons.push('BLURRED');
  if (Math.abs(pose.yawDeg) > maxYawDeg || Math.abs(pose.pitchDeg) > maxPitchDeg || Math.abs(pose.rollDeg) > maxRollDeg) reasons.push('HEAD_TURNED');
  if (face.confidence < minConfidence) reasons.push('LOW_CONFIDENCE');

  const size = ramp(faceSizePx, minFacePx * 0.5, minFacePx * 1.5);
  const exposure = Math.min(ramp(stats.brightness, minBrightness * 0.5, minBrightness * 1.5), ramp(1 - stats.brightness, (1 - maxBrightness) * 0.5, (1 - maxBrightness) * 1.5));
  const sharp = ramp(stats.sharpness, minSharpness * 0.5, minSharpness * 2);
  const poseScore = Math.min(
    ramp(-Math.abs(pose.yawDeg), -maxYawDeg * 1.5, -maxYawDeg * 0.5),
    ramp(-Math.abs(pose.pitchDeg), -maxPitchDeg * 1.5, -maxPitchDeg * 0.5),
    ramp(-Math.abs(pose.rollDeg), -maxRollDeg * 1.5, -maxRollDeg * 0.5),
  );
  const conf = ramp(face.confidence, minConfidence * 0.8, 0.95);
  const score = size * exposure * sharp * poseScore * conf * (faceCount > 1 ? 0.5 : 1);
  return {
    score,
    acceptable: reasons.length === 0 && score >= minScore,
    reasons,
    metrics: { faceSizePx, brightness: stats.brightness, sharpness: stats.sharpness, yawDeg: pose.yawDeg, pitchDeg: pose.pitchDeg, rollDeg: pose.rollDeg },
  };
}
