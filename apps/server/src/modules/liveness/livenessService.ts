import { randomUUID } from 'node:crypto';
import { decrypt, encrypt, hashSecret, randomSecret } from '@authloop/crypto';
import type { FaceEngine, FaceTemplate } from '@authloop/engine';
import type { ChallengeType, LivenessAnalyzerPool, LivenessThresholds, LivenessVerdict, Vec3 } from '@authloop/engine/liveness';
import { DEFAULT_LIVENESS_THRESHOLDS, isChallengeType } from '@authloop/engine/liveness';
import type { Database } from '@authloop/store';
import { z } from 'zod';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { Principal } from '../auth/Principal.ts';
import type { SigningKeyService } from '../keys/signingKeyService.ts';
import type { SubjectService } from '../subjects/subjectService.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { drawChallenges } from './drawChallenges.ts';
import { livenessRepository } from './livenessRepository.ts';
import type { LivenessSessionRow } from './livenessRepository.ts';
import { livenessSettingsSchema, parseLivenessSettings } from './livenessSettings.ts';
import type { LivenessSettings, LivenessSettingsInput } from './livenessSettings.ts';
import { LIVENESS_TOKEN_TTL_S, livenessAudience, livenessClaimsSchema, signLivenessToken } from './livenessToken.ts';
import { cosine, templateDigest, templateFromBytes, templateToBytes } from './templateDigest.ts';

/** How long a session can be streamed after it is created. */
export const SESSION_TTL_MS = 3 * 60 * 1000;
/** faceres cosine at or above which a template counts as the same face when no face engine compares (LFW-calibrated, `npmCalibration.ts`). */
const FACERES_SAME_FACE = 0.515;

/** Dependencies of {@link livenessService}. */
export interface LivenessServiceDeps {
  readonly db: Database;
  readonly audit: AuditLog;
  readonly tenantKeys: TenantKeyService;
  readonly keys: SigningKeyService;
  readonly subjects: SubjectService;
  readonly clock: Clock;
  readonly issuer: string;
  /** The face engine: makes the best frame's template in the same form verify/enrol use. */
  readonly engine: FaceEngine | undefined;
  /** The frame analyser (started on first use: loading Human takes seconds). */
  readonly analyzer: () => Promise<LivenessAnalyzerPool>;
  readonly thresholds?: LivenessThresholds | undefined;
}

/** Why {@link LivenessService.consumeToken} refused a token. */
export type LivenessTokenRefusal = 'LIVENESS_TOKEN_INVALID' | 'LIVENESS_TOKEN_EXPIRED' | 'LIVENESS_TOKEN_REUSED' | 'LIVENESS_TOKEN_FACE_MISMATCH';

/** Result of {@link LivenessService.consumeToken}. */
export type ConsumeTokenResult =
  | { readonly ok: true; readonly sessionId: string; readonly subjectId: string | null }
  | { readonly ok: false; readonly reason: LivenessTokenRefusal; readonly message: string };

const meshSchema = z.array(z.tuple([z.number(), z.number(), z.number()]));
const meshAad = (tenantId: string, id: string): string => `authloop:liveness-mesh:v1:${tenantId}:${id}`;
const templateAad = (tenantId: string, id: string): string => `authloop:liveness-template:v1:${tenantId}:${id}`;

/** The status a client sees: a pending or streaming session past its expiry is `expired`. */
export function effectiveStatus(s: LivenessSessionRow, now: Date): 'pending' | 'streaming' | 'passed' | 'failed' | 'expired' {
  if ((s.status === 'pending' || s.status === 'streaming') && now.getTime() > s.expiresAt.getTime()) return 'expired';
  return s.status;
}

/** The session's challenges, typed (rows only ever hold known types). */
export function challengesOf(s: LivenessSessionRow): ChallengeType[] {
  return s.challenges.filter(isChallengeType);
}

/**
 * Active liveness sessions: creation (challenge draw within tenant settings, single-use stream
 * ticket), stream authorisation, result persistence with audit in the same transaction, the
 * signed single-use liveness token, and the best frame's mesh for operator review.
 */
export function livenessService(deps: LivenessServiceDeps) {
  const { db, audit, tenantKeys, keys, subjects, clock, issuer } = deps;
  const thresholds = deps.thresholds ?? DEFAULT_LIVENESS_THRESHOLDS;
  const repo = livenessRepository(db);

  async function requireSession(tenantId: string, id: string): Promise<LivenessSessionRow> {
    const s = await repo.get(tenantId, id);
    if (s === null) throw new AppError('LIVENESS_SESSION_NOT_FOUND', `No liveness session ${id} in this tenant.`);
    return s;
  }

  return {
    thresholds,
    analyzer: deps.analyzer,
    engine: deps.engine,
    clock,

    /** The tenant's liveness settings (challenge types and how many a session draws), with defaults. */
    async settings(tenantId: string): Promise<LivenessSettings> {
      return parseLivenessSettings(await repo.settings(tenantId));
    },

    /** Replaces the tenant's liveness settings (omitted fields take their defaults); audited as `liveness.settings.update`. */
    async updateSettings(tenantId: string, input: LivenessSettingsInput, actor: AuditActor): Promise<LivenessSettings> {
      const settings = livenessSettingsSchema.parse(input);
      await db.transaction(async (tx) => {
        await livenessRepository(tx).saveSettings(tenantId, settings);
        await audit.record(tx, { tenantId, actor, action: 'liveness.settings.update', outcome: 'success', details: { challengeTypes: settings.challengeTypes.join(','), minCount: settings.minCount, maxCount: settings.maxCount } });
      });
      return settings;
    },

    /** Creates a session; the ticket is returned once and stored only as a hash. */
    async create(tenantId: string, actor: AuditActor, input: { subjectId?: string | undefined; challengeTypes?: readonly ChallengeType[] | undefined; count?: number | undefined }): Promise<{ session: LivenessSessionRow; ticket: string }> {
      if (input.subjectId !== undefined) await subjects.get(tenantId, input.subjectId);
      const settings = parseLivenessSettings(await repo.settings(tenantId));
      const challenges = drawChallenges(settings, input);
      const ticket = randomSecret(32);
      const now = clock.now();
      const session = await db.transaction(async (tx) => {
        const s = await livenessRepository(tx).insert({
          id: randomUUID(), tenantId, subjectId: input.subjectId ?? null, createdBy: { type: actor.type, id: actor.id }, challenges,
          nonce: randomSecret(16), ticketHash: hashSecret(ticket), expiresAt: new Date(now.getTime() + SESSION_TTL_MS), createdAt: now,
        });
        await audit.record(tx, { tenantId, actor, action: 'liveness.session.create', subjectId: s.subjectId, outcome: 'success', details: { sessionId: s.id, challenges: challenges.join(',') } });
        return s;
      });
      return { session, ticket };
    },

    get: requireSession,

    /**
     * Who may stream a session: a bearer principal of the same tenant (a client with
     * `liveness:write`, or the session's own subject), or the single-use ticket (spent here).
     *
     * @throws {AppError} LIVENESS_TICKET_INVALID, LIVENESS_SESSION_NOT_FOUND, FORBIDDEN.
     */
    async authorizeStream(sessionId: string, auth: { principal: Principal } | { ticket: string }): Promise<LivenessSessionRow> {
      if ('ticket' in auth) {
        const s = await repo.useTicket(sessionId, hashSecret(auth.ticket), clock.now());
        if (s === null) throw new AppError('LIVENESS_TICKET_INVALID', 'The stream ticket is unknown, already used, or for another session.');
        return s;
      }
      const p = auth.principal;
      const s = await requireSession(p.tenantId, sessionId);
      const allowed = (p.kind === 'client' && p.scopes.has('liveness:write')) || (p.kind === 'subject' && s.subjectId === p.id);
      if (!allowed) throw new AppError('FORBIDDEN', 'This token may not stream this liveness session.');
      return s;
    },

    /** Marks a session as streaming (one stream per session). */
    async start(s: LivenessSessionRow): Promise<void> {
      const now = clock.now();
      if (now.getTime() > s.expiresAt.getTime()) throw new AppError('LIVENESS_SESSION_EXPIRED', 'The liveness session has expired; create a new one.');
      if (!(await repo.start(s.tenantId, s.id, now))) throw new AppError('LIVENESS_SESSION_USED', 'This liveness session was already streamed; create a new one.');
    },

    /** Records a frame's digest; the id of an earlier session that sent the same bytes, or null. */
    recordFrame: (s: LivenessSessionRow, digest: string) => repo.recordFrame(s.tenantId, s.id, digest),

    /**
     * Stores the verdict (with the sealed best-frame mesh and template) and its audit record in one
     * transaction, and signs the liveness token when the session passed.
     */
    async complete(s: LivenessSessionRow, verdict: LivenessVerdict, template: FaceTemplate | null, actor: AuditActor): Promise<{ token: string | null; expiresIn: number | null }> {
      const now = clock.now();
      const passed = verdict.passed && template !== null;
      const reasons = verdict.passed && template === null ? [...verdict.reasons, 'NO_FACE'] : [...verdict.reasons];
      const { keyId, key } = await tenantKeys.current(s.tenantId);
      const mesh = verdict.best?.mesh ?? null;
      const meshEnc = mesh === null ? null : encrypt(key, new TextEncoder().encode(JSON.stringify(mesh.map((p) => p.map((v) => Math.round(v * 100) / 100)))), meshAad(s.tenantId, s.id));
      const templateEnc = template === null ? null : encrypt(key, templateToBytes(template), templateAad(s.tenantId, s.id));
      const fth = template === null ? null : templateDigest(template);
      const jti = passed ? randomUUID() : null;
      await db.transaction(async (tx) => {
        await livenessRepository(tx).complete(s.tenantId, s.id, {
          status: passed ? 'passed' : 'failed', completedAt: now, passed, reasons, scores: verdict.scores,
          challengeResults: verdict.challenges.map((c) => ({ challenge: c.challenge, passed: c.passed, durationMs: c.durationMs })),
          keyId, meshEnc, templateEnc, templateHash: fth, tokenJti: jti, tokenExpiresAt: jti === null ? null : new Date(now.getTime() + LIVENESS_TOKEN_TTL_S * 1000),
        });
        await audit.record(tx, {
          tenantId: s.tenantId, actor, action: 'liveness.session.complete', subjectId: s.subjectId, outcome: passed ? 'success' : 'failure',
          details: { sessionId: s.id, passed, reasons: reasons.join(','), pad: verdict.scores.pad, planar: verdict.scores.planar, frames: verdict.scores.frames },
        });
      });
      if (!passed || jti === null || fth === null) return { token: null, expiresIn: null };
      const token = await signLivenessToken(keys.ring, { jti, sid: s.id, tid: s.tenantId, sub: s.subjectId, fth, nonce: s.nonce }, { issuer, now });
      return { token, expiresIn: LIVENESS_TOKEN_TTL_S };
    },

    /** The best frame's 468-point mesh (decrypted), for operator review. */
    async mesh(tenantId: string, id: string): Promise<Vec3[]> {
      const s = await requireSession(tenantId, id);
      if (s.meshEnc === null || s.keyId === null) throw new AppError('LIVENESS_MESH_UNAVAILABLE', 'This session has no stored mesh (not completed, or no face was seen).');
      const key = await tenantKeys.byId(tenantId, s.keyId);
      return meshSchema.parse(JSON.parse(new TextDecoder().decode(decrypt(key, s.meshEnc, meshAad(tenantId, id)))));
    },

    /**
     * Checks and spends a liveness token for `tenantId`. `face` is the template the caller is about
     * to verify or enrol (compared with the session's best frame by the face engine, or by faceres
     * cosine), or the hex SHA-256 digest of the exact template (`fth`). Refuses a token that is
     * malformed, signed by an unknown key, for another tenant or audience, expired, already used,
     * or for another face. The face module calls this for `livenessToken` on verify and enrol.
     */
    async consumeToken(tenantId: string, token: string, face: FaceTemplate | string): Promise<ConsumeTokenResult> {
      const now = clock.now();
      let result = await keys.ring.verify(token, { issuer, audience: livenessAudience(issuer), now });
      if (!result.valid && result.reason === 'TOKEN_UNKNOWN_KEY' && (await keys.reloadIfStale())) result = await keys.ring.verify(token, { issuer, audience: livenessAudience(issuer), now });
      if (!result.valid) {
        return result.reason === 'TOKEN_EXPIRED'
          ? { ok: false, reason: 'LIVENESS_TOKEN_EXPIRED', message: 'The liveness token has expired; run a new liveness session.' }
          : { ok: false, reason: 'LIVENESS_TOKEN_INVALID', message: 'The liveness token is not valid here.' };
      }
      const claims = livenessClaimsSchema.safeParse(result.payload);
      if (!claims.success || claims.data.tid !== tenantId) return { ok: false, reason: 'LIVENESS_TOKEN_INVALID', message: 'The liveness token is not valid for this tenant.' };
      const c = claims.data;
      const s = await repo.get(tenantId, c.sid);
      if (s === null || s.tokenJti !== c.jti || s.templateHash !== c.fth) return { ok: false, reason: 'LIVENESS_TOKEN_INVALID', message: 'The liveness token does not match its session.' };
      if (s.tokenConsumedAt !== null) return { ok: false, reason: 'LIVENESS_TOKEN_REUSED', message: 'The liveness token was already used.' };
      if (!(await sameFace(s, face, c.fth))) return { ok: false, reason: 'LIVENESS_TOKEN_FACE_MISMATCH', message: 'The liveness token was issued for another face.' };
      if (!(await repo.consumeToken(tenantId, s.id, c.jti, now))) return { ok: false, reason: 'LIVENESS_TOKEN_REUSED', message: 'The liveness token was already used.' };
      return { ok: true, sessionId: s.id, subjectId: s.subjectId };
    },
  };

  async function sameFace(s: LivenessSessionRow, face: FaceTemplate | string, fth: string): Promise<boolean> {
    if (typeof face === 'string') return face.toLowerCase() === fth;
    if (s.templateEnc === null || s.keyId === null) return false;
    const stored = templateFromBytes(decrypt(await tenantKeys.byId(s.tenantId, s.keyId), s.templateEnc, templateAad(s.tenantId, s.id)));
    if (templateDigest(face) === fth) return true;
    const shared = face.vectors.filter((v) => stored.vectors.some((w) => w.model === v.model && w.version === v.version));
    if (shared.length === 0) return false;
    if (deps.engine !== undefined) {
      try {
        return deps.engine.compare(stored, { vectors: shared }).match;
      } catch {
        // Templates the engine cannot compare fall through to the faceres rule below.
      }
    }
    return shared.every((v) => {
      const w = stored.vectors.find((x) => x.model === v.model && x.version === v.version);
      return w !== undefined && cosine(v.vector, w.vector) >= FACERES_SAME_FACE;
    });
  }
}

export type LivenessService = ReturnType<typeof livenessService>;
