import type { FaceAnalysis } from '@authloop/engine';
import type { FaceContext } from './faceContext.ts';
import { engineOf, round } from './faceContext.ts';
import { toFaceAppError } from './engineErrors.ts';

/** What a camera preview needs to guide the person: where the face is and what is wrong with the picture. */
export interface FaceQualityCheck {
  readonly width: number;
  readonly height: number;
  readonly faceCount: number;
  /** The main face, its box in fractions of the image (0..1, origin top left), or null when none was found. */
  readonly face: { readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }; readonly confidence: number } | null;
  readonly quality: { readonly score: number; readonly acceptable: boolean; readonly reasons: readonly string[] };
}

const frac = (v: number, of: number): number => round(Math.min(1, Math.max(0, v / of)));

/** Turns an analysis into the check's answer (no template, no liveness). */
export function toQualityCheck(a: FaceAnalysis): FaceQualityCheck {
  const f = a.face;
  return {
    width: a.width,
    height: a.height,
    faceCount: a.faces.length,
    face: f === null ? null : { box: { x: frac(f.box.x, a.width), y: frac(f.box.y, a.height), width: frac(f.box.width, a.width), height: frac(f.box.height, a.height) }, confidence: round(f.confidence) },
    quality: { score: round(a.quality.score), acceptable: a.quality.acceptable, reasons: [...a.quality.reasons] },
  };
}

/**
 * Measures one camera frame with the same detector and quality gates as enrolment, so a preview can
 * show the face box and say "move closer" or "too dark" before the person sends pictures. Nothing
 * is stored, audited or kept in memory: the template the engine computes is dropped, and passive
 * PAD is skipped (it is not a guidance signal).
 */
export async function checkFaceQuality(ctx: FaceContext, image: Uint8Array): Promise<FaceQualityCheck> {
  const engine = engineOf(ctx);
  try {
    return toQualityCheck(await engine.analyze(image, { pad: false }));
  } catch (error) {
    throw toFaceAppError(error);
  }
}
