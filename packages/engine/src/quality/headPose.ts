import type { Point } from '../types.ts';

/** Head pose estimated from five landmarks, in degrees. */
export interface HeadPose {
  /** Left/right turn; 0 = frontal; sign: positive when the nose moves towards the image's right. */
  readonly yawDeg: number;
  /** Up/down tilt; 0 = frontal; positive when the nose moves down (head bowed). */
  readonly pitchDeg: number;
  /** In-plane rotation of the eye line; positive = clockwise in the image. */
  readonly rollDeg: number;
}

const DEG = 180 / Math.PI;
/** Nose-tip depth in front of the eye/mouth plane relative to the inter-ocular distance (average adult head). */
const NOSE_DEPTH_PER_IOD = 0.55;
/** Nose-tip height between eye line (0) and mouth line (1) on a frontal face (ArcFace template: 0.494). */
const FRONTAL_NOSE_RATIO = 0.494;

/**
 * A weak-perspective head-pose estimate from five landmarks (eyes, nose tip, mouth corners). Roll is
 * the eye-line angle; yaw and pitch come from where the nose tip sits relative to the eyes and mouth
 * in the de-rolled face, assuming an average face shape. Good to about ±10° — enough to tell a person
 * to face the camera, not for measurement.
 */
export function headPose(landmarks: readonly Point[]): HeadPose {
  const [re, le, nose, rm, lm] = landmarks;
  if (re === undefined || le === undefined || nose === undefined || rm === undefined || lm === undefined) {
    throw new RangeError('head pose needs five landmarks');
  }
  const roll = Math.atan2(le.y - re.y, le.x - re.x);
  const cos = Math.cos(-roll), sin = Math.sin(-roll);
  const rot = (p: Point): Point => ({ x: p.x * cos - p.y * sin, y: p.x * sin + p.y * cos });
  const [r1, l1, n1, rm1, lm1] = [rot(re), rot(le), rot(nose), rot(rm), rot(lm)];
  const eyeMid = { x: (r1.x + l1.x) / 2, y: (r1.y + l1.y) / 2 };
  const mouthMid = { x: (rm1.x + lm1.x) / 2, y: (rm1.y + lm1.y) / 2 };
  const iod = Math.max(1e-6, l1.x - r1.x);
  // Horizontal nose offset from the eye–mouth midline, relative to the eye distance.
  const midX = (eyeMid.x + mouthMid.x) / 2;
  const yaw = Math.atan(((n1.x - midX) / iod) / NOSE_DEPTH_PER_IOD);
  const faceH = Math.max(1e-6, mouthMid.y - eyeMid.y);
  const ratio = (n1.y - eyeMid.y) / faceH;
  const pitch = Math.atan(((ratio - FRONTAL_NOSE_RATIO) * faceH) / (NOSE_DEPTH_PER_IOD * iod));
  return { yawDeg: yaw * DEG, pitchDeg: pitch * DEG, rollDeg: roll * DEG };
}
