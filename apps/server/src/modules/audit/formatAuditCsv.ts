import type { StoredAuditRecord } from './auditRepository.ts';

/** The CSV header of an audit export. */
export const AUDIT_CSV_HEADER = 'seq,occurred_at,actor_type,actor_id,action,subject_ref,outcome,details,prev_hash,hash\r\n';

/**
 * One RFC 4180 CSV line for a record. A field that a spreadsheet would read as a formula (starting
 * with =, +, -, @, tab or CR) is prefixed with `'` (OWASP CSV injection guidance).
 */
export function formatAuditCsv(r: StoredAuditRecord): string {
  const fields = [String(r.seq), r.occurredAt, r.actorType, r.actorId ?? '', r.action, r.subjectRef ?? '', r.outcome, JSON.stringify(r.details), r.prevHash, r.hash];
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
