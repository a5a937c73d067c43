import type { Transport } from '../Transport.ts';
import type { AuditExportQuery, AuditQuery, AuditRecord, AuditVerification } from '../serverTypes.ts';

/** The tenant's hash-chained audit log (scope `audit:read`; checkpoints need `tenant:admin`). */
export function auditApi(t: Transport) {
  return {
    /** `GET /v1/audit/events`: oldest first; pass `after: nextAfter` for the next page. `action` may be a prefix like `face.*`. */
    events: (query: AuditQuery = {}) => t.json<{ items: AuditRecord[]; nextAfter: number | null }>({ method: 'GET', path: '/v1/audit/events', query: { ...query, limit: typeof query.limit === 'number' ? query.limit : undefined, after: typeof query.after === 'number' ? query.after : undefined } }),
    /** `GET /v1/audit/export`: the matching records as JSON lines (default) or CSV text. */
    export: (query: AuditExportQuery = {}) => t.text({ method: 'GET', path: '/v1/audit/export', query: { ...query } }),
    /** `GET /v1/audit/verify`: re-checks the whole chain and its signed checkpoints; `firstBad` names the first broken record. */
    verify: () => t.json<AuditVerification>({ method: 'GET', path: '/v1/audit/verify' }),
    /** `POST /v1/audit/checkpoints`: signs a checkpoint of the chain head now. */
    checkpoint: () => t.json<{ seq: number }>({ method: 'POST', path: '/v1/audit/checkpoints' }),
  };
}

/** The audit API group. */
export type AuditApi = ReturnType<typeof auditApi>;
