import type { Point } from '../types.ts';

/** A facemesh point as Human returns it: `[x, y, z]` in input pixels. */
export type MeshPoint = readonly (number | undefined)[];

// MediaPipe facemesh indices (468-point topology).
const EYE_A_OUTER = 33;
const EYE_A_INNER = 133;
const EYE_A_UPPER = 159;
const EYE_A_LOWER = 145;
const EYE_B_INNER = 362;
const EYE_B_OUTER = 263;
const EYE_B_UPPER = 386;
const EYE_B_LOWER = 374;
const NOSE_TIP = 1;
const MOUTH_A = 61;
const MOUTH_B = 291;

function at(mesh: readonly MeshPoint[], i: number): Point | null {
  const p = mesh[i];
  const x = p?.[0];
  const y = p?.[1];
  return x === undefined || y === undefined ? null : { x, y };
}

function mid(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * Five landmarks from a 468-point facemesh in the contract's order: the eye on the image's left,
 * the eye on the image's right, nose tip, mouth corner on the image's left, on the image's right
 * (the same order as YuNet and the ArcFace alignment template). Empty when the mesh is incomplete.
 */
export function fiveLandmarks(mesh: readonly MeshPoint[]): Point[] {
  const pts = [EYE_A_OUTER, EYE_A_INNER, EYE_B_INNER, EYE_B_OUTER, NOSE_TIP, MOUTH_A, MOUTH_B].map((i) => at(mesh, i));
  const [aOuter, aInner, bInner, bOuter, nose, mouthA, mouthB] = pts;
  if (!aOuter || !aInner || !bInner || !bOuter || !nose || !mouthA || !mouthB) return [];
  const eyes = [mid(aOuter, aInner), mid(bInner, bOuter)].sort((p, q) => p.x - q.x);
  const mouth = [mouthA, mouthB].sort((p, q) => p.x - q.x);
  return [...eyes, nose, ...mouth];
}

/**
 * Eye opening: lid gap divided by eye width, for the less open eye (about 0.25–0.35 open,
 * under 0.1 closed). Null when the mesh is incomplete.
 */
export function eyeOpening(mesh: readonly MeshPoint[]): number | null {
  const ratio = (outer: number, inner: number, upper: number, lower: number): number | null => {
    const [o, i, u, l] = [at(mesh, outer), at(mesh, inner), at(mesh, upper), at(mesh, lower)];
    if (!o || !i || !u || !l) return null;
    const width = dist(o, i);
    return width > 0 ? dist(u, l) / width : null;
  };
  const a = ratio(EYE_A_OUTER, EYE_A_INNER, EYE_A_UPPER, EYE_A_LOWER);
  const b = ratio(EYE_B_OUTER, EYE_B_INNER, EYE_B_UPPER, EYE_B_LOWER);
  if (a === null || b === null) return null;
  return Math.min(a, b);
}
