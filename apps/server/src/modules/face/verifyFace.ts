import type { FaceEngine, MatchScore } from '@authloop/engine';
import type { Queryable } from '@authloop/store';
import { AppError } from '../../errors/AppError.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { toFaceAppError } from './engineErrors.ts';
import { consumeLivenessToken } from './faceChecks.ts';
import type { FaceCallOptions, SessionLiveness } from './faceChecks.ts';
import { analyzeProbe, engineOf, probeSummary, round, searchModelKey, settingsOf } from './faceContext.ts';
import type { FaceContext, Probe } from './faceContext.ts';
import { faceRepository } from './faceRepository.ts';
import type { TemplateRow } from './faceRepository.ts';
import type { FaceSettings } from './faceSettings.ts';
import { afterFailure, checkLockout, CLEAR_LOCKOUT, lockoutLimits } from './lockoutPolicy.ts';
import type { LockoutCheck } from './lockoutPolicy.ts';
import type { FaceSample, TemplateSecrets } from './sealedTemplate.ts';
import { meanTemplate, normalize, vectorOf } from './templateMath.ts';

/** Why a verification answered as it did. */
export type VerifyReason = 'MATCH' | 'NO_MATCH' | 'LOW_QUALITY' | 'SPOOF_SUSPECTED' | 'LIVENESS_NOT_CONFIRMED';

/** The answer to a verification. A non-match is a normal result. */
export interface VerifyResult {
  readonly match: boolean;
  /** Calibrated similarity 0..1. */
  readonly score: number;
  readonly threshold: number;
  readonly quality: ReturnType<typeof probeSummary>['quality'];
  readonly liveness: ReturnType<typeof probeSummary>['liveness'];
  readonly reason: VerifyReason;
}

/** The AppError for a refused attempt: only a code and when to retry. */
export function lockoutError(check: Exclude<LockoutCheck, { allowed: true }>): AppError {
  if (check.code === 'FACE_DISABLED') return new AppError('FACE_DISABLED', 'Face verification is disabled for this subject after too many failed attempts; an operator must re-enable it.');
  return new AppError('FACE_LOCKED', `Too many failed face verifications; retry in ${check.retryAfterS} s.`, {
    details: { retryAfterS: check.retryAfterS },
    headers: { 'retry-after': String(check.retryAfterS) },
  });
}

/** Compares a probe with a stored template's mean; engine errors become API errors. */
export function compareWithTemplate(engine: FaceEngine, probe: Probe, secrets: TemplateSecrets): MatchScore {
  try {
    return engine.compare(probe.template, meanTemplate(secrets.samples.map((s) => s.template)));
  } catch (error) {
    throw toFaceAppError(error);
  }
}

/** The template row, or FACE_NOT_ENROLLED / FACE_TEMPLATE_INCOMPATIBLE. */
export function usableRow(engine: FaceEngine, row: TemplateRow | null): TemplateRow {
  if (row === null) throw new AppError('FACE_NOT_ENROLLED', 'This subject has no face enrolment.');
  if (row.searchModel !== searchModelKey(engine)) {
    throw new AppError('FACE_TEMPLATE_INCOMPATIBLE', `The template was made by ${row.searchModel}; this server runs ${searchModelKey(engine)}. Re-enrol the subject.`);
  }
  return row;
}

/**
 * The verdict. Liveness is the probe's passive PAD, or a passed liveness session when a token was
 * spent; a passive `spoof` refuses in both cases. Without a token a tenant that requires liveness
 * still needs a `live` passive PAD decision (as before tokens existed).
 */
function decide(m: MatchScore, threshold: number, probe: Probe, settings: FaceSettings, decision: 'live' | 'spoof' | 'unavailable'): { match: boolean; reason: VerifyReason } {
  if (decision === 'spoof') return { match: false, reason: 'SPOOF_SUSPECTED' };
  const matched = m.score >= threshold;
  if (settings.livenessRequired && decision !== 'live') return { match: false, reason: 'LIVENESS_NOT_CONFIRMED' };
  if (matched) return { match: true, reason: 'MATCH' };
  return { match: false, reason: probe.analysis.quality.acceptable ? 'NO_MATCH' : 'LOW_QUALITY' };
}

/** Adds the probe as an adaptive sample when the tenant allows it and the match was confident, live and of good quality. */
async function maybeAdapt(ctx: FaceContext, tx: Queryable, row: TemplateRow, secrets: TemplateSecrets, probe: Probe, m: MatchScore, threshold: number, settings: FaceSettings, decision: 'live' | 'spoof' | 'unavailable'): Promise<boolean> {
  const a = settings.adaptive;
  if (!a.enabled || m.score < threshold + a.minScoreMargin || probe.analysis.quality.score < a.minQuality || !probe.analysis.quality.acceptable) return false;
  if (a.requireLive && decision !== 'live') return false;
  const now = ctx.clock.now();
  const sample: FaceSample = { addedAt: now.toISOString(), source: 'adaptive', quality: round(probe.analysis.quality.score), template: probe.template };
  const enrolled = secrets.samples.filter((s) => s.source === 'enrol');
  const adaptive = [...secrets.samples.filter((s) => s.source === 'adaptive'), sample].slice(-a.maxSamples);
  const samples = [...enrolled, ...adaptive];
  const primary = vectorOf(meanTemplate(samples.map((s) => s.template)), engineOf(ctx).info.searchModel);
  if (primary === undefined) return false;
  const rotation = await ctx.rotations.get(row.tenantId, primary.length, tx);
  const { keyId, sealed } = await ctx.vault.seal(tx, { tenantId: row.tenantId, subjectId: row.subjectId, rowId: row.id }, { samples });
  await faceRepository(tx).updateSealed(row.tenantId, row.subjectId, { keyId, sealed, sampleCount: samples.length, updatedAt: now, searchVector: rotation.apply(normalize(primary)) });
  return true;
}

/**
 * 1:1 verification of one image against a subject's template, with lockout: a locked subject is
 * refused before any work, and the attempt is counted in the same transaction (the lockout row is
 * locked, so concurrent attempts on one subject are serialised) as its audit event. A
 * `livenessToken` is checked and spent against the probe's template after the input checks and
 * before the match (refusals answer the liveness module's codes and are audited as denied).
 */
export async function verifyFace(ctx: FaceContext, tenantId: string, subjectId: string, image: Uint8Array, actor: AuditActor, options: FaceCallOptions = {}): Promise<VerifyResult> {
  const engine = engineOf(ctx);
  await ctx.subjects.get(tenantId, subjectId);
  usableRow(engine, await faceRepository(ctx.db).get(tenantId, subjectId));
  const settings = await settingsOf(ctx.db, tenantId);
  const limits = lockoutLimits(settings.livenessRequired);
  const denied = async (check: Exclude<LockoutCheck, { allowed: true }>): Promise<never> => {
    await ctx.db.transaction((tx) => ctx.audit.record(tx, { tenantId, actor, action: 'face.verify', subjectId, outcome: 'denied', details: { code: check.code } }));
    throw lockoutError(check);
  };
  const early = checkLockout(await faceRepository(ctx.db).lockout(tenantId, subjectId), ctx.clock.now());
  if (!early.allowed) return denied(early);

  const probe = await analyzeProbe(engine, image);
  let session: SessionLiveness | undefined;
  if (options.livenessToken !== undefined) {
    try {
      session = await consumeLivenessToken(options.checks, tenantId, subjectId, options.livenessToken, probe.template);
    } catch (error) {
      if (error instanceof AppError) await ctx.db.transaction((tx) => ctx.audit.record(tx, { tenantId, actor, action: 'face.verify', subjectId, outcome: 'denied', details: { code: error.code } }));
      throw error;
    }
  }
  const summary = probeSummary(probe.analysis, session);
  const outcome = await ctx.db.transaction(async (tx) => {
    const repo = faceRepository(tx);
    const now = ctx.clock.now();
    const lock = await repo.lockoutForUpdate(tenantId, subjectId, now);
    const check = checkLockout(lock, now);
    if (!check.allowed) return { refused: check } as const;
    const row = usableRow(engine, await repo.get(tenantId, subjectId, { forUpdate: true }));
    const secrets = await ctx.vault.open(tx, row);
    const m = compareWithTemplate(engine, probe, secrets);
    const { match, reason } = decide(m, row.threshold, probe, settings, summary.liveness.decision);
    const counted = !match && reason !== 'LIVENESS_NOT_CONFIRMED';
    const next = match ? CLEAR_LOCKOUT : counted ? afterFailure(lock, now, limits) : lock;
    await repo.saveLockout(tenantId, subjectId, next, now);
    const adapted = match ? await maybeAdapt(ctx, tx, row, secrets, probe, m, row.threshold, settings, summary.liveness.decision) : false;
    await ctx.audit.record(tx, {
      tenantId, actor, action: 'face.verify', subjectId, outcome: match ? 'success' : 'failure',
      details: {
        match, reason, score: round(m.score), threshold: round(row.threshold), liveness: summary.liveness.decision, livenessSource: summary.liveness.source, livenessSessionId: session?.sessionId ?? null,
        quality: round(probe.analysis.quality.score), adapted, consecutiveFailures: next.consecutiveFailures, disabled: next.disabledAt !== null,
      },
    });
    return { result: { match, score: round(m.score), threshold: round(row.threshold), ...summary, reason } } as const;
  });
  if ('refused' in outcome) return denied(outcome.refused);
  return outcome.result;
}
