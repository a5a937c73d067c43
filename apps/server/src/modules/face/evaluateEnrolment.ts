import { createHash } from 'node:crypto';
import type { FaceAnalysis, FaceEngine, FaceTemplate } from '@authloop/engine';
import { vectorOf } from './templateMath.ts';

/** What happened to one enrolment image. */
export interface ImageResult {
  readonly index: number;
  readonly accepted: boolean;
  /** Why it was refused (or, for an accepted image, advisory quality notes): engine quality reasons, image error codes, NO_TEMPLATE, LOW_QUALITY, SPOOF_SUSPECTED, DUPLICATE_IMAGE, INCONSISTENT_IDENTITY. */
  readonly reasons: readonly string[];
  readonly quality: number | null;
}

/** An image's analysis, or the API code of the engine error it raised. */
export type ImageAnalysis = { readonly ok: true; readonly analysis: FaceAnalysis } | { readonly ok: false; readonly code: string };

/** The outcome of evaluating enrolment images: per-image results and the accepted samples. */
export interface EnrolmentEvaluation {
  readonly images: readonly ImageResult[];
  readonly accepted: readonly { readonly index: number; readonly template: FaceTemplate; readonly quality: number }[];
  /** Calibrated scores of every pair of accepted samples. */
  readonly pairScores: readonly number[];
}

/**
 * Applies the enrolment gates to each image: decodable, exactly one face with the engine's quality
 * bar met, not a suspected spoof, not a byte-identical duplicate. Then the accepted samples must show
 * one person: a sample that matches fewer than half of the others is refused as INCONSISTENT_IDENTITY.
 */
export function evaluateEnrolment(engine: FaceEngine, images: readonly Uint8Array[], analyses: readonly ImageAnalysis[]): EnrolmentEvaluation {
  const seen = new Set<string>();
  const results: { index: number; reasons: string[]; quality: number | null; template: FaceTemplate | null }[] = analyses.map((a, index) => {
    const hash = createHash('sha256').update(images[index] ?? new Uint8Array()).digest('hex');
    const duplicate = seen.has(hash);
    seen.add(hash);
    if (!a.ok) return { index, reasons: [a.code], quality: null, template: null };
    const q = a.analysis.quality;
    const reasons: string[] = [...q.reasons];
    const add = (r: string): void => {
      if (!reasons.includes(r)) reasons.push(r);
    };
    const t = a.analysis.template;
    const hasVector = t !== null && vectorOf(t, engine.info.searchModel) !== undefined;
    if (a.analysis.face === null) add('NO_FACE');
    else if (!hasVector) add('NO_TEMPLATE');
    if (!q.acceptable && reasons.length === 0) add('LOW_QUALITY');
    if (a.analysis.liveness.decision === 'spoof') add('SPOOF_SUSPECTED');
    if (duplicate) add('DUPLICATE_IMAGE');
    const usable = q.acceptable && hasVector && a.analysis.liveness.decision !== 'spoof' && !duplicate;
    return { index, reasons, quality: a.analysis.quality.score, template: usable ? t : null };
  });

  const candidates = results.filter((r): r is typeof r & { template: FaceTemplate } => r.template !== null);
  const score = new Map<string, number>();
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i], b = candidates[j];
      if (a !== undefined && b !== undefined) score.set(`${i}/${j}`, engine.compare(a.template, b.template).score);
    }
  }
  const pair = (i: number, j: number): number => score.get(i < j ? `${i}/${j}` : `${j}/${i}`) ?? 0;
  const threshold = candidates.length > 1 && candidates[0] !== undefined && candidates[1] !== undefined ? engine.compare(candidates[0].template, candidates[1].template).threshold : 0;
  const consistent = candidates.map((_, i) => {
    if (candidates.length === 1) return true;
    let matches = 0;
    for (let j = 0; j < candidates.length; j++) if (j !== i && pair(i, j) >= threshold) matches++;
    return matches >= Math.ceil((candidates.length - 1) / 2);
  });
  candidates.forEach((c, i) => {
    if (!consistent[i]) c.reasons.push('INCONSISTENT_IDENTITY');
  });
  const keptIdx = candidates.map((_, i) => i).filter((i) => consistent[i]);
  const pairScores: number[] = [];
  for (let x = 0; x < keptIdx.length; x++) for (let y = x + 1; y < keptIdx.length; y++) pairScores.push(pair(keptIdx[x] ?? 0, keptIdx[y] ?? 0));
  const accepted = keptIdx.flatMap((i) => {
    const c = candidates[i];
    return c === undefined ? [] : [{ index: c.index, template: c.template, quality: c.quality ?? 0 }];
  });
  const acceptedSet = new Set(accepted.map((a) => a.index));
  return {
    images: results.map((r) => ({ index: r.index, accepted: acceptedSet.has(r.index), reasons: r.reasons, quality: r.quality })),
    accepted,
    pairScores,
  };
}
