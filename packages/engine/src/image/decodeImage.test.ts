import { crc32, createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EngineError, type EngineErrorCode } from '../EngineError.ts';
import { decodeImage } from './decodeImage.ts';

async function expectCode(promise: Promise<unknown>, code: EngineErrorCode): Promise<void> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(EngineError);
  expect((err as EngineError).code).toBe(code);
}

/** A real decompression bomb: a valid 8-bit greyscale PNG of `side`×`side` black pixels (~400 MB decoded at 20 000²). */
async function pngBomb(side: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const rows = Buffer.alloc((side + 1) * 100);
  for (let y = 0; y < side; y += 100) deflate.write(rows.subarray(0, (side + 1) * Math.min(100, side - y)));
  deflate.end();
  await ended;
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.concat(parts)), chunk('IEND', Buffer.alloc(0))]);
}

const solid = (width: number, height: number, channels: 3 | 4 = 3): sharp.Sharp =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 120, b: 40, alpha: 1 } } });

describe('decodeImage', () => {
  it('decodes JPEG, PNG and WebP into 8-bit RGB', async () => {
    for (const bytes of [await solid(64, 48).jpeg().toBuffer(), await solid(64, 48).png().toBuffer(), await solid(64, 48).webp().toBuffer()]) {
      const img = await decodeImage(bytes);
      expect([img.width, img.height, img.data.length]).toEqual([64, 48, 64 * 48 * 3]);
    }
  });

  it('applies EXIF orientation (6 = rotate 90° clockwise)', async () => {
    const bytes = await solid(80, 40).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const img = await decodeImage(bytes);
    expect([img.width, img.height]).toEqual([40, 80]);
  });

  it('converts greyscale and CMYK to RGB and drops alpha', async () => {
    const grey = await decodeImage(await solid(40, 40).greyscale().png().toBuffer());
    expect(grey.data.length).toBe(40 * 40 * 3);
    expect(grey.data[0]).toBe(grey.data[1]);
    const cmyk = await decodeImage(await solid(40, 40).toColourspace('cmyk').jpeg().toBuffer());
    expect(cmyk.data.length).toBe(40 * 40 * 3);
    expect(cmyk.data[0]).toBeGreaterThan(cmyk.data[2] ?? 255);
    const alpha = await decodeImage(await solid(40, 40, 4).png().toBuffer());
    expect(alpha.data.length).toBe(40 * 40 * 3);
  });

  it('refuses zero bytes, non-images and truncated files as IMAGE_UNREADABLE', async () => {
    await expectCode(decodeImage(new Uint8Array(0)), 'IMAGE_UNREADABLE');
    await expectCode(decodeImage(new TextEncoder().encode('definitely not an image')), 'IMAGE_UNREADABLE');
    const jpeg = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    await expectCode(decodeImage(jpeg.subarray(0, Math.floor(jpeg.length / 2))), 'IMAGE_UNREADABLE');
  });

  it('refuses a 20 000 × 20 000 decompression bomb before decoding it', async () => {
    const bomb = await pngBomb(20_000);
    expect(bomb.length).toBeLessThan(3_000_000);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    const before = process.memoryUsage().rss;
    await expectCode(decodeImage(bomb), 'IMAGE_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(300_000_000);
  });

  it('refuses animated (multi-frame) images', async () => {
    const frame = (colour: string): Promise<Buffer> => sharp({ create: { width: 64, height: 64, channels: 3, background: colour } }).png().toBuffer();
    const frames = await Promise.all([frame('#808080'), frame('#102030'), frame('#808080')]);
    const animated = await sharp(frames, { join: { animated: true } }).webp({ loop: 0 }).toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(3);
    await expectCode(decodeImage(animated), 'IMAGE_ANIMATED');
  });

  it('refuses formats other than JPEG, PNG and WebP', async () => {
    await expectCode(decodeImage(await solid(64, 64).tiff().toBuffer()), 'UNSUPPORTED_FORMAT');
    await expectCode(decodeImage(await solid(64, 64).gif().toBuffer()), 'UNSUPPORTED_FORMAT');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>');
    await expectCode(decodeImage(svg), 'UNSUPPORTED_FORMAT');
  });

  it('refuses tiny images', async () => {
    await expectCode(decodeImage(await solid(16, 200).png().toBuffer()), 'IMAGE_TOO_SMALL');
  });
});
