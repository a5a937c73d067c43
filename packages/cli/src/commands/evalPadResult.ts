import type { PadEvaluationReport } from '@authloop/engine';
import { downsampleRoc } from './downsampleRoc.ts';

/**
 * The file `authloop eval pad --out` writes (default `bench/results/eval-pad.json`). Rates are 0..1;
 * `det` holds at most 60 points log-spaced in APCER (1e-4…1), each the lowest BPCER reached at that
 * APCER or below. The figures are the engine's {@link PadEvaluationReport} without its samples.
 */
export interface EvalPadResult extends Omit<PadEvaluationReport, 'samples'> {
  readonly schema: 'authloop/eval-pad@1';
  readonly generatedAt: string;
  readonly durationS: number;
}

/** Builds the {@link EvalPadResult} of one `authloop eval pad` run. */
export function evalPadResult({ report, durationMs, now }: { report: PadEvaluationReport; durationMs: number; now: Date }): EvalPadResult {
  const { samples: _samples, det, ...summary } = report;
  return {
    schema: 'authloop/eval-pad@1',
    generatedAt: now.toISOString(),
    ...summary,
    durationS: Math.round(durationMs / 100) / 10,
    det: downsampleRoc(det.map((p) => ({ far: p.apcer, frr: p.bpcer }))).map((p) => ({ apcer: p.far, bpcer: 1 - p.tar })),
  };
}
