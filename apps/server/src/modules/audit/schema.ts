import { z } from 'zod';
import type { StoredAuditRecord } from './auditRepository.ts';

const outcome = z.enum(['success', 'failure', 'denied', 'error']);

/** Filters shared by the query and export endpoints. */
export const auditFilterQuery = z.object({
  from: z.iso.datetime().optional().describe('Inclusive lower bound on occurredAt (ISO 8601)'),
  to: z.iso.datetime().optional().describe('Exclusive upper bound on occurredAt (ISO 8601)'),
  subject: z.string().regex(/^[0-9a-f]{32}$/).optional().describe('Subject pseudonym as it appears in the log'),
  subjectId: z.uuid().optional().describe('A subject id; the server turns it into its pseudonym'),
  action: z.string().min(1).max(100).regex(/^[a-z0-9_.*-]+$/).optional().describe('Exact action, or a prefix ending in ".*" (e.g. "face.*")'),
  outcome: outcome.optional(),
});

export const auditQuery = auditFilterQuery
  .extend({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    after: z.coerce.number().int().min(0).default(0).describe('Return records with seq greater than this (cursor)'),
  })
  .strict();

export const auditExportQuery = auditFilterQuery.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }).strict();

export const auditRecordView = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    subjectRef: z.string().nullable().describe('Keyed pseudonym of the subject (HMAC-SHA256, per-tenant key)'),
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditRecord' });

export const verificationView = z
  .object({
    valid: z.boolean(),
    records: z.number().int(),
    checkpointsVerified: z.number().int(),
    anchoredThrough: z.number().int(),
    firstBad: z.object({ seq: z.number().int(), problem: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerification' });

/** The public view of a record (everything, including hashes, so an auditor can re-check the chain). */
export function toAuditRecordView(r: StoredAuditRecord): z.infer<typeof auditRecordView> {
  const { tenantId: _tenantId, ...rest } = r;
  return { ...rest, details: { ...r.details } };
}
