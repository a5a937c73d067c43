import type { RgbImage } from '../image/RgbImage.ts';
import type { Box } from '../types.ts';

/** Cues that a face is shown on a screen rather than present. Each is 0..1 (1 = strongly screen-like). */
export interface ScreenCues {
  /** Periodic high-frequency energy in the face (moiré of a recaptured pixel grid): spectral peak over median. */
  readonly moire: number;
  /** Long straight edges around the face (a phone or monitor bezel): best line coherence in a ring around the face. */
  readonly bezel: number;
  /** Specular glare: share of saturated, colourless pixels in and around the face. */
  readonly glare: number;
  /** Weighted combination used by the verdict. */
  readonly score: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function grey(image: RgbImage, x: number, y: number): number {
  const i = (Math.min(image.height - 1, Math.max(0, Math.round(y))) * image.width + Math.min(image.width - 1, Math.max(0, Math.round(x)))) * 3;
  const d = image.data;
  return 0.299 * (d[i] ?? 0) + 0.587 * (d[i + 1] ?? 0) + 0.114 * (d[i + 2] ?? 0);
}

/** Peak-to-median ratio of the 2D DFT magnitude in the upper frequency band of a 32×32 grey face patch. */
function moireScore(image: RgbImage, box: Box): number {
  const n = 32;
  const patch = new Float64Array(n * n);
  // Inner face (cheeks, nose, forehead), sampled at the native resolution when possible.
  const x0 = box.x + box.width * 0.25, y0 = box.y + box.height * 0.25;
  const step = Math.max(1, Math.min(box.width, box.height) * 0.5 / n);
  let mean = 0;
  for (let v = 0; v < n; v++) for (let u = 0; u < n; u++) {
    const g = grey(image, x0 + u * step, y0 + v * step);
    patch[v * n + u] = g;
    mean += g;
  }
  mean /= n * n;
  for (let i = 0; i < patch.length; i++) patch[i] = (patch[i] ?? 0) - mean;
  // Separable DFT magnitude.
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let v = 0; v < n; v++) for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let u = 0; u < n; u++) {
      const a = (-2 * Math.PI * k * u) / n;
      const p = patch[v * n + u] ?? 0;
      sr += p * Math.cos(a);
      si += p * Math.sin(a);
    }
    re[v * n + k] = sr;
    im[v * n + k] = si;
  }
  const band: number[] = [];
  for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) {
    let sr = 0, si = 0;
    for (let v = 0; v < n; v++) {
      const a = (-2 * Math.PI * l * v) / n;
      const c = Math.cos(a), s = Math.sin(a);
      const r = re[v * n + k] ?? 0, i = im[v * n + k] ?? 0;
      sr += r * c - i * s;
      si += r * s + i * c;
    }
    const fk = Math.min(k, n - k), fl = Math.min(l, n - l);
    const radius = Math.hypot(fk, fl) / (n / 2);
    if (radius >= 0.35 && radius <= 1) band.push(Math.hypot(sr, si));
  }
  band.sort((a, b) => a - b);
  const median = band[Math.floor(band.length / 2)] ?? 0;
  const peak = band[band.length - 1] ?? 0;
  // Natural skin: ratio ≈ 3–6. A recaptured grid puts sharp peaks far above the median.
  return median > 0 ? clamp01((peak / median - 6) / 10) : 0;
}

/** Coherence of the best straight vertical or horizontal edge in a ring 0.6–1.6 face sizes around the face. */
function bezelScore(image: RgbImage, box: Box): number {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const size = Math.max(box.width, box.height);
  const step = Math.max(1, size / 48);
  const span = (from: number, to: number, max: number): [number, number] => [Math.max(1, from), Math.min(max - 2, to)];
  let best = 0;
  const [ys0, ys1] = span(cy - size * 0.6, cy + size * 0.6, image.height);
  const [xs0, xs1] = span(cx - size * 0.6, cx + size * 0.6, image.width);
  // Vertical lines left and right of the face.
  for (const dir of [-1, 1]) {
    for (let off = size * 0.6; off <= size * 1.6; off += step) {
      const x = cx + dir * off;
      if (x < 1 || x > image.width - 2) continue;
      let hits = 0, total = 0;
      for (let y = ys0; y <= ys1; y += step) {
        total++;
        if (Math.abs(grey(image, x + step, y) - grey(image, x - step, y)) > 24) hits++;
      }
      if (total > 8) best = Math.max(best, hits / total);
    }
  }
  // Horizontal lines above and below.
  for (const dir of [-1, 1]) {
    for (let off = size * 0.6; off <= size * 1.6; off += step) {
      const y = cy + dir * off;
      if (y < 1 || y > image.height - 2) continue;
      let hits = 0, total = 0;
      for (let x = xs0; x <= xs1; x += step) {
        total++;
        if (Math.abs(grey(image, x, y + step) - grey(image, x, y - step)) > 24) hits++;
      }
      if (total > 8) best = Math.max(best, hits / total);
    }
  }
  // A line across most of the face's extent; short or broken edges (hair, shoulders) score low.
  return clamp01((best - 0.6) / 0.35);
}

/** Share of saturated, near-white pixels in the face box enlarged 1.4×. */
function glareScore(image: RgbImage, box: Box): number {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const w = box.width * 1.4, h = box.height * 1.4;
  const x0 = Math.max(0, Math.floor(cx - w / 2)), x1 = Math.min(image.width - 1, Math.ceil(cx + w / 2));
  const y0 = Math.max(0, Math.floor(cy - h / 2)), y1 = Math.min(image.height - 1, Math.ceil(cy + h / 2));
  const stride = Math.max(1, Math.floor(Math.min(x1 - x0, y1 - y0) / 64));
  let hits = 0, total = 0;
  const d = image.data;
  for (let y = y0; y <= y1; y += stride) for (let x = x0; x <= x1; x += stride) {
    const i = (y * image.width + x) * 3;
    const r = d[i] ?? 0, g = d[i + 1] ?? 0, b = d[i + 2] ?? 0;
    total++;
    if (Math.min(r, g, b) >= 245) hits++;
  }
  return total > 0 ? clamp01(hits / total / 0.08) : 0;
}

/**
 * Screen cues for one frame around the main face's box: moiré, bezel, glare, and their weighted
 * combination `score = 0.45·moiré + 0.35·bezel + 0.2·glare`. Heuristics, documented in
 * `docs/liveness.md` with their figures on the shared clips; they back up PAD, they do not replace it.
 */
export function screenCues(image: RgbImage, box: Box): ScreenCues {
  const moire = moireScore(image, box);
  const bezel = bezelScore(image, box);
  const glare = glareScore(image, box);
  return { moire, bezel, glare, score: 0.45 * moire + 0.35 * bezel + 0.2 * glare };
}
