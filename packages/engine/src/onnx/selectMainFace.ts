import type { DetectedFace } from '../types.ts';

/**
 * Picks the subject's face among several: the largest box after a penalty for distance from the image
 * centre (area − 2·offset², InsightFace's default rule), so a large face at the edge of a group photo
 * does not win over the centred subject. Returns null for no faces.
 */
export function selectMainFace(faces: readonly DetectedFace[], width: number, height: number): DetectedFace | null {
  let best: DetectedFace | null = null;
  let bestValue = -Infinity;
  for (const f of faces) {
    const dx = f.box.x + f.box.width / 2 - width / 2;
    const dy = f.box.y + f.box.height / 2 - height / 2;
    const value = f.box.width * f.box.height - 2 * (dx * dx + dy * dy);
    if (value > bestValue) { bestValue = value; best = f; }
  }
  return best;
}
