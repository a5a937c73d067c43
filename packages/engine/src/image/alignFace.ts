import type { Point } from '../types.ts';
import type { AffineTransform } from './AffineTransform.ts';
import { estimateSimilarity } from './estimateSimilarity.ts';
import type { RgbImage } from './RgbImage.ts';
import { warpAffine } from './warpAffine.ts';

/** The standard five-point ArcFace template for a 112×112 crop (eyes, nose tip, mouth corners, image left to right). */
export const ARCFACE_TEMPLATE_112: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

/** The similarity transform from image pixels to the 112×112 ArcFace template. */
export function alignmentTransform(landmarks: readonly Point[]): AffineTransform {
  if (landmarks.length !== 5) throw new RangeError(`alignment needs 5 landmarks, got ${landmarks.length}`);
  return estimateSimilarity(landmarks, ARCFACE_TEMPLATE_112);
}

/** Warps the face with the given five landmarks onto the 112×112 ArcFace template (black outside the image). */
export function alignFace(image: RgbImage, landmarks: readonly Point[]): RgbImage {
  return warpAffine(image, { transform: alignmentTransform(landmarks), width: 112, height: 112 });
}
