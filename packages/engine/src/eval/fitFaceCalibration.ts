import type { FaceCalibration } from '../match/FaceCalibration.ts';
import { fitLogistic, predictLogistic, type LogisticFit } from './fitLogistic.ts';
import { thresholdForBpcer, type PadSample } from './evaluatePad.ts';
import { accuracyAt, bestThreshold, type ScoredPair } from './verificationMetrics.ts';

/** A pair with one raw cosine per recogniser (same order as `recognisers`). */
export interface FeaturePair {
  readonly fold: number;
  readonly same: boolean;
  /** Null when an image had no face. */
  readonly cosines: readonly number[] | null;
}

/** Options of {@link fitFaceCalibration}. */
export interface FitFaceCalibrationOptions {
  readonly version: string;
  readonly engine: string;
  readonly recognisers: readonly { readonly model: string; readonly version: string }[];
  readonly pairs: readonly FeaturePair[];
  readonly pad: { readonly samples: readonly PadSample[]; readonly targetBpcer: number; readonly fittedOn: string } | null;
  readonly dataset: string;
  readonly command: string;
}

/** The fitted calibration plus the cross-validated accuracy of the fitting procedure itself. */
export interface FittedCalibration {
  readonly calibration: FaceCalibration;
  /** Per held-out fold: logistic model and threshold fitted on the other folds, accuracy on this fold. */
  readonly crossValidated: { readonly accuracy: number; readonly foldAccuracies: readonly number[] };
}

function fitOn(pairs: readonly FeaturePair[]): { fit: LogisticFit; threshold: number } {
  const usable = pairs.filter((p): p is FeaturePair & { cosines: readonly number[] } => p.cosines !== null);
  const fit = fitLogistic(usable.map((p) => p.cosines), usable.map((p) => p.same));
  const scored: ScoredPair[] = usable.map((p) => ({ score: predictLogistic(fit, p.cosines), same: p.same, fold: p.fold }));
  return { fit, threshold: bestThreshold(scored) };
}

const toScored = (pairs: readonly FeaturePair[], fit: LogisticFit): ScoredPair[] =>
  pairs.map((p) => (p.cosines === null ? { score: 0, same: p.same, fold: p.fold, failed: true } : { score: predictLogistic(fit, p.cosines), same: p.same, fold: p.fold }));

/**
 * Fits the face calibration: a logistic regression from the recognisers' raw cosines to P(same
 * person), with the accuracy-maximising threshold on that probability, both on all `pairs`; and the
 * PAD threshold giving BPCER ≤ `targetBpcer` on `pad.samples`. Also reports the same procedure
 * cross-validated by fold (fit and threshold on the other folds), which is the honest figure.
 */
export function fitFaceCalibration({ version, engine, recognisers, pairs, pad, dataset, command }: FitFaceCalibrationOptions): FittedCalibration {
  const folds = [...new Set(pairs.map((p) => p.fold))].sort((a, b) => a - b);
  const foldAccuracies = folds.map((f) => {
    const { fit, threshold } = fitOn(pairs.filter((p) => p.fold !== f));
    return accuracyAt(toScored(pairs.filter((p) => p.fold === f), fit), threshold);
  });
  const { fit, threshold } = fitOn(pairs);
  const calibration: FaceCalibration = {
    schema: 'authloop/face-calibration@1',
    version,
    engine,
    fittedOn: { dataset, pairs: pairs.length, method: 'L2-regularised logistic regression on z-scored raw cosines; threshold maximising accuracy on the fused probability', command },
    models: [{
      name: recognisers.map((r) => r.model).join('+'),
      recognisers: recognisers.map((r, i) => ({ model: r.model, version: r.version, mean: fit.mean[i] ?? 0, std: fit.std[i] ?? 1, weight: fit.weights[i] ?? 0 })),
      intercept: fit.intercept,
      threshold,
    }],
    pad: pad === null ? null : { threshold: thresholdForBpcer(pad.samples, pad.targetBpcer), targetBpcer: pad.targetBpcer, fittedOn: pad.fittedOn },
  };
  return { calibration, crossValidated: { accuracy: foldAccuracies.reduce((a, b) => a + b, 0) / Math.max(1, foldAccuracies.length), foldAccuracies } };
}
