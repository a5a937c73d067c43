import type { DetectedFace, Point } from '../types.ts';
import type { Vec3 } from './createMeshTracker.ts';

// MediaPipe facemesh indices (468-point topology), image-left/right as seen in the frame for an upright face.
const EYE_A_OUTER = 33;
const EYE_A_INNER = 133;
const EYE_B_INNER = 362;
const EYE_B_OUTER = 263;
const NOSE_TIP = 1;
const MOUTH_A = 61;
const MOUTH_B = 291;

function xy(mesh: readonly Vec3[], i: number): Point {
  const p = mesh[i];
  return { x: p?.[0] ?? 0, y: p?.[1] ?? 0 };
}

/**
 * A {@link DetectedFace} built from a facemesh, shaped like the YuNet output the engine's PAD crop
 * expects: five landmarks (eye on the image's left, eye on the image's right, nose tip, mouth
 * corners left then right) and a box estimated from them with the same constants `padCrop` uses for
 * rolled faces (centre at eye-mid + 0.30·(mouth-mid − eye-mid), side 2.55·|mouth-mid − eye-mid|,
 * height 1.1× width), so PAD sees the crop it was calibrated on whichever detector found the face.
 */
export function meshToDetectedFace(mesh: readonly Vec3[], confidence: number): DetectedFace {
  const a = { x: (xy(mesh, EYE_A_OUTER).x + xy(mesh, EYE_A_INNER).x) / 2, y: (xy(mesh, EYE_A_OUTER).y + xy(mesh, EYE_A_INNER).y) / 2 };
  const b = { x: (xy(mesh, EYE_B_OUTER).x + xy(mesh, EYE_B_INNER).x) / 2, y: (xy(mesh, EYE_B_OUTER).y + xy(mesh, EYE_B_INNER).y) / 2 };
  const [le, re] = a.x <= b.x ? [a, b] : [b, a];
  const ma = xy(mesh, MOUTH_A), mb = xy(mesh, MOUTH_B);
  const [lm, rm] = ma.x <= mb.x ? [ma, mb] : [mb, ma];
  const nose = xy(mesh, NOSE_TIP);
  const ex = (le.x + re.x) / 2, ey = (le.y + re.y) / 2;
  const mx = (lm.x + rm.x) / 2, my = (lm.y + rm.y) / 2;
  const d = Math.hypot(mx - ex, my - ey);
  const cx = ex + 0.3 * (mx - ex), cy = ey + 0.3 * (my - ey);
  const w = 2.55 * d, h = w * 1.1;
  return { box: { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, landmarks: [le, re, nose, lm, rm], confidence };
}
