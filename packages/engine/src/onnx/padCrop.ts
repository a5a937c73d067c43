import type { DetectedFace, Point } from '../types.ts';
import type { AffineTransform } from '../image/AffineTransform.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import { warpAffine } from '../image/warpAffine.ts';

/** Roll angle of a face in radians from its eye line (positive = clockwise in image coordinates). */
export function eyeLineAngle(landmarks: readonly Point[]): number {
  const [re, le] = landmarks;
  if (re === undefined || le === undefined) return 0;
  return Math.atan2(le.y - re.y, le.x - re.x);
}

/** Below this roll the detector's own box is used, exactly as the reference Silent-Face pipeline does. */
export const UPRIGHT_ROLL_DEG = 12;
const UPRIGHT_RAD = (UPRIGHT_ROLL_DEG * Math.PI) / 180;

/**
 * An upright face box estimated from the five landmarks alone, for faces whose axis-aligned detector
 * box is unreliable (rotated heads). Constants fitted so that on upright faces it matches YuNet's box:
 * centre at eye-mid + 0.30·(mouth-mid − eye-mid), side 2.55·|mouth-mid − eye-mid|.
 */
function landmarkBox(landmarks: readonly Point[]): { cx: number; cy: number; w: number; h: number } {
  const [re, le, , rm, lm] = landmarks;
  if (re === undefined || le === undefined || rm === undefined || lm === undefined) throw new RangeError('five landmarks needed');
  const ex = (re.x + le.x) / 2, ey = (re.y + le.y) / 2;
  const mx = (rm.x + lm.x) / 2, my = (rm.y + lm.y) / 2;
  const d = Math.hypot(mx - ex, my - ey);
  return { cx: ex + 0.3 * (mx - ex), cy: ey + 0.3 * (my - ey), w: 2.55 * d, h: 2.55 * d * 1.1 };
}

/**
 * The 80×80 crop MiniFASNet expects: the face box enlarged `scale`× about its centre, the scale reduced
 * and the box shifted so it stays inside the image (as Silent-Face-Anti-Spoofing's `CropImage`), resized
 * without antialiasing (as `cv2.resize`). With `derotate` (default) and a rolled face (|roll| > 12°) the
 * crop is taken in the face's own upright frame — the image is de-rotated about the face centre by the
 * eye-line angle and the box is estimated from the landmarks — so a tilted head gives the model the
 * upright view it was trained on. Without it, the reference axis-aligned crop around the detector box.
 */
export function padCrop(image: RgbImage, face: DetectedFace, scale: number, { size = 80, derotate = true }: { size?: number; derotate?: boolean } = {}): RgbImage {
  const roll = eyeLineAngle(face.landmarks);
  const upright = !derotate || Math.abs(roll) <= UPRIGHT_RAD;
  const angle = upright ? 0 : roll;
  const b = upright
    ? { cx: face.box.x + face.box.width / 2, cy: face.box.y + face.box.height / 2, w: face.box.width, h: face.box.height }
    : landmarkBox(face.landmarks);
  const srcW = image.width, srcH = image.height;
  const s = Math.min((srcH - 1) / b.h, (srcW - 1) / b.w, scale);
  const nw = b.w * s, nh = b.h * s;
  // Crop corners in the face's upright frame, shifted inside the image bounds (reference behaviour).
  let x0 = b.cx - nw / 2, y0 = b.cy - nh / 2;
  if (upright) {
    x0 = Math.min(Math.max(x0, 0), srcW - 1 - nw);
    y0 = Math.min(Math.max(y0, 0), srcH - 1 - nh);
  }
  // Map crop pixel (u, v) → upright-frame point → image point (rotate by `angle` about the box centre).
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const kx = nw / size, ky = nh / size;
  // upright point p = (x0 + (u+0.5)·kx − 0.5, y0 + (v+0.5)·ky − 0.5); image point = R(p − c) + c.
  const ox = x0 + 0.5 * kx - 0.5 - b.cx, oy = y0 + 0.5 * ky - 0.5 - b.cy;
  const toImage: AffineTransform = [
    cos * kx, -sin * ky, cos * ox - sin * oy + b.cx,
    sin * kx, cos * ky, sin * ox + cos * oy + b.cy,
  ];
  // warpAffine wants image → crop; invert the 2×3 crop → image map.
  const [a, bb, c, d, e, f] = toImage;
  const det = a * e - bb * d;
  const inv: AffineTransform = [e / det, -bb / det, (bb * f - c * e) / det, -d / det, a / det, (c * d - a * f) / det];
  return warpAffine(image, { transform: inv, width: size, height: size, border: 'replicate', antialias: false });
}
