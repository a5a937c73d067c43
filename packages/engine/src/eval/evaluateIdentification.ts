import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaceEngine, FaceTemplate } from '../types.ts';
import { analyzeFiles } from './analyzeFiles.ts';
import { lfwImageRoot } from './lfwPairs.ts';

/** Options of {@link evaluateIdentification}. */
export interface IdentificationOptions {
  readonly engine: FaceEngine;
  /** LFW-style folder: `NAME/NAME_NNNN.jpg` (or under `lfw-deepfunneled/`). */
  readonly lfwDir: string;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Open-set identification report; rates 0..1. */
export interface IdentificationReport {
  readonly engine: string;
  /** Enrolled identities (those with ≥ 2 images): one gallery image each (the first by name). */
  readonly gallery: number;
  /** Searches by the other images of enrolled identities. */
  readonly matedSearches: number;
  /** Searches by images of identities with one image (distractors, not enrolled). */
  readonly nonMatedSearches: number;
  /** Images where no face was found: a gallery image drops its identity; a mated probe counts as a miss; a non-mated probe is skipped. */
  readonly failures: number;
  /** Fraction of mated searches whose best gallery match is the right identity. */
  readonly rank1: number;
  /** FNIR at the threshold where FPIR ≤ 1 % (non-mated searches returning any candidate). */
  readonly fnirAtFpir1e2: number;
  readonly threshold: number;
}

/**
 * Open-set 1:N identification on LFW: gallery of one image per identity with at least two images,
 * the other images of those identities as mated searches, images of single-image identities as
 * non-mated searches (distractors). Scores are the engine's calibrated comparison; the search is
 * exhaustive (as pgvector's exact search would be).
 */
export async function evaluateIdentification({ engine, lfwDir, concurrency = 2, onProgress }: IdentificationOptions): Promise<IdentificationReport> {
  const root = lfwImageRoot(lfwDir);
  const ids = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const byId = new Map<string, string[]>();
  for (const id of ids) {
    const files = (await readdir(join(root, id))).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
    if (files.length > 0) byId.set(id, files.map((f) => join(root, id, f)));
  }
  const all = [...byId.values()].flat();
  const results = await analyzeFiles({ engine, files: all, analyze: { pad: false }, concurrency, ...(onProgress === undefined ? {} : { onProgress }) });
  const tpl = (f: string): FaceTemplate | null => { const r = results.get(f); return r?.ok === true ? r.analysis.template : null; };
  const failures = all.filter((f) => tpl(f) === null).length;
  const gallery: { id: string; t: FaceTemplate }[] = [];
  const mated: { id: string; t: FaceTemplate | null }[] = [];
  const nonMated: FaceTemplate[] = [];
  for (const [id, files] of byId) {
    if (files.length >= 2) {
      const [g, ...rest] = files;
      const gt = g === undefined ? null : tpl(g);
      if (gt !== null) gallery.push({ id, t: gt });
      for (const f of rest) mated.push({ id, t: tpl(f) });
    } else {
      const t = files[0] === undefined ? null : tpl(files[0]);
      if (t !== null) nonMated.push(t);
    }
  }
  const search = (probe: FaceTemplate): { id: string; score: number } => {
    let best = { id: '', score: -Infinity };
    for (const g of gallery) {
      const s = engine.compare(probe, g.t).score;
      if (s > best.score) best = { id: g.id, score: s };
    }
    return best;
  };
  const nonMatedTop = nonMated.map((t) => search(t).score).sort((a, b) => b - a);
  // FPIR ≤ 1 %: at most floor(1 % of searches) may return a candidate (score ≥ threshold).
  const allowed = Math.floor(0.01 * nonMatedTop.length);
  const threshold = (nonMatedTop[allowed] ?? -Infinity) + 1e-12;
  let hits = 0, idHits = 0;
  for (const m of mated) {
    if (m.t === null) continue;
    const top = search(m.t);
    if (top.id === m.id) {
      hits++;
      if (top.score >= threshold) idHits++;
    }
  }
  return {
    engine: engine.info.name,
    gallery: gallery.length,
    matedSearches: mated.length,
    nonMatedSearches: nonMated.length,
    failures,
    rank1: hits / Math.max(1, mated.length),
    fnirAtFpir1e2: 1 - idHits / Math.max(1, mated.length),
    threshold,
  };
}
