import { randomUUID } from 'node:crypto';
import { EngineError } from '@authloop/engine';
import { AppError } from '../../errors/AppError.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { apiCodeOf, toFaceAppError } from './engineErrors.ts';
import { evaluateEnrolment } from './evaluateEnrolment.ts';
import { consumeLivenessToken, requireFaceConsent } from './faceChecks.ts';
import type { FaceCallOptions, SessionLiveness } from './faceChecks.ts';
import type { ImageAnalysis, ImageResult } from './evaluateEnrolment.ts';
import { engineOf, engineThreshold, round, searchModelKey, settingsOf } from './faceContext.ts';
import type { FaceContext } from './faceContext.ts';
import { faceRepository } from './faceRepository.ts';
import type { FaceSample } from './sealedTemplate.ts';
import { subjectThreshold } from './subjectThreshold.ts';
import { meanTemplate, normalize, vectorOf } from './templateMath.ts';

/** Engine errors that concern one image (a per-image refusal), not the request. */
const IMAGE_ERRORS = new Set(['IMAGE_UNREADABLE', 'IMAGE_TOO_LARGE', 'IMAGE_TOO_SMALL', 'IMAGE_ANIMATED', 'UNSUPPORTED_FORMAT']);

/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The answer to a successful enrolment. */
export interface EnrolmentResult {
  readonly subjectId: string;
  readonly enrolledAt: Date;
  readonly sampleCount: number;
  readonly replaced: boolean;
  readonly images: readonly ImageResult[];
  /** Present when a liveness token was spent for this enrolment. */
  readonly liveness?: { readonly decision: 'live'; readonly source: 'session'; readonly sessionId: string };
}

/**
 * Enrols (or re-enrols) a subject's face from 1–10 images. Each image is analysed and gated; if
 * fewer than the tenant's minimum pass, FACE_ENROLMENT_REJECTED lists the per-image reasons and
 * nothing changes. Otherwise the new template replaces any previous one in one transaction with its
 * audit event: the rotated mean vector for search and the sealed samples. A `livenessToken` is
 * checked and spent against the mean of the accepted samples before anything is stored (its
 * refusals answer the liveness module's codes and are audited); without one, enrolment needs no
 * liveness beyond refusing images whose passive PAD says `spoof`, even when the tenant requires
 * liveness for verification. Consent comes first: when the tenant's policy lists `face` in
 * `privacy.consentRequiredFor` (the default policy does) and the subject has no active face consent,
 * CONSENT_REQUIRED is answered before any image is analysed or token spent, and checked again in
 * the storing transaction (a consent withdrawn meanwhile stops the enrolment).
 */
export async function enrolFace(ctx: FaceContext, tenantId: string, subjectId: string, images: readonly Uint8Array[], actor: AuditActor, options: FaceCallOptions = {}): Promise<EnrolmentResult> {
  const engine = engineOf(ctx);
  await ctx.subjects.get(tenantId, subjectId);
  try {
    await requireFaceConsent(options.checks, tenantId, subjectId, ctx.db);
  } catch (error) {
    if (error instanceof AppError) await ctx.db.transaction((tx) => ctx.audit.record(tx, { tenantId, actor, action: 'face.enrol', subjectId, outcome: 'denied', details: { code: error.code } }));
    throw error;
  }
  const settings = await settingsOf(ctx.db, tenantId);
  const analyses = await mapLimit(images, 2, async (bytes): Promise<ImageAnalysis> => {
    try {
      return { ok: true, analysis: await engine.analyze(bytes) };
    } catch (error) {
      if (error instanceof EngineError && IMAGE_ERRORS.has(error.code)) return { ok: false, code: apiCodeOf(error.code) };
      throw toFaceAppError(error);
    }
  });
  let evaluation;
  try {
    evaluation = evaluateEnrolment(engine, images, analyses);
  } catch (error) {
    throw toFaceAppError(error);
  }
  const accepted = evaluation.accepted.length;
  if (accepted < settings.minEnrolImages) {
    await ctx.db.transaction((tx) =>
      ctx.audit.record(tx, { tenantId, actor, action: 'face.enrol', subjectId, outcome: 'failure', details: { images: images.length, accepted, minimum: settings.minEnrolImages } }),
    );
    throw new AppError('FACE_ENROLMENT_REJECTED', `${accepted} of ${images.length} images passed the checks; this tenant needs ${settings.minEnrolImages}.`, {
      details: { minimum: settings.minEnrolImages, accepted, images: evaluation.images },
    });
  }

  const now = ctx.clock.now();
  const samples: FaceSample[] = evaluation.accepted.map((a) => ({ addedAt: now.toISOString(), source: 'enrol', quality: round(a.quality), template: a.template }));
  const mean = meanTemplate(samples.map((s) => s.template));
  const primary = vectorOf(mean, engine.info.searchModel);
  if (primary === undefined) throw new AppError('INTERNAL', 'The mean template lacks the search vector.');
  let session: SessionLiveness | undefined;
  if (options.livenessToken !== undefined) {
    try {
      session = await consumeLivenessToken(options.checks, tenantId, subjectId, options.livenessToken, mean);
    } catch (error) {
      if (error instanceof AppError) await ctx.db.transaction((tx) => ctx.audit.record(tx, { tenantId, actor, action: 'face.enrol', subjectId, outcome: 'denied', details: { code: error.code } }));
      throw error;
    }
  }
  const threshold = subjectThreshold({ engineThreshold: engineThreshold(engine, mean), pairScores: evaluation.pairScores, settings: settings.subjectThreshold });

  const replaced = await ctx.db.transaction(async (tx) => {
    await requireFaceConsent(options.checks, tenantId, subjectId, tx);
    const repo = faceRepository(tx);
    const previous = await repo.get(tenantId, subjectId, { forUpdate: true });
    const rowId = randomUUID();
    const rotation = await ctx.rotations.get(tenantId, primary.length, tx);
    const { keyId, sealed } = await ctx.vault.seal(tx, { tenantId, subjectId, rowId }, { samples });
    await repo.upsert(
      {
        tenantId, subjectId, id: rowId, engine: engine.info.name, searchModel: searchModelKey(engine), dims: primary.length,
        sampleCount: samples.length, threshold, keyId, sealed, enrolledAt: now, updatedAt: now,
      },
      rotation.apply(normalize(primary)),
    );
    await ctx.audit.record(tx, {
      tenantId, actor, action: 'face.enrol', subjectId, outcome: 'success',
      details: { images: images.length, accepted, replaced: previous !== null, engine: engine.info.name, livenessSessionId: session?.sessionId ?? null },
    });
    return previous !== null;
  });
  return {
    subjectId, enrolledAt: now, sampleCount: samples.length, replaced, images: evaluation.images,
    ...(session === undefined ? {} : { liveness: { decision: 'live' as const, source: 'session' as const, sessionId: session.sessionId } }),
  };
}
