import type { FaceAnalysis, FaceEngine, FaceTemplate } from '@authloop/engine';
import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { SubjectService } from '../subjects/subjectService.ts';
import { toFaceAppError } from './engineErrors.ts';
import { faceRepository } from './faceRepository.ts';
import { parseFaceSettings } from './faceSettings.ts';
import type { FaceSettings } from './faceSettings.ts';
import type { TenantRotations } from './tenantRotations.ts';
import type { TemplateVault } from './templateVault.ts';
import { vectorOf } from './templateMath.ts';

/** What the face operations share. */
export interface FaceContext {
  readonly db: Database;
  readonly engine: FaceEngine | undefined;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly subjects: SubjectService;
  readonly vault: TemplateVault;
  readonly rotations: TenantRotations;
}

/** The running engine, or FACE_ENGINE_UNAVAILABLE. */
export function engineOf(ctx: FaceContext): FaceEngine {
  if (ctx.engine === undefined) throw new AppError('FACE_ENGINE_UNAVAILABLE', 'No face engine is configured on this server.');
  return ctx.engine;
}

/** `model@version` of the engine's searchable recogniser. */
export function searchModelKey(engine: FaceEngine): string {
  return `${engine.info.searchModel.id}@${engine.info.searchModel.version}`;
}

/** The tenant's face settings with defaults. */
export async function settingsOf(db: Queryable, tenantId: string): Promise<FaceSettings> {
  return parseFaceSettings(await faceRepository(db).settings(tenantId));
}

/** A probe analysis that has exactly one usable face and a template with the searchable vector. */
export interface Probe {
  readonly analysis: FaceAnalysis;
  readonly template: FaceTemplate;
  readonly searchVector: Float32Array;
}

/**
 * Analyses one probe image (verify, identify). No face → FACE_NOT_DETECTED; several faces →
 * FACE_MULTIPLE_FACES; engine errors → their API codes.
 */
export async function analyzeProbe(engine: FaceEngine, image: Uint8Array): Promise<Probe> {
  let analysis: FaceAnalysis;
  try {
    analysis = await engine.analyze(image);
  } catch (error) {
    throw toFaceAppError(error);
  }
  if (analysis.quality.reasons.includes('MULTIPLE_FACES')) {
    throw new AppError('FACE_MULTIPLE_FACES', `The image shows ${analysis.faces.length} faces; send an image of one person.`, { details: { faces: analysis.faces.length } });
  }
  const searchVector = analysis.template === null ? undefined : vectorOf(analysis.template, engine.info.searchModel);
  if (analysis.face === null || analysis.template === null || searchVector === undefined) throw new AppError('FACE_NOT_DETECTED', 'No face was found in the image.');
  return { analysis, template: analysis.template, searchVector };
}

/**
 * The engine's calibrated verification threshold for templates like `t` (0..1): the threshold of
 * the calibration model a comparison of `t` with a template of the same form uses. The engine picks
 * the first model whose features both templates carry, so a `t` with magnitudes gives the
 * cosine + magnitude model's threshold and one without (old rows) the cosine-only model's; pass
 * the template that will actually be compared (the mean template with its mean magnitude).
 */
export function engineThreshold(engine: FaceEngine, t: FaceTemplate): number {
  try {
    return engine.compare(t, t).threshold;
  } catch (error) {
    throw toFaceAppError(error);
  }
}

/** How liveness was judged: the probe's passive PAD, or a passed liveness session (its token). */
export interface LivenessSummary {
  /** Passive PAD score of the probe (null when PAD is unavailable). */
  readonly score: number | null;
  readonly decision: 'live' | 'spoof' | 'unavailable';
  readonly source: 'pad' | 'session';
  /** The liveness session whose token was spent (source `session`). */
  readonly sessionId?: string;
}

/**
 * The quality and liveness part of an answer. With `session` (a spent liveness token) the decision
 * is `live` from that session, unless the probe's own passive PAD says `spoof`.
 */
export function probeSummary(a: FaceAnalysis, session?: { sessionId: string }) {
  const score = a.liveness.score === null ? null : round(a.liveness.score);
  const liveness: LivenessSummary =
    session === undefined
      ? { score, decision: a.liveness.decision, source: 'pad' }
      : { score, decision: a.liveness.decision === 'spoof' ? 'spoof' : 'live', source: 'session', sessionId: session.sessionId };
  return {
    quality: { score: round(a.quality.score), acceptable: a.quality.acceptable, reasons: [...a.quality.reasons] },
    liveness,
  };
}

/** Rounds a score to 4 decimals for answers and audit details. */
export const round = (x: number): number => Math.round(x * 10_000) / 10_000;
