import type { EngineInfo, LfwVerificationReport } from '@authloop/engine';
import { downsampleRoc, type RocCurvePoint } from './downsampleRoc.ts';

/**
 * The file `authloop eval face --out` writes (default `bench/results/eval-face.json`), read by the
 * admin dashboard. Rates are 0..1; `roc` holds at most 60 operating points log-spaced in FAR (1e-4…1),
 * TAR = 1 − FRR, pooled over all pairs.
 */
export interface EvalFaceResult {
  readonly schema: 'authloop/eval-face@1';
  readonly generatedAt: string;
  readonly engine: string;
  readonly models: readonly { readonly id: string; readonly version: string; readonly role: string }[];
  readonly protocol: string;
  readonly calibration: string | null;
  readonly pairs: number;
  readonly folds: number;
  readonly images: number;
  readonly failedPairs: number;
  readonly accuracy: number;
  readonly accuracyStd: number;
  readonly eer: number;
  readonly tarAtFar1e3: number;
  /** Wall-clock seconds of the run (image analysis and scoring). */
  readonly durationS: number;
  readonly roc: readonly RocCurvePoint[];
}

/** Builds the {@link EvalFaceResult} of one `authloop eval face` run. */
export function evalFaceResult({ report, info, calibration, durationMs, now }: {
  report: LfwVerificationReport; info: EngineInfo; calibration: string | null; durationMs: number; now: Date;
}): EvalFaceResult {
  return {
    schema: 'authloop/eval-face@1',
    generatedAt: now.toISOString(),
    engine: report.engine,
    models: info.models.map((m) => ({ id: m.id, version: m.version, role: m.role })),
    protocol: report.protocol,
    calibration,
    pairs: report.pairs,
    folds: report.folds,
    images: report.images,
    failedPairs: report.failedPairs,
    accuracy: report.accuracy,
    accuracyStd: report.accuracyStd,
    eer: report.eer,
    tarAtFar1e3: report.tarAtFar1e3,
    durationS: Math.round(durationMs / 100) / 10,
    roc: downsampleRoc(report.det),
  };
}
