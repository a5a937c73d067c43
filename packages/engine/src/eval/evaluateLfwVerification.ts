import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaceEngine, FaceTemplate, MatchScore } from '../types.ts';
import { analyzeFiles } from './analyzeFiles.ts';
import { lfwImageRoot, parseLfwPairs, type LfwPair } from './lfwPairs.ts';
import { crossValidate, equalErrorRate, rocCurve, tarAtFar, type ScoredPair } from './verificationMetrics.ts';

/** Options of {@link evaluateLfwVerification}. */
export interface LfwVerificationOptions {
  readonly engine: FaceEngine;
  /** Folder with `pairs.txt` and the images (`NAME/NAME_NNNN.jpg`, or under `lfw-deepfunneled/`). */
  readonly lfwDir: string;
  /** Compare function; default `engine.compare`. Lets a calibration file be applied. */
  readonly compare?: (a: FaceTemplate, b: FaceTemplate) => MatchScore;
  /** Use the threshold each comparison reports (a threshold chosen elsewhere) instead of cross-validation. */
  readonly fixedThreshold?: boolean;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The LFW verification report (all rates 0..1). */
export interface LfwVerificationReport {
  readonly protocol: string;
  readonly engine: string;
  readonly pairs: number;
  readonly folds: number;
  /** Mean per-fold accuracy. */
  readonly accuracy: number;
  /** Population standard deviation of per-fold accuracy. */
  readonly accuracyStd: number;
  readonly foldAccuracies: readonly number[];
  readonly foldThresholds: readonly number[];
  readonly eer: number;
  readonly tarAtFar1e3: number;
  /** Images where no face was found (or that were refused); their pairs count as errors. */
  readonly failures: number;
  readonly failedPairs: number;
  readonly images: number;
  /** Mean analyze latency per image in ms as seen by the caller (includes queueing when concurrency > pool size). */
  readonly meanAnalyzeMs: number;
  readonly scores: readonly ScoredPair[];
  readonly det: readonly { readonly far: number; readonly frr: number }[];
}

/**
 * Runs the LFW View-2 protocol: every image is analyzed once, each pair is scored with the engine's
 * calibrated comparison, and for each fold the threshold is chosen on the other folds (or taken from
 * the comparison when `fixedThreshold`). Pairs with an image where no face was found count as errors.
 */
export async function evaluateLfwVerification({ engine, lfwDir, compare, fixedThreshold = false, concurrency = 2, onProgress }: LfwVerificationOptions): Promise<LfwVerificationReport> {
  const pairs: LfwPair[] = parseLfwPairs(await readFile(join(lfwDir, 'pairs.txt'), 'utf8'));
  const root = lfwImageRoot(lfwDir);
  const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const results = await analyzeFiles({ engine, files: files.map((f) => join(root, f)), analyze: { pad: false }, concurrency, ...(onProgress === undefined ? {} : { onProgress }) });
  const templates = new Map<string, FaceTemplate | null>();
  let failures = 0, totalMs = 0, timed = 0;
  for (const f of files) {
    const r = results.get(join(root, f));
    const t = r?.ok === true ? r.analysis.template : null;
    if (r?.ok === true) { totalMs += r.ms; timed++; }
    if (t === null) failures++;
    templates.set(f, t);
  }
  const cmp = compare ?? ((a: FaceTemplate, b: FaceTemplate) => engine.compare(a, b));
  let fixed: number | undefined;
  const scores: ScoredPair[] = pairs.map((p) => {
    const a = templates.get(p.a) ?? null, b = templates.get(p.b) ?? null;
    if (a === null || b === null) return { score: 0, same: p.same, fold: p.fold, failed: true };
    const m = cmp(a, b);
    fixed = m.threshold;
    return { score: m.score, same: p.same, fold: p.fold };
  });
  const cv = crossValidate(scores, fixedThreshold ? fixed : undefined);
  const roc = rocCurve(scores);
  return {
    protocol: fixedThreshold ? 'LFW View-2, fixed threshold from calibration' : 'LFW View-2, threshold chosen on the other folds',
    engine: engine.info.name,
    pairs: pairs.length,
    folds: new Set(pairs.map((p) => p.fold)).size,
    accuracy: cv.accuracy,
    accuracyStd: cv.accuracyStd,
    foldAccuracies: cv.foldAccuracies,
    foldThresholds: cv.foldThresholds,
    eer: equalErrorRate(scores),
    tarAtFar1e3: tarAtFar(scores, 1e-3).tar,
    failures,
    failedPairs: scores.filter((s) => s.failed === true).length,
    images: files.length,
    meanAnalyzeMs: timed > 0 ? totalMs / timed : 0,
    scores,
    det: roc.map((p) => ({ far: p.far, frr: p.frr })),
  };
}
