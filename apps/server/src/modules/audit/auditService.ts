import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { SigningKeyService } from '../keys/signingKeyService.ts';
import type { AuditLog } from './auditLog.ts';
import { auditRepository } from './auditRepository.ts';
import type { AuditFilter, StoredAuditRecord } from './auditRepository.ts';
import { chainVerifier } from './chainVerifier.ts';
import type { ChainVerification, CheckedCheckpoint } from './chainVerifier.ts';

const PAGE = 1000;
/** Checkpoints are meant to be checked for as long as the log is kept. */
const CHECKPOINT_LIFETIME_S = 100 * 365 * 24 * 3600;
const CHECKPOINT_TYP = 'authloop-audit-checkpoint+jwt';

/**
 * Reading, verifying and anchoring the audit chain: signed checkpoints (JWS with the server's key
 * ring over `{ tid, seq, hash }`), whole-chain verification, and the operator query and export.
 */
export function auditService({ db, audit, keys, issuer, clock }: { db: Database; audit: AuditLog; keys: SigningKeyService; issuer: string; clock: Clock }) {
  const audience = `${issuer}/audit`;
  const repo = auditRepository(db);

  async function checkCheckpoint(tenantId: string, jws: string, seq: number): Promise<CheckedCheckpoint> {
    let result = await keys.ring.verify(jws, { issuer, audience, now: clock.now() });
    if (!result.valid && result.reason === 'TOKEN_UNKNOWN_KEY' && (await keys.reloadIfStale())) result = await keys.ring.verify(jws, { issuer, audience, now: clock.now() });
    if (!result.valid) return { seq, signedHash: null };
    const p = result.payload;
    if (p['tid'] !== tenantId || p['seq'] !== seq || typeof p['hash'] !== 'string') return { seq, signedHash: null };
    return { seq, signedHash: p['hash'] };
  }

  return {
    /** Signs the tenant's current chain head as a checkpoint; returns its seq (0 for an empty chain). */
    async checkpoint(tenantId: string): Promise<number> {
      const head = await repo.head(tenantId);
      if (head === null || head.seq === 0) return 0;
      const jws = await keys.ring.sign(
        { tid: tenantId, seq: head.seq, hash: head.hash },
        { issuer, audience, expiresInS: CHECKPOINT_LIFETIME_S, typ: CHECKPOINT_TYP, now: clock.now() },
      );
      await repo.insertCheckpoint(tenantId, { seq: head.seq, hash: head.hash, jws, createdAt: clock.now() });
      return head.seq;
    },

    /** Checkpoints every tenant whose chain grew since its last checkpoint (the periodic job). */
    async checkpointAll(): Promise<number> {
      const tenants = await repo.tenantsNeedingCheckpoint();
      for (const t of tenants) await this.checkpoint(t);
      return tenants.length;
    },

    /** Verifies a tenant's whole chain, its head and its signed checkpoints; names the first bad record. */
    async verify(tenantId: string): Promise<ChainVerification> {
      const stored = await repo.checkpoints(tenantId);
      const checked: CheckedCheckpoint[] = [];
      for (const c of stored) checked.push(await checkCheckpoint(tenantId, c.jws, c.seq));
      const verifier = chainVerifier({ checkpointSeqs: new Set(stored.map((c) => c.seq)) });
      for (let after = 0; ; ) {
        const page = await repo.page(tenantId, after, PAGE);
        for (const r of page) verifier.push(r);
        const last = page.at(-1);
        if (last === undefined || page.length < PAGE) break;
        after = last.seq;
      }
      return verifier.finish(await repo.head(tenantId), checked);
    },

    /** One page of records matching `filter` with `seq > afterSeq`, oldest first. */
    async query(tenantId: string, filter: AuditFilter & { subjectId?: string | undefined }, page: { afterSeq: number; limit: number }): Promise<StoredAuditRecord[]> {
      return repo.page(tenantId, page.afterSeq, page.limit, await resolveSubject(tenantId, filter));
    },

    /** Every record matching `filter`, oldest first, read in pages (for export). */
    async *scan(tenantId: string, filter: AuditFilter & { subjectId?: string | undefined }): AsyncGenerator<StoredAuditRecord> {
      const f = await resolveSubject(tenantId, filter);
      for (let after = 0; ; ) {
        const page = await repo.page(tenantId, after, PAGE, f);
        yield* page;
        const last = page.at(-1);
        if (last === undefined || page.length < PAGE) return;
        after = last.seq;
      }
    },
  };

  async function resolveSubject(tenantId: string, filter: AuditFilter & { subjectId?: string | undefined }): Promise<AuditFilter> {
    const { subjectId, ...rest } = filter;
    if (subjectId === undefined) return rest;
    return { ...rest, subjectRef: await audit.pseudonym(tenantId, subjectId) };
  }
}

export type AuditService = ReturnType<typeof auditService>;
