import sharp from 'sharp';
import { EngineError } from '../EngineError.ts';
import type { RgbImage } from '../image/RgbImage.ts';

/** Limits for one streamed frame. */
export interface FrameLimits {
  /** Frames are shrunk (never enlarged) so the longer side is at most this (default 640 px). */
  readonly maxSide?: number;
  /** Largest accepted width × height before decoding (default 8 000 000). */
  readonly maxPixels?: number;
}

/**
 * Decodes one JPEG frame to RGB, shrinking it to `maxSide` while decoding (libjpeg shrink-on-load,
 * so a 1080p frame costs little more than a 640×480 one).
 *
 * @throws {EngineError} IMAGE_UNREADABLE (not a JPEG, truncated, empty), IMAGE_TOO_LARGE.
 */
export async function decodeFrame(bytes: Uint8Array, { maxSide = 640, maxPixels = 8_000_000 }: FrameLimits = {}): Promise<RgbImage> {
  if (bytes.byteLength < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new EngineError('IMAGE_UNREADABLE', 'A frame must be one JPEG image (it does not start with the JPEG SOI marker).');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new EngineError('IMAGE_UNREADABLE', 'The frame is not a readable JPEG.', { cause });
  }
  if (meta.width * meta.height > maxPixels) throw new EngineError('IMAGE_TOO_LARGE', `The frame has ${meta.width}×${meta.height} pixels; at most ${maxPixels} are accepted.`);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (cause) {
    throw new EngineError('IMAGE_UNREADABLE', 'The frame is truncated or corrupt.', { cause });
  }
}
