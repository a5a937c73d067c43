import type { RgbImage } from '../image/RgbImage.ts';

/** Brightness and sharpness of the inner face region of an aligned 112×112 crop. */
export interface FaceImageStats {
  /** Mean luma 0..1 (Rec. 601). */
  readonly brightness: number;
  /** Fraction of inner-face pixels that are clipped (luma ≥ 250). */
  readonly clipped: number;
  /** Variance of the 4-neighbour Laplacian of luma (0–255 scale) over the inner face: higher is sharper. */
  readonly sharpness: number;
}

/** Inner-face window of the 112×112 ArcFace crop: eyebrows to chin, cheek to cheek. */
const X0 = 24, X1 = 88, Y0 = 36, Y1 = 104;

/**
 * Measures brightness, clipping and sharpness (variance of the Laplacian) on the aligned face, so the
 * figures do not depend on the photo's resolution or framing.
 */
export function faceImageStats(aligned: RgbImage): FaceImageStats {
  const { width: w, data } = aligned;
  const luma = (x: number, y: number): number => {
    const o = (y * w + x) * 3;
    return 0.299 * (data[o] as number) + 0.587 * (data[o + 1] as number) + 0.114 * (data[o + 2] as number);
  };
  let sum = 0, clipped = 0, n = 0;
  let lsum = 0, lsq = 0, ln = 0;
  for (let y = Y0; y < Y1; y++) {
    for (let x = X0; x < X1; x++) {
      const v = luma(x, y);
      sum += v; n++;
      if (v >= 250) clipped++;
      const lap = luma(x - 1, y) + luma(x + 1, y) + luma(x, y - 1) + luma(x, y + 1) - 4 * v;
      lsum += lap; lsq += lap * lap; ln++;
    }
  }
  const mean = lsum / ln;
  return { brightness: sum / n / 255, clipped: clipped / n, sharpness: lsq / ln - mean * mean };
}
