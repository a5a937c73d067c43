/** Simple measures of one camera frame, from its pixels (RGBA, as `ImageData.data`). */
export interface FrameStats {
  /** Mean luma, 0..255. */
  readonly brightness: number;
  /** Standard deviation of luma, 0..~128. */
  readonly contrast: number;
  /** Mean absolute luma gradient between neighbours, 0..255: low means blurry. */
  readonly sharpness: number;
  /** Mean absolute luma change from the previous frame, 0..255; 0 when there is none. */
  readonly motion: number;
}

/** Luma (BT.601) of each pixel of an RGBA buffer. */
export function lumaOf(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
  return out;
}

/** Measures a frame given its luma; `previous` (same size) enables the motion measure. */
export function frameStats(luma: Float32Array, width: number, height: number, previous?: Float32Array): FrameStats {
  const n = luma.length;
  if (n === 0) return { brightness: 0, contrast: 0, sharpness: 0, motion: 0 };
  let sum = 0;
  for (const v of luma) sum += v;
  const mean = sum / n;
  let sq = 0;
  for (const v of luma) sq += (v - mean) ** 2;
  let grad = 0;
  let count = 0;
  for (let y = 0; y < height - 1; y++) {
    for (let x = 0; x < width - 1; x++) {
      const i = y * width + x;
      grad += Math.abs((luma[i] ?? 0) - (luma[i + 1] ?? 0)) + Math.abs((luma[i] ?? 0) - (luma[i + width] ?? 0));
      count += 2;
    }
  }
  let motion = 0;
  if (previous !== undefined && previous.length === n) {
    for (let i = 0; i < n; i++) motion += Math.abs((luma[i] ?? 0) - (previous[i] ?? 0));
    motion /= n;
  }
  return { brightness: mean, contrast: Math.sqrt(sq / n), sharpness: count === 0 ? 0 : grad / count, motion };
}

/** A hint for the person, with a stable id for tests and styling. */
export interface QualityHint {
  readonly id: 'too-dark' | 'too-bright' | 'low-contrast' | 'blurry' | 'hold-still';
  readonly text: string;
}

/** Thresholds of {@link qualityHints}; tuned on 160×120 analysis frames. */
export const qualityThresholds = { minBrightness: 60, maxBrightness: 210, minContrast: 18, minSharpness: 2.5, maxMotion: 14 } as const;

/**
 * What the person should change, most important first; empty when the frame looks usable. Face
 * size and position ("move closer") come from the server's per-sample answer, not from here.
 */
export function qualityHints(s: FrameStats, t: typeof qualityThresholds = qualityThresholds): QualityHint[] {
  const hints: QualityHint[] = [];
  if (s.brightness < t.minBrightness) hints.push({ id: 'too-dark', text: 'Too dark: turn towards a light.' });
  else if (s.brightness > t.maxBrightness) hints.push({ id: 'too-bright', text: 'Too bright: move away from direct light.' });
  else if (s.contrast < t.minContrast) hints.push({ id: 'low-contrast', text: 'The picture is flat: avoid a light behind you.' });
  if (s.motion > t.maxMotion) hints.push({ id: 'hold-still', text: 'Hold still.' });
  else if (s.sharpness < t.minSharpness) hints.push({ id: 'blurry', text: 'The picture is blurry: clean the camera or hold still.' });
  return hints;
}
