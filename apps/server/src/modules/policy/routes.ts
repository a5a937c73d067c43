import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { policySchema } from './policySchema.ts';
import { decisionBody, decisionView, subjectParams } from './schema.ts';

const policyView = z.object({ version: z.number().int(), policy: policySchema }).meta({ id: 'TenantPolicyVersion' });

/** Tenant policy (versioned), risk decisions, and re-enabling locked factors. */
export function policyRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/policy',
      { config: { auth: { scopes: ['policy:read'], kinds: ['client', 'operator'] } }, schema: { tags: ['policy'], summary: "The tenant's current policy", security: [{ bearer: [] }], response: { 200: policyView, ...errorResponses(401, 403) } } },
      async (request) => services.policy.get(principalOf(request).tenantId),
    );

    app.put(
      '/v1/policy',
      {
        config: { auth: { scopes: ['policy:write'], kinds: ['client', 'operator'] } },
        schema: { tags: ['policy'], summary: 'Replace the policy (stored as a new version, audited)', security: [{ bearer: [] }], body: policySchema, response: { 200: policyView, ...errorResponses(400, 401, 403) } },
      },
      async (request) => {
        const p = principalOf(request);
        return services.policy.set(p.tenantId, request.body, { type: p.kind, id: p.id });
      },
    );

    app.get(
      '/v1/policy/versions',
      {
        config: { auth: { scopes: ['policy:read'], kinds: ['client', 'operator'] } },
        schema: {
          tags: ['policy'],
          summary: 'Every stored policy version, newest first',
          security: [{ bearer: [] }],
          response: { 200: z.object({ items: z.array(z.object({ version: z.number().int(), createdAt: z.string(), actorType: z.string(), actorId: z.string().nullable(), policy: z.unknown() })) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ items: (await services.policy.versions(principalOf(request).tenantId)).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) }),
    );

    app.post(
      '/v1/subjects/:subjectId/decisions',
      {
        config: { auth: { scopes: ['policy:read'], kinds: ['client'] } },
        schema: {
          tags: ['policy'],
          summary: 'What an attempt needs: risk score from stored signals, then the policy rule that applies',
          security: [{ bearer: [] }],
          params: subjectParams,
          body: decisionBody,
          response: { 200: decisionView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const subject = await services.subjects.get(p.tenantId, request.params.subjectId);
        const b = request.body;
        const risk = await services.risk.assess({ tenantId: p.tenantId, subjectId: subject.id, ip: b.ip, deviceId: b.deviceId });
        const d = await services.policy.decide(p.tenantId, { action: b.action, amountMinor: b.amountMinor, currency: b.currency, risk });
        return { ...d, factors: [...d.factors], riskLevel: risk.level, reasons: [...risk.reasons], signals: { ...d.signals } };
      },
    );

    app.get(
      '/v1/subjects/:subjectId/locks',
      {
        config: { auth: { scopes: ['subjects:read'], kinds: ['client', 'operator'] } },
        schema: {
          tags: ['policy'],
          summary: "A subject's locked factors",
          security: [{ bearer: [] }],
          params: subjectParams,
          response: { 200: z.object({ items: z.array(z.object({ factor: z.string(), lockedAt: z.string(), lockedUntil: z.string().nullable() })) }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const subject = await services.subjects.get(p.tenantId, request.params.subjectId);
        const locks = await services.risk.locks(p.tenantId, subject.id);
        return { items: locks.map((l) => ({ factor: l.factor, lockedAt: l.lockedAt.toISOString(), lockedUntil: l.lockedUntil?.toISOString() ?? null })) };
      },
    );

    app.post(
      '/v1/subjects/:subjectId/unlock',
      {
        config: { auth: { scopes: ['subjects:unlock'], kinds: ['client', 'operator'] } },
        schema: {
          tags: ['policy'],
          summary: "Re-enable a subject's locked factor (or all of them)",
          security: [{ bearer: [] }],
          params: subjectParams,
          body: z.object({ factor: z.string().min(1).max(40).optional() }).strict().optional(),
          response: { 200: z.object({ unlocked: z.array(z.string()) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const subject = await services.subjects.get(p.tenantId, request.params.subjectId);
        return { unlocked: await services.risk.unlock(p.tenantId, subject.id, request.body?.factor ?? null, { type: p.kind, id: p.id }) };
      },
    );
  };
}
