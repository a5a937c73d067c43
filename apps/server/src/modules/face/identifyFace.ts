import { AppError } from '../../errors/AppError.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { analyzeProbe, engineOf, engineThreshold, probeSummary, round, searchModelKey, settingsOf } from './faceContext.ts';
import type { FaceContext } from './faceContext.ts';
import { faceRepository, INDEXED_DIMS, prepareSearch } from './faceRepository.ts';
import { normalize } from './templateMath.ts';
import { compareWithTemplate } from './verifyFace.ts';

/** One identification candidate. */
export interface Candidate {
  readonly subjectId: string;
  readonly externalId: string;
  /** Calibrated similarity 0..1 (the same scale as verification). */
  readonly score: number;
}

/** The answer to an identification. */
export interface IdentifyResult {
  readonly candidates: readonly Candidate[];
  /** Templates of this tenant and model the search ran over. */
  readonly searched: number;
  readonly threshold: number;
  readonly quality: ReturnType<typeof probeSummary>['quality'];
  readonly liveness: ReturnType<typeof probeSummary>['liveness'];
  readonly reason: 'CANDIDATES_FOUND' | 'NO_CANDIDATE' | 'SPOOF_SUSPECTED' | 'LIVENESS_NOT_CONFIRMED';
}

const isIndexed = (d: number): d is (typeof INDEXED_DIMS)[number] => (INDEXED_DIMS as readonly number[]).includes(d);

/**
 * 1:N identification. The probe's searchable vector is rotated with the tenant's secret matrix and
 * the nearest templates are found by pgvector's HNSW cosine index inside the database (a shortlist
 * of 3·topK); the shortlist is re-scored with the engine's calibrated comparison against each
 * decrypted template and filtered by the identification threshold. Subjects whose face factor is
 * disabled are left out.
 */
export async function identifyFace(ctx: FaceContext, tenantId: string, image: Uint8Array, topK: number, actor: AuditActor): Promise<IdentifyResult> {
  const engine = engineOf(ctx);
  const dims = engine.info.searchModel.dimensions;
  if (!isIndexed(dims)) throw new AppError('FACE_ENGINE_UNAVAILABLE', `The engine's ${dims}-dimensional search vectors have no index.`);
  const settings = await settingsOf(ctx.db, tenantId);
  const probe = await analyzeProbe(engine, image);
  const summary = probeSummary(probe.analysis);
  const decision = probe.analysis.liveness.decision;
  const refusal = decision === 'spoof' ? 'SPOOF_SUSPECTED' : settings.livenessRequired && decision !== 'live' ? 'LIVENESS_NOT_CONFIRMED' : null;

  return ctx.db.transaction(async (tx) => {
    const repo = faceRepository(tx);
    const model = searchModelKey(engine);
    const searched = await repo.count(tenantId, model);
    const threshold = settings.identifyThreshold ?? engineThreshold(engine, probe.template);
    const candidates: Candidate[] = [];
    if (refusal === null && searched > 0) {
      await prepareSearch(tx, topK * 3);
      const rotation = await ctx.rotations.get(tenantId, dims, tx);
      const hits = await repo.search(tenantId, { searchModel: model, dims, vector: rotation.apply(normalize(probe.searchVector)), limit: topK * 3 });
      for (const hit of hits) {
        const row = await repo.get(tenantId, hit.subjectId);
        if (row === null) continue;
        const lock = await repo.lockout(tenantId, hit.subjectId);
        if (lock?.disabledAt != null) continue;
        const m = compareWithTemplate(engine, probe, await ctx.vault.open(tx, row));
        // Without a tenant threshold each candidate is judged by the threshold of the calibration model
        // its comparison used (templates sealed before magnitudes were stored fall back to cosine alone).
        if (m.score >= (settings.identifyThreshold ?? m.threshold)) candidates.push({ subjectId: hit.subjectId, externalId: hit.externalId, score: round(m.score) });
      }
      candidates.sort((a, b) => b.score - a.score);
      candidates.splice(topK);
    }
    const reason = refusal ?? (candidates.length > 0 ? 'CANDIDATES_FOUND' : 'NO_CANDIDATE');
    await ctx.audit.record(tx, {
      tenantId, actor, action: 'face.identify', subjectId: null, outcome: candidates.length > 0 ? 'success' : 'failure',
      details: { reason, candidates: candidates.length, searched, topScore: candidates[0]?.score ?? null, liveness: decision },
    });
    return { candidates, searched, threshold: round(threshold), ...summary, reason };
  });
}
