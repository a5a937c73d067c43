import sharp from 'sharp';
import type { Box } from '../types.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import { laplacianVariance } from './laplacianVariance.ts';

/** Side of the square greyscale crop sharpness is measured on, so values compare across face sizes. */
export const SHARPNESS_CROP_SIDE = 112;

/** Photometric measurements of a face crop. */
export interface FaceCropMeasures {
  /** Mean luma of the crop, 0..1. */
  readonly brightness: number;
  /** Variance of the Laplacian of the crop resized to {@link SHARPNESS_CROP_SIDE}² (grey levels²). */
  readonly sharpness: number;
}

/**
 * Crops `box` (clamped to the image) from a decoded RGB image, converts it to grey, resizes it to
 * 112×112 and returns its mean brightness and variance of the Laplacian.
 */
export async function measureFaceCrop(image: RgbImage, box: Box): Promise<FaceCropMeasures> {
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const width = Math.max(1, Math.min(image.width - left, Math.ceil(box.width)));
  const height = Math.max(1, Math.min(image.height - top, Math.ceil(box.height)));
  const grey = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left: Math.min(left, image.width - 1), top: Math.min(top, image.height - 1), width, height })
    .greyscale()
    .resize(SHARPNESS_CROP_SIDE, SHARPNESS_CROP_SIDE, { fit: 'fill' })
    .raw()
    .toBuffer();
  const pixels = new Uint8Array(grey.buffer, grey.byteOffset, grey.byteLength);
  let sum = 0;
  for (const v of pixels) sum += v;
  return {
    brightness: sum / pixels.length / 255,
    sharpness: laplacianVariance(pixels, SHARPNESS_CROP_SIDE, SHARPNESS_CROP_SIDE),
  };
}
