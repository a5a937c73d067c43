import sharp from 'sharp';
import { EngineError } from '../EngineError.ts';
import type { RgbImage } from './RgbImage.ts';

/** Limits applied while decoding untrusted image bytes. */
export interface DecodeLimits {
  /** Largest accepted width × height, checked from the header before any pixel is decoded. Default 25 000 000 (25 MP). */
  readonly maxPixels?: number;
  /** Smallest accepted side in pixels after EXIF orientation. Default 32. */
  readonly minSide?: number;
}

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

/**
 * Decodes JPEG, PNG or WebP bytes into 8-bit sRGB, applying EXIF orientation, converting greyscale
 * and CMYK to RGB and dropping alpha (flattened on white).
 *
 * @throws {EngineError} IMAGE_UNREADABLE (zero bytes, not an image, truncated or corrupt),
 *   UNSUPPORTED_FORMAT (anything but JPEG/PNG/WebP), IMAGE_ANIMATED (more than one frame/page),
 *   IMAGE_TOO_LARGE (over `maxPixels`, checked before decoding), IMAGE_TOO_SMALL (a side under `minSide`).
 */
export async function decodeImage(bytes: Uint8Array, { maxPixels = 25_000_000, minSide = 32 }: DecodeLimits = {}): Promise<RgbImage> {
  if (bytes.byteLength === 0) throw new EngineError('IMAGE_UNREADABLE', 'The image is empty (zero bytes).');
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false, pages: -1 }).metadata();
  } catch (cause) {
    throw new EngineError('IMAGE_UNREADABLE', 'The bytes are not a readable image.', { cause });
  }
  const format = metadata.format;
  if (!ACCEPTED_FORMATS.has(format)) {
    throw new EngineError('UNSUPPORTED_FORMAT', `Unsupported image format "${format}"; send JPEG, PNG or WebP.`);
  }
  if ((metadata.pages ?? 1) > 1) {
    throw new EngineError('IMAGE_ANIMATED', `The image has ${metadata.pages ?? 0} frames or pages; send a single still image.`);
  }
  const width = metadata.width;
  const height = metadata.height;
  if (width * height > maxPixels) {
    throw new EngineError('IMAGE_TOO_LARGE', `The image is ${width}×${height} pixels, over the limit of ${maxPixels} pixels.`);
  }
  if (Math.min(width, height) < minSide) {
    throw new EngineError('IMAGE_TOO_SMALL', `The image is ${width}×${height} pixels; each side must be at least ${minSide}.`);
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated', sequentialRead: true })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels after conversion, got ${info.channels}`);
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (cause) {
    throw new EngineError('IMAGE_UNREADABLE', 'The image could not be decoded (truncated or corrupt).', { cause });
  }
}
