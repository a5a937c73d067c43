import type { DetectedFace, Point } from '../types.ts';
import { applyAffine, invertAffine, type AffineTransform } from '../image/AffineTransform.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import { warpAffine } from '../image/warpAffine.ts';
import { eyeLineAngle } from './padCrop.ts';
import type { FaceDetector } from './YunetDetector.ts';

/** Options of {@link refineRolledFace}. */
export interface RefineRollOptions {
  /** Re-detect when |roll| exceeds this many degrees. Default 12. */
  readonly minRollDeg?: number;
  /** Side of the upright patch fed to the detector, in pixels. Default 320. */
  readonly patchSize?: number;
}

/**
 * YuNet's landmarks are biased towards upright on tilted heads (a 45° roll reads as ~20°). For a face
 * whose eye line is rolled by more than `minRollDeg`, this cuts an upright patch around the face
 * (rotated by the measured roll), detects again on it and maps the new landmarks back to the image.
 * Returns the refined face, or the original when the second detection finds nothing.
 */
export async function refineRolledFace(image: RgbImage, face: DetectedFace, detector: FaceDetector, { minRollDeg = 12, patchSize = 320 }: RefineRollOptions = {}): Promise<DetectedFace> {
  let current = face;
  for (let pass = 0; pass < 2; pass++) {
    const angle = eyeLineAngle(current.landmarks);
    if (Math.abs(angle) * (180 / Math.PI) <= minRollDeg) return current;
    const cx = current.box.x + current.box.width / 2, cy = current.box.y + current.box.height / 2;
    const side = 2.2 * Math.max(current.box.width, current.box.height);
    const k = patchSize / side;
    const cos = Math.cos(-angle) * k, sin = Math.sin(-angle) * k;
    // image → patch: rotate by −angle about the face centre, scale by k, centre in the patch.
    const toPatch: AffineTransform = [cos, -sin, patchSize / 2 - (cos * cx - sin * cy), sin, cos, patchSize / 2 - (sin * cx + cos * cy)];
    const patch = warpAffine(image, { transform: toPatch, width: patchSize, height: patchSize, border: 'replicate' });
    const found = await detector.detect(patch);
    const best = found.reduce<DetectedFace | null>((b, f) => {
      const d = Math.hypot(f.box.x + f.box.width / 2 - patchSize / 2, f.box.y + f.box.height / 2 - patchSize / 2);
      const db = b === null ? Infinity : Math.hypot(b.box.x + b.box.width / 2 - patchSize / 2, b.box.y + b.box.height / 2 - patchSize / 2);
      return d < db ? f : b;
    }, null);
    if (best === null) return current;
    const back = invertAffine(toPatch);
    const landmarks: Point[] = best.landmarks.map((p) => applyAffine(back, p));
    const corners = [
      { x: best.box.x, y: best.box.y }, { x: best.box.x + best.box.width, y: best.box.y },
      { x: best.box.x, y: best.box.y + best.box.height }, { x: best.box.x + best.box.width, y: best.box.y + best.box.height },
    ].map((p) => applyAffine(back, p));
    const xs = corners.map((p) => p.x), ys = corners.map((p) => p.y);
    // Keep the box size of an upright face (the rotated rectangle's bounding box would inflate it).
    const w = best.box.width / k, h = best.box.height / k;
    const mx = (Math.min(...xs) + Math.max(...xs)) / 2, my = (Math.min(...ys) + Math.max(...ys)) / 2;
    current = { box: { x: mx - w / 2, y: my - h / 2, width: w, height: h }, landmarks, confidence: Math.max(best.confidence, current.confidence) };
  }
  return current;
}
