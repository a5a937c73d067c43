import type { AuditQuery } from '@authloop/sdk';
import { isUuid } from './isUuid.ts';

/** The audit filter form as typed (all strings; empty = no filter). */
export interface AuditFilterForm {
  readonly from: string;
  readonly to: string;
  readonly action: string;
  readonly outcome: string;
  readonly subjectId: string;
}

const outcomes = ['success', 'failure', 'denied', 'error'] as const;
type Outcome = (typeof outcomes)[number];
const isOutcome = (s: string): s is Outcome => (outcomes as readonly string[]).includes(s);

/** Field errors of the form, by field; the same rules as the server's query schema. */
export function auditFilterErrors(f: AuditFilterForm): Partial<Record<keyof AuditFilterForm, string>> {
  const e: Partial<Record<keyof AuditFilterForm, string>> = {};
  const from = f.from === '' ? null : new Date(f.from);
  const to = f.to === '' ? null : new Date(f.to);
  if (from !== null && Number.isNaN(from.getTime())) e.from = 'Not a date and time.';
  if (to !== null && Number.isNaN(to.getTime())) e.to = 'Not a date and time.';
  if (from !== null && to !== null && !e.from && !e.to && to <= from) e.to = '“To” must be after “From”.';
  if (f.action !== '' && (f.action.length > 100 || !/^[a-z0-9_.*-]+$/.test(f.action))) e.action = 'Lower-case letters, digits, dots, dashes and underscores; end with ".*" for a prefix.';
  if (f.outcome !== '' && !isOutcome(f.outcome)) e.outcome = 'Unknown outcome.';
  if (f.subjectId.trim() !== '' && !isUuid(f.subjectId.trim())) e.subjectId = 'A subject id is a UUID.';
  return e;
}

/** The API query for a valid form (local date-times become ISO 8601 instants). */
export function toAuditQuery(f: AuditFilterForm): AuditQuery {
  return {
    ...(f.from === '' ? {} : { from: new Date(f.from).toISOString() }),
    ...(f.to === '' ? {} : { to: new Date(f.to).toISOString() }),
    ...(f.action === '' ? {} : { action: f.action }),
    ...(isOutcome(f.outcome) ? { outcome: f.outcome } : {}),
    ...(f.subjectId.trim() === '' ? {} : { subjectId: f.subjectId.trim() }),
  };
}
