import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaceEngine } from '../types.ts';
import { analyzeFiles } from './analyzeFiles.ts';

/** Options of {@link evaluatePad}. */
export interface PadEvaluationOptions {
  readonly engine: FaceEngine;
  /** Folder laid out like NUAA: `ClientRaw/`, `ImposterRaw/`, `labels.csv` (`path,label,subject,…`; label `real` or an attack type). */
  readonly nuaaDir: string;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One scored presentation. `score` is the live score 0..1, or null when no face was found (rejected). */
export interface PadSample {
  readonly path: string;
  readonly subject: string;
  readonly bonaFide: boolean;
  readonly score: number | null;
}

/** ISO/IEC 30107-3 style PAD report; all rates 0..1. */
export interface PadEvaluationReport {
  readonly engine: string;
  readonly images: number;
  readonly bonaFide: number;
  readonly attacks: number;
  /** Images where no face was found: a bona fide one counts as a rejection, an attack as detected. */
  readonly noFace: number;
  /** APCER at the lowest threshold whose BPCER ≤ 5 % (and ≤ 1 %). */
  readonly apcerAtBpcer5: number;
  readonly apcerAtBpcer1: number;
  /** BPCER at the lowest threshold whose APCER ≤ 1 %. */
  readonly bpcerAtApcer1: number;
  /** At the engine's own threshold: APCER, BPCER and ACER = their mean. Null when the engine has no PAD. */
  readonly threshold: number | null;
  readonly apcer: number | null;
  readonly bpcer: number | null;
  readonly acer: number | null;
  /** Leave-one-subject-out: for each subject the threshold for BPCER ≤ 5 % is chosen on the other subjects; pooled APCER/BPCER of the held-out decisions. */
  readonly leaveOneSubjectOut: { readonly apcer: number; readonly bpcer: number; readonly acer: number } | null;
  readonly samples: readonly PadSample[];
  readonly det: readonly { readonly apcer: number; readonly bpcer: number }[];
}

/** Parses labels.csv (header with `path` and `label`, optionally `subject`). */
export function parsePadLabels(text: string): { path: string; bonaFide: boolean; subject: string }[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  const ip = header.indexOf('path'), il = header.indexOf('label'), is = header.indexOf('subject');
  if (ip < 0 || il < 0) throw new Error('labels.csv needs "path" and "label" columns');
  return lines.slice(1).map((line) => {
    const f = line.split(',');
    return { path: f[ip] ?? '', bonaFide: f[il] === 'real', subject: is >= 0 ? (f[is] ?? '') : '' };
  });
}

const liveAt = (s: PadSample, t: number): boolean => s.score !== null && s.score >= t;

function rates(samples: readonly PadSample[], t: number): { apcer: number; bpcer: number } {
  const bf = samples.filter((s) => s.bonaFide), at = samples.filter((s) => !s.bonaFide);
  return {
    bpcer: bf.filter((s) => !liveAt(s, t)).length / Math.max(1, bf.length),
    apcer: at.filter((s) => liveAt(s, t)).length / Math.max(1, at.length),
  };
}

/** Candidate thresholds: every distinct score plus one above the maximum. */
function thresholds(samples: readonly PadSample[]): number[] {
  const s = [...new Set(samples.map((x) => x.score).filter((v): v is number => v !== null))].sort((a, b) => a - b);
  return [...s, (s.at(-1) ?? 1) + 1e-9];
}

/** The highest threshold (fewest attacks accepted) whose BPCER ≤ target. */
export function thresholdForBpcer(samples: readonly PadSample[], target: number): number {
  let best = 0;
  for (const t of thresholds(samples)) if (rates(samples, t).bpcer <= target) best = t;
  return best;
}

/** APCER of the highest threshold whose BPCER ≤ target. */
function apcerAtBpcer(samples: readonly PadSample[], target: number): number {
  return rates(samples, thresholdForBpcer(samples, target)).apcer;
}

/** BPCER of the lowest threshold whose APCER ≤ target. */
function bpcerAtApcer(samples: readonly PadSample[], target: number): number {
  for (const t of thresholds(samples)) {
    const r = rates(samples, t);
    if (r.apcer <= target) return r.bpcer;
  }
  return 1;
}

/**
 * Scores every image of a NUAA-style set with the engine's passive PAD and reports APCER at BPCER
 * 5 % / 1 %, BPCER at APCER 1 %, the engine's own-threshold APCER/BPCER/ACER, and a
 * leave-one-subject-out estimate of the threshold rule.
 */
export async function evaluatePad({ engine, nuaaDir, concurrency = 2, onProgress }: PadEvaluationOptions): Promise<PadEvaluationReport> {
  const labels = parsePadLabels(await readFile(join(nuaaDir, 'labels.csv'), 'utf8'));
  const results = await analyzeFiles({ engine, files: labels.map((l) => join(nuaaDir, l.path)), analyze: { pad: true }, concurrency, ...(onProgress === undefined ? {} : { onProgress }) });
  let threshold: number | null = null;
  let noFace = 0;
  const samples: PadSample[] = labels.map((l) => {
    const r = results.get(join(nuaaDir, l.path));
    const live = r?.ok === true ? r.analysis.liveness : null;
    if (r?.ok !== true || r.analysis.face === null) noFace++;
    if (live?.threshold !== null && live?.threshold !== undefined) threshold = live.threshold;
    return { path: l.path, subject: l.subject, bonaFide: l.bonaFide, score: live?.score ?? null };
  });
  const hasPad = samples.some((s) => s.score !== null);
  const own = threshold !== null && hasPad ? rates(samples, threshold) : null;
  let loso: PadEvaluationReport['leaveOneSubjectOut'] = null;
  const subjects = [...new Set(samples.map((s) => s.subject))];
  if (hasPad && subjects.length > 1) {
    let fa = 0, fr = 0;
    for (const subj of subjects) {
      const t = thresholdForBpcer(samples.filter((s) => s.subject !== subj), 0.05);
      for (const s of samples.filter((x) => x.subject === subj)) {
        if (s.bonaFide && !liveAt(s, t)) fr++;
        if (!s.bonaFide && liveAt(s, t)) fa++;
      }
    }
    const nb = samples.filter((s) => s.bonaFide).length, na = samples.length - nb;
    const apcer = fa / Math.max(1, na), bpcer = fr / Math.max(1, nb);
    loso = { apcer, bpcer, acer: (apcer + bpcer) / 2 };
  }
  return {
    engine: engine.info.name,
    images: samples.length,
    bonaFide: samples.filter((s) => s.bonaFide).length,
    attacks: samples.filter((s) => !s.bonaFide).length,
    noFace,
    apcerAtBpcer5: hasPad ? apcerAtBpcer(samples, 0.05) : 1,
    apcerAtBpcer1: hasPad ? apcerAtBpcer(samples, 0.01) : 1,
    bpcerAtApcer1: hasPad ? bpcerAtApcer(samples, 0.01) : 1,
    threshold: hasPad ? threshold : null,
    apcer: own?.apcer ?? null,
    bpcer: own?.bpcer ?? null,
    acer: own === null ? null : (own.apcer + own.bpcer) / 2,
    leaveOneSubjectOut: loso,
    samples,
    det: hasPad ? thresholds(samples).map((t) => rates(samples, t)) : [],
  };
}
