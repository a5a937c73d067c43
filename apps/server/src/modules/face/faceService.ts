import type { FaceEngine } from '@authloop/engine';
import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { SubjectKeyService } from '../privacy/subjectKeyService.ts';
import type { SubjectService } from '../subjects/subjectService.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { checkFaceQuality } from './checkFaceQuality.ts';
import { enrolFace } from './enrolFace.ts';
import type { FaceCallOptions } from './faceChecks.ts';
import type { FaceContext } from './faceContext.ts';
import { settingsOf } from './faceContext.ts';
import { faceRepository } from './faceRepository.ts';
import { faceSettingsSchema } from './faceSettings.ts';
import type { FaceSettings } from './faceSettings.ts';
import { identifyFace } from './identifyFace.ts';
import { checkLockout, CLEAR_LOCKOUT } from './lockoutPolicy.ts';
import { tenantRotations } from './tenantRotations.ts';
import { templateVault } from './templateVault.ts';
import { verifyFace } from './verifyFace.ts';

/** What a subject's enrolment looks like from outside: metadata, never the template. */
export interface FaceStatus {
  readonly subjectId: string;
  readonly engine: string;
  readonly model: string;
  readonly enrolledAt: Date;
  readonly updatedAt: Date;
  readonly sampleCount: number;
  readonly samples: readonly { readonly addedAt: string; readonly source: 'enrol' | 'adaptive'; readonly quality: number }[];
  readonly state: 'active' | 'locked' | 'disabled';
  readonly retryAfterS: number | null;
}

/**
 * Face enrolment, 1:1 verification, 1:N identification and erasure for a tenant's subjects, with
 * templates protected at rest, lockout, optional adaptive update, and an audit event for each.
 */
export function faceService({ db, engine, tenantKeys, subjectKeys, audit, clock, subjects }: { db: Database; engine: FaceEngine | undefined; tenantKeys: TenantKeyService; subjectKeys: SubjectKeyService; audit: AuditLog; clock: Clock; subjects: SubjectService }) {
  const ctx: FaceContext = { db, engine, audit, clock, subjects, vault: templateVault({ tenantKeys, subjectKeys }), rotations: tenantRotations({ tenantKeys }) };
  return {
    /** True when an engine is configured. */
    get available(): boolean {
      return engine !== undefined;
    },
    enrol: (tenantId: string, subjectId: string, images: readonly Uint8Array[], actor: AuditActor, options?: FaceCallOptions) => enrolFace(ctx, tenantId, subjectId, images, actor, options),
    verify: (tenantId: string, subjectId: string, image: Uint8Array, actor: AuditActor, options?: FaceCallOptions) => verifyFace(ctx, tenantId, subjectId, image, actor, options),
    identify: (tenantId: string, image: Uint8Array, topK: number, actor: AuditActor) => identifyFace(ctx, tenantId, image, topK, actor),
    /** Face box and quality of one camera frame, for live guidance; nothing is stored. */
    checkQuality: (image: Uint8Array) => checkFaceQuality(ctx, image),

    /** Enrolment metadata and lockout state. */
    async status(tenantId: string, subjectId: string): Promise<FaceStatus> {
      await subjects.get(tenantId, subjectId);
      const repo = faceRepository(db);
      const row = await repo.get(tenantId, subjectId);
      if (row === null) throw new AppError('FACE_NOT_ENROLLED', 'This subject has no face enrolment.');
      const secrets = await ctx.vault.open(db, row);
      const check = checkLockout(await repo.lockout(tenantId, subjectId), clock.now());
      return {
        subjectId, engine: row.engine, model: row.searchModel, enrolledAt: row.enrolledAt, updatedAt: row.updatedAt, sampleCount: row.sampleCount,
        samples: secrets.samples.map((s) => ({ addedAt: s.addedAt, source: s.source, quality: s.quality })),
        state: check.allowed ? 'active' : check.code === 'FACE_DISABLED' ? 'disabled' : 'locked',
        retryAfterS: !check.allowed && check.code === 'FACE_LOCKED' ? check.retryAfterS : null,
      };
    },

    /**
     * Erases the subject's face data in one transaction: the template row (searchable vector and
     * sealed samples) and the failure counters. A factor an operator must re-enable stays disabled,
     * so erasing and re-enrolling cannot bypass the lockout.
     */
    async remove(tenantId: string, subjectId: string, actor: AuditActor): Promise<void> {
      await subjects.get(tenantId, subjectId);
      const deleted = await db.transaction(async (tx) => {
        const repo = faceRepository(tx);
        const gone = await repo.delete(tenantId, subjectId);
        const lock = await repo.lockout(tenantId, subjectId, { forUpdate: true });
        if (lock !== null && lock.disabledAt === null) await repo.deleteLockout(tenantId, subjectId);
        else if (lock !== null) await repo.saveLockout(tenantId, subjectId, { ...lock, consecutiveFailures: 0 }, clock.now());
        await audit.record(tx, { tenantId, actor, action: 'face.delete', subjectId, outcome: gone ? 'success' : 'failure', details: { found: gone } });
        return gone;
      });
      if (!deleted) throw new AppError('FACE_NOT_ENROLLED', 'This subject has no face enrolment.');
    },

    /** Clears a subject's failure count, delay and disabled state (operator or tenant-admin action). */
    async reenable(tenantId: string, subjectId: string, actor: AuditActor): Promise<void> {
      await subjects.get(tenantId, subjectId);
      await db.transaction(async (tx) => {
        const previous = await faceRepository(tx).lockout(tenantId, subjectId, { forUpdate: true });
        await faceRepository(tx).saveLockout(tenantId, subjectId, CLEAR_LOCKOUT, clock.now());
        await audit.record(tx, { tenantId, actor, action: 'face.reenable', subjectId, outcome: 'success', details: { wasDisabled: previous?.disabledAt != null, failures: previous?.consecutiveFailures ?? 0 } });
      });
    },

    /**
     * After the tenant's data key is rotated: moves templates still sealed directly under a tenant
     * key (earlier versions) to their subject's key, and re-wraps subject keys that an older tenant
     * key wraps under the current one, in batches of `batchSize` per transaction. Templates sealed
     * under subject keys are not touched (their keys stay the same). No re-enrolment, no engine.
     * `rekeyed` counts templates moved plus subject keys re-wrapped.
     */
    async rekey(tenantId: string, actor: AuditActor, { batchSize = 200 }: { batchSize?: number } = {}): Promise<{ rekeyed: number; keyId: string }> {
      let total = 0;
      let keyId = '';
      for (;;) {
        const n = await db.transaction(async (tx) => {
          const repo = faceRepository(tx);
          const rows = await repo.sealedWithTenantKey(tenantId, batchSize);
          for (const row of rows) {
            const secrets = await ctx.vault.open(tx, row);
            const sealed = await ctx.vault.seal(tx, { tenantId, subjectId: row.subjectId, rowId: row.id }, secrets);
            await repo.updateSealed(tenantId, row.subjectId, { ...sealed, sampleCount: row.sampleCount, updatedAt: row.updatedAt });
          }
          const { rewrapped, tenantKeyId } = await subjectKeys.rewrap(tenantId, batchSize, tx);
          keyId = tenantKeyId;
          const done = rows.length + rewrapped;
          if (done > 0 || total === 0) await audit.record(tx, { tenantId, actor, action: 'face.rekey', outcome: 'success', details: { templates: rows.length, subjectKeys: rewrapped, keyId: tenantKeyId } });
          return done;
        });
        total += n;
        if (n === 0) return { rekeyed: total, keyId };
      }
    },

    settings: (tenantId: string): Promise<FaceSettings> => settingsOf(db, tenantId),
    async updateSettings(tenantId: string, input: unknown, actor: AuditActor): Promise<FaceSettings> {
      const settings = faceSettingsSchema.parse(input);
      await db.transaction(async (tx) => {
        await faceRepository(tx).saveSettings(tenantId, settings);
        await audit.record(tx, { tenantId, actor, action: 'face.settings.update', outcome: 'success', details: { minEnrolImages: settings.minEnrolImages, livenessRequired: settings.livenessRequired, adaptive: settings.adaptive.enabled } });
      });
      return settings;
    },
  };
}

export type FaceService = ReturnType<typeof faceService>;
