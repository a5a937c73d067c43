import type { FaceCalibration, FusionFeature, FusionModel } from '../match/FaceCalibration.ts';
import { fusionFeature } from '../match/fusionFeature.ts';
import type { FaceTemplate, TemplateVector } from '../types.ts';
import { fitLogistic, predictLogistic } from './fitLogistic.ts';
import { thresholdForBpcer, type PadSample } from './evaluatePad.ts';
import { accuracyAt, bestThreshold, type ScoredPair } from './verificationMetrics.ts';

/** A labelled pair of templates (null when an image had no face). */
export interface TemplatePair {
  readonly fold: number;
  readonly same: boolean;
  readonly a: FaceTemplate | null;
  readonly b: FaceTemplate | null;
}

/** One fusion model to fit: which recogniser vectors it needs and which features it uses. */
export interface FusionSpec {
  readonly name: string;
  readonly recognisers: readonly { readonly model: string; readonly version: string }[];
  readonly features: readonly { readonly model: string; readonly feature: FusionFeature }[];
}

/** Options of {@link fitFaceCalibration}. */
export interface FitFaceCalibrationOptions {
  readonly version: string;
  readonly engine: string;
  /** Most demanding first, as compare tries them in order. */
  readonly specs: readonly FusionSpec[];
  readonly pairs: readonly TemplatePair[];
  readonly pad: { readonly samples: readonly PadSample[]; readonly targetBpcer: number; readonly fittedOn: string } | null;
  readonly dataset: string;
  readonly command: string;
}

/** The fitted calibration plus the cross-validated accuracy of each model's fitting procedure. */
export interface FittedCalibration {
  readonly calibration: FaceCalibration;
  /** Per model name: mean held-out accuracy when the logistic fit and threshold are chosen on the other folds. */
  readonly crossValidated: Readonly<Record<string, { readonly accuracy: number; readonly foldAccuracies: readonly number[]; readonly scores: readonly ScoredPair[] }>>;
}

/** Feature vector of a pair for a spec, or null when a template or a needed value is missing. */
export function specFeatures(spec: FusionSpec, a: FaceTemplate | null, b: FaceTemplate | null): number[] | null {
  if (a === null || b === null) return null;
  const find = (t: FaceTemplate, model: string): TemplateVector | undefined => {
    const r = spec.recognisers.find((x) => x.model === model);
    return r === undefined ? undefined : t.vectors.find((v) => v.model === r.model && v.version === r.version);
  };
  const out: number[] = [];
  for (const f of spec.features) {
    const va = find(a, f.model), vb = find(b, f.model);
    if (va === undefined || vb === undefined) return null;
    const v = fusionFeature(f.feature, va, vb);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

interface Row { readonly fold: number; readonly same: boolean; readonly x: number[] | null }

function fitRows(rows: readonly Row[]): { model: ReturnType<typeof fitLogistic>; threshold: number } {
  const usable = rows.filter((r): r is Row & { x: number[] } => r.x !== null);
  const model = fitLogistic(usable.map((r) => r.x), usable.map((r) => r.same));
  const threshold = bestThreshold(usable.map((r) => ({ score: predictLogistic(model, r.x), same: r.same, fold: r.fold })));
  return { model, threshold };
}

const score = (rows: readonly Row[], model: ReturnType<typeof fitLogistic>): ScoredPair[] =>
  rows.map((r) => (r.x === null ? { score: 0, same: r.same, fold: r.fold, failed: true } : { score: predictLogistic(model, r.x), same: r.same, fold: r.fold }));

/**
 * Fits the face calibration: for each spec a logistic regression from pair features (cosines,
 * embedding magnitudes) to P(same person) with the accuracy-maximising threshold on that probability,
 * fitted on all `pairs` (this is what ships); and the PAD threshold giving BPCER ≤ `targetBpcer` on
 * `pad.samples`. It also runs the same procedure cross-validated by fold — logistic fit and threshold
 * on the other folds, accuracy on the held-out fold — which is the honest accuracy figure.
 */
export function fitFaceCalibration({ version, engine, specs, pairs, pad, dataset, command }: FitFaceCalibrationOptions): FittedCalibration {
  const folds = [...new Set(pairs.map((p) => p.fold))].sort((a, b) => a - b);
  const crossValidated: Record<string, { accuracy: number; foldAccuracies: number[]; scores: ScoredPair[] }> = {};
  const models: FusionModel[] = specs.map((spec) => {
    const rows: Row[] = pairs.map((p) => ({ fold: p.fold, same: p.same, x: specFeatures(spec, p.a, p.b) }));
    const held: ScoredPair[] = [];
    const foldAccuracies = folds.map((f) => {
      const { model, threshold } = fitRows(rows.filter((r) => r.fold !== f));
      const test = score(rows.filter((r) => r.fold === f), model);
      held.push(...test);
      return accuracyAt(test, threshold);
    });
    crossValidated[spec.name] = { accuracy: foldAccuracies.reduce((a, b) => a + b, 0) / Math.max(1, foldAccuracies.length), foldAccuracies, scores: held };
    const { model, threshold } = fitRows(rows);
    return {
      name: spec.name,
      recognisers: spec.recognisers.map((r) => ({ model: r.model, version: r.version })),
      terms: spec.features.map((f, i) => ({ model: f.model, feature: f.feature, mean: model.mean[i] ?? 0, std: model.std[i] ?? 1, weight: model.weights[i] ?? 0 })),
      intercept: model.intercept,
      threshold,
    };
  });
  const calibration: FaceCalibration = {
    schema: 'authloop/face-calibration@2',
    version,
    engine,
    fittedOn: {
      dataset,
      pairs: pairs.length,
      method: 'L2-regularised logistic regression (Newton) on z-scored pair features, fitted on all pairs; threshold maximising accuracy on the fused probability',
      command,
      crossValidatedAccuracy: Object.fromEntries(Object.entries(crossValidated).map(([k, v]) => [k, v.accuracy])),
    },
    models,
    pad: pad === null ? null : { threshold: thresholdForBpcer(pad.samples, pad.targetBpcer), targetBpcer: pad.targetBpcer, fittedOn: pad.fittedOn },
  };
  return { calibration, crossValidated };
}
