import { affineScale, invertAffine, type AffineTransform } from './AffineTransform.ts';
import type { RgbImage } from './RgbImage.ts';

/** Options of {@link warpAffine}. */
export interface WarpOptions {
  /** Maps source pixel coordinates to output pixel coordinates. */
  readonly transform: AffineTransform;
  readonly width: number;
  readonly height: number;
  /** Outside the source: black (`constant`, as OpenCV's default) or the nearest edge pixel (`replicate`). Default `constant`. */
  readonly border?: 'constant' | 'replicate';
  /** Average several samples per output pixel when shrinking by more than 1.5× (default true). */
  readonly antialias?: boolean;
}

/**
 * Resamples `src` through an affine map with bilinear interpolation (pixel centres at integer
 * coordinates, as OpenCV). When the map shrinks the source by more than 1.5×, each output pixel
 * averages a grid of bilinear samples so that downscaled faces are not aliased.
 */
export function warpAffine(src: RgbImage, { transform, width, height, border = 'constant', antialias = true }: WarpOptions): RgbImage {
  const inv = invertAffine(transform);
  const shrink = 1 / affineScale(transform);
  const taps = antialias && shrink > 1.5 ? Math.min(8, Math.ceil(shrink)) : 1;
  const out = new Uint8Array(width * height * 3);
  const sw = src.width, sh = src.height, sd = src.data;
  let accR = 0, accG = 0, accB = 0;
  const sample = (x: number, y: number): void => {
    if (border === 'constant' && (x < -1 || y < -1 || x > sw || y > sh)) return;
    const x0f = Math.floor(x), y0f = Math.floor(y);
    const fx = x - x0f, fy = y - y0f;
    const xs = [x0f, x0f + 1], ys = [y0f, y0f + 1];
    const wx = [1 - fx, fx], wy = [1 - fy, fy];
    for (let j = 0; j < 2; j++) {
      let yy = ys[j] as number;
      const wyj = wy[j] as number;
      if (yy < 0 || yy >= sh) {
        if (border === 'constant') continue;
        yy = yy < 0 ? 0 : sh - 1;
      }
      for (let i = 0; i < 2; i++) {
        let xx = xs[i] as number;
        if (xx < 0 || xx >= sw) {
          if (border === 'constant') continue;
          xx = xx < 0 ? 0 : sw - 1;
        }
        const w = wyj * (wx[i] as number);
        const o = (yy * sw + xx) * 3;
        accR += w * (sd[o] as number);
        accG += w * (sd[o + 1] as number);
        accB += w * (sd[o + 2] as number);
      }
    }
  };
  const step = 1 / taps;
  const offset = (1 - step) / 2;
  const norm = 1 / (taps * taps);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      accR = 0; accG = 0; accB = 0;
      for (let ty = 0; ty < taps; ty++) {
        const oy = v - offset + ty * step;
        for (let tx = 0; tx < taps; tx++) {
          const ox = u - offset + tx * step;
          sample(inv[0] * ox + inv[1] * oy + inv[2], inv[3] * ox + inv[4] * oy + inv[5]);
        }
      }
      const o = (v * width + u) * 3;
      out[o] = Math.round(accR * norm);
      out[o + 1] = Math.round(accG * norm);
      out[o + 2] = Math.round(accB * norm);
    }
  }
  return { width, height, data: out };
}
