import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import type { AuditFilter, StoredAuditRecord } from './auditRepository.ts';
import { AUDIT_CSV_HEADER, formatAuditCsv } from './formatAuditCsv.ts';
import { auditExportQuery, auditQuery, auditRecordView, toAuditRecordView, verificationView } from './schema.ts';

type FilterInput = { from?: string | undefined; to?: string | undefined; subject?: string | undefined; subjectId?: string | undefined; action?: string | undefined; outcome?: string | undefined };

function toFilter(q: FilterInput): AuditFilter & { subjectId?: string | undefined } {
  return {
    from: q.from === undefined ? undefined : new Date(q.from),
    to: q.to === undefined ? undefined : new Date(q.to),
    subjectRef: q.subject,
    subjectId: q.subjectId,
    action: q.action,
    outcome: q.outcome,
  };
}

/** Audit log for operators and auditors: query, export (JSON lines or CSV), verify, checkpoint. */
export function auditRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { auth: { scopes: ['audit:read'], kinds: ['client', 'operator'] } } as const;

    app.get(
      '/v1/audit/events',
      {
        config: read,
        schema: {
          tags: ['audit'],
          summary: 'Query the audit log (oldest first; page with `after`)',
          security: [{ bearer: [] }],
          querystring: auditQuery,
          response: { 200: z.object({ items: z.array(auditRecordView), nextAfter: z.number().int().nullable() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const q = request.query;
        const items = await services.auditTrail.query(principalOf(request).tenantId, toFilter(q), { afterSeq: q.after, limit: q.limit });
        const last = items.at(-1);
        return { items: items.map(toAuditRecordView), nextAfter: items.length === q.limit && last !== undefined ? last.seq : null };
      },
    );

    app.get(
      '/v1/audit/export',
      {
        config: read,
        schema: {
          tags: ['audit'],
          summary: 'Export the audit log as JSON lines or CSV',
          description: 'Streams every matching record, oldest first, with its hashes so the chain can be re-checked offline. Errors (400, 401, 403) use the common error body.',
          security: [{ bearer: [] }],
          querystring: auditExportQuery,
          produces: ['application/x-ndjson', 'text/csv'],
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const { format, ...filter } = request.query;
        const records = services.auditTrail.scan(p.tenantId, toFilter(filter));
        async function* lines(): AsyncGenerator<string> {
          if (format === 'csv') yield AUDIT_CSV_HEADER;
          for await (const r of records) yield format === 'csv' ? formatAuditCsv(r) : `${JSON.stringify(toAuditRecordView(r satisfies StoredAuditRecord))}\n`;
        }
        void reply.header('content-disposition', `attachment; filename="audit-${p.tenantId}.${format === 'csv' ? 'csv' : 'jsonl'}"`);
        void reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
        return reply.send(Readable.from(lines()));
      },
    );

    app.get(
      '/v1/audit/verify',
      {
        config: read,
        schema: { tags: ['audit'], summary: "Verify this tenant's whole audit chain and its signed checkpoints", security: [{ bearer: [] }], response: { 200: verificationView, ...errorResponses(401, 403) } },
      },
      async (request) => services.auditTrail.verify(principalOf(request).tenantId),
    );

    app.post(
      '/v1/audit/checkpoints',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: { tags: ['audit'], summary: 'Sign a checkpoint of the current chain head now', security: [{ bearer: [] }], response: { 201: z.object({ seq: z.number().int() }), ...errorResponses(401, 403) } },
      },
      async (request, reply) => reply.status(201).send({ seq: await services.auditTrail.checkpoint(principalOf(request).tenantId) }),
    );
  };
}
