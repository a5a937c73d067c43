import sharp from 'sharp';
import type { RgbImage } from './RgbImage.ts';

/** Resizes an RGB image to exactly `width`×`height` with libvips (area-filtered when shrinking). */
export async function resizeRgb(src: RgbImage, width: number, height: number): Promise<RgbImage> {
  const { data, info } = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
