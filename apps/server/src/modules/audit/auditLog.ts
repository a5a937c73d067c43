import { createHash, createHmac } from 'node:crypto';
import type { Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import type { AuditEvent } from './AuditEvent.ts';
import { canonicalJson } from './canonicalJson.ts';

/** Called inside the recording transaction with the event and where it landed in the chain. */
export type AuditListener = (tx: Queryable, event: AuditEvent, appended: { readonly seq: number; readonly occurredAt: string; readonly hash: string }) => Promise<void>;

/** The hash every tenant's chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a record's hash covers, in the form they are hashed. */
export interface ChainedRecord {
  readonly tenantId: string;
  readonly seq: number;
  readonly occurredAt: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectRef: string | null;
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
}

/** SHA-256 over the canonical JSON of a record (which includes the previous record's hash). */
export function recordHash(r: ChainedRecord): string {
  return createHash('sha256').update(canonicalJson(r)).digest('hex');
}

/**
 * The single audit interface every module writes through. `record` appends to the tenant's
 * hash chain inside the caller's transaction, so the event commits or rolls back with the change it
 * describes. Subjects appear only as a keyed pseudonym (HMAC-SHA256 with a per-tenant key).
 */
export function auditLog({ tenantKeys, clock }: { tenantKeys: TenantKeyService; clock: Clock }) {
  const listeners: AuditListener[] = [];
  return {
    /**
     * Runs `listener` for every recorded event, inside the same transaction (after the record is
     * appended). Webhooks use it to write their outbox atomically with the event.
     */
    onRecord(listener: AuditListener): void {
      listeners.push(listener);
    },
    /** The pseudonym a subject id has in this tenant's audit log. */
    async pseudonym(tenantId: string, subjectId: string, tx?: Queryable): Promise<string> {
      const key = await tenantKeys.derived(tenantId, 'audit-pseudonym', tx);
      return createHmac('sha256', key).update(subjectId).digest('hex').slice(0, 32);
    },
    /** Appends `event` to its tenant's chain within `tx`. */
    async record(tx: Queryable, event: AuditEvent): Promise<void> {
      const subjectRef = event.subjectId == null ? null : await this.pseudonym(event.tenantId, event.subjectId, tx);
      await tx.query('INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING', [event.tenantId, GENESIS_HASH]);
      const [head] = await tx.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE', [event.tenantId]);
      if (head === undefined) throw new Error('audit head missing');
      const rec: ChainedRecord = {
        tenantId: event.tenantId,
        seq: Number(head.seq) + 1,
        occurredAt: clock.now().toISOString(),
        actorType: event.actor.type,
        actorId: event.actor.id,
        action: event.action,
        subjectRef,
        outcome: event.outcome,
        details: event.details ?? {},
        prevHash: head.hash,
      };
      const hash = recordHash(rec);
      await tx.query(
        'INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_type, actor_id, action, subject_ref, outcome, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
        [rec.tenantId, rec.seq, rec.occurredAt, rec.actorType, rec.actorId, rec.action, rec.subjectRef, rec.outcome, JSON.stringify(rec.details), rec.prevHash, hash],
      );
      await tx.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [rec.tenantId, rec.seq, hash]);
      for (const listener of listeners) await listener(tx, event, { seq: rec.seq, occurredAt: rec.occurredAt, hash });
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
