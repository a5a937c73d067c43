import type { Vec3 } from './createMeshTracker.ts';

/** Per-frame shape measures of one face, all scale-free. */
export interface FaceMeasures {
  /** Eye aspect ratio (Soukupová & Čech), mean of both eyes: ≈0.3 open, under ≈0.15 closed. */
  readonly ear: number;
  /** Mouth width (corner to corner) over the outer eye-corner distance: ≈0.6 neutral, larger when smiling. */
  readonly mouthWidth: number;
  /** Inner-lip gap over the outer eye-corner distance (talking, laughing). */
  readonly mouthOpen: number;
  /** Outer eye-corner distance in pixels (the face scale used by other measures). */
  readonly eyeSpanPx: number;
}

// MediaPipe facemesh indices.
const EYE_A = { outer: 33, inner: 133, up1: 160, up2: 158, low1: 144, low2: 153 } as const;
const EYE_B = { outer: 263, inner: 362, up1: 387, up2: 385, low1: 373, low2: 380 } as const;
const MOUTH_LEFT = 61;
const MOUTH_RIGHT = 291;
const LIP_INNER_UP = 13;
const LIP_INNER_LOW = 14;

function d(mesh: readonly Vec3[], i: number, j: number): number {
  const a = mesh[i], b = mesh[j];
  if (a === undefined || b === undefined) return 0;
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function eyeAspect(mesh: readonly Vec3[], e: { outer: number; inner: number; up1: number; up2: number; low1: number; low2: number }): number {
  const width = d(mesh, e.outer, e.inner);
  return width > 0 ? (d(mesh, e.up1, e.low1) + d(mesh, e.up2, e.low2)) / (2 * width) : 0;
}

/** Eye, mouth and scale measures from a 468-point facemesh (image-plane distances). */
export function faceMeasures(mesh: readonly Vec3[]): FaceMeasures {
  const span = d(mesh, EYE_A.outer, EYE_B.outer);
  const safe = span > 0 ? span : 1;
  return {
    ear: (eyeAspect(mesh, EYE_A) + eyeAspect(mesh, EYE_B)) / 2,
    mouthWidth: d(mesh, MOUTH_LEFT, MOUTH_RIGHT) / safe,
    mouthOpen: d(mesh, LIP_INNER_UP, LIP_INNER_LOW) / safe,
    eyeSpanPx: span,
  };
}

/**
 * Depth spread of a facemesh: the 5th–95th percentile range of z over the face width (outer
 * eye-corner span × 2.2, roughly the cheek-to-cheek width), a scale-free number. A frontal human
 * face measures about 0.2–0.3 with facemesh; a mesh that collapsed flat or exploded scores outside.
 */
export function meshDepthSpread(mesh: readonly Vec3[]): number {
  const zs = mesh.map((p) => p[2]).sort((a, b) => a - b);
  if (zs.length < 10) return 0;
  const lo = zs[Math.floor(zs.length * 0.05)] ?? 0;
  const hi = zs[Math.floor(zs.length * 0.95)] ?? 0;
  const width = 2.2 * d(mesh, EYE_A.outer, EYE_B.outer);
  return width > 0 ? (hi - lo) / width : 0;
}
