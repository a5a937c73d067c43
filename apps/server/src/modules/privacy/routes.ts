import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { AppError } from '../../errors/AppError.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import type { Principal } from '../auth/Principal.ts';
import type { Consent } from './consentService.ts';
import type { SubjectExport } from './privacyService.ts';

const subjectParams = z.object({ subjectId: z.uuid() }).strict();
const purpose = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/).describe('What the consent covers, e.g. "face"');
const consentView = z.object({ id: z.uuid(), purpose: z.string(), noticeVersion: z.string(), grantedAt: z.string(), withdrawnAt: z.string().nullable(), actorType: z.string(), actorId: z.string().nullable() }).meta({ id: 'Consent' });
const exportView = z
  .object({
    exportedAt: z.string(),
    subject: z.object({ id: z.string(), externalId: z.string(), displayName: z.string().nullable(), createdAt: z.string() }),
    consents: z.array(z.record(z.string(), z.unknown())),
    data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).describe('Per source (face_templates, passkey_credentials, …): metadata rows, never templates'),
    subjectKey: z.object({ keyId: z.string() }).nullable(),
    audit: z.array(z.record(z.string(), z.unknown())).describe('Audit entries about the subject (by pseudonym)'),
  })
  .meta({ id: 'SubjectExport' });
const erasureView = z.object({ erased: z.record(z.string(), z.number().int()), keyDestroyed: z.boolean() }).meta({ id: 'ErasureReceipt' });

const toConsentView = (c: Consent) => ({ ...c, grantedAt: c.grantedAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null });
const toExportView = (e: SubjectExport) => ({ ...e, consents: [...e.consents], data: Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, [...v]])), audit: e.audit.map((r) => ({ ...r })) });
const actor = (p: Principal) => ({ type: p.kind, id: p.id });

/** Subject consent, export, erasure; and a person's own export with their session. */
export function privacyRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const write = { auth: { scopes: ['privacy:write'], kinds: ['client', 'operator'] } } as const;
    const read = { auth: { scopes: ['privacy:read'], kinds: ['client', 'operator'] } } as const;
    const existing = async (p: Principal, subjectId: string) => (await services.subjects.get(p.tenantId, subjectId)).id;

    app.post(
      '/v1/subjects/:subjectId/consents',
      {
        config: { auth: { scopes: ['privacy:write', 'self'], kinds: ['client', 'operator', 'subject'] } },
        schema: {
          tags: ['privacy'],
          summary: 'Record consent (the bank, an operator, or the person with their own session)',
          security: [{ bearer: [] }],
          params: subjectParams,
          body: z.object({ purpose, noticeVersion: z.string().min(1).max(100).describe('Version or hash of the notice the person saw') }).strict(),
          response: { 201: consentView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        if (p.kind === 'subject' && p.id !== request.params.subjectId) throw new AppError('FORBIDDEN', 'A person can only record their own consent.');
        const id = await existing(p, request.params.subjectId);
        return reply.status(201).send(toConsentView(await services.consent.grant(p.tenantId, id, request.body, actor(p))));
      },
    );

    app.get(
      '/v1/subjects/:subjectId/consents',
      { config: read, schema: { tags: ['privacy'], summary: "A subject's consent records", security: [{ bearer: [] }], params: subjectParams, response: { 200: z.object({ items: z.array(consentView) }), ...errorResponses(401, 403, 404) } } },
      async (request) => {
        const p = principalOf(request);
        return { items: (await services.consent.list(p.tenantId, await existing(p, request.params.subjectId))).map(toConsentView) };
      },
    );

    app.delete(
      '/v1/subjects/:subjectId/consents/:purpose',
      {
        config: { auth: { scopes: ['privacy:write', 'self'], kinds: ['client', 'operator', 'subject'] } },
        schema: {
          tags: ['privacy'],
          summary: "Withdraw consent; that modality's biometric data is erased at once",
          security: [{ bearer: [] }],
          params: z.object({ subjectId: z.uuid(), purpose }).strict(),
          response: { 200: z.object({ withdrawn: z.boolean(), erased: z.record(z.string(), z.number().int()) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        if (p.kind === 'subject' && p.id !== request.params.subjectId) throw new AppError('FORBIDDEN', 'A person can only withdraw their own consent.');
        return services.consent.withdraw(p.tenantId, await existing(p, request.params.subjectId), request.params.purpose, actor(p));
      },
    );

    app.get(
      '/v1/subjects/:subjectId/export',
      { config: read, schema: { tags: ['privacy'], summary: 'Everything held about a subject (JSON; metadata, never templates)', security: [{ bearer: [] }], params: subjectParams, response: { 200: exportView, ...errorResponses(401, 403, 404) } } },
      async (request) => {
        const p = principalOf(request);
        return toExportView(await services.privacy.export(p.tenantId, request.params.subjectId, actor(p)));
      },
    );

    app.get(
      '/v1/me/export',
      { config: { auth: { scopes: ['self'], kinds: ['subject'] } }, schema: { tags: ['privacy'], summary: 'My data: everything held about me', security: [{ bearer: [] }], response: { 200: exportView, ...errorResponses(401, 403, 404) } } },
      async (request) => {
        const p = principalOf(request);
        return toExportView(await services.privacy.export(p.tenantId, p.id, actor(p)));
      },
    );

    app.post(
      '/v1/subjects/:subjectId/erasure',
      {
        config: write,
        schema: {
          tags: ['privacy'],
          summary: 'Erase a subject everywhere (all modalities, passkeys, sessions, transactions) and destroy their key',
          security: [{ bearer: [] }],
          params: subjectParams,
          response: { 200: erasureView, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const erased = await services.privacy.erase(p.tenantId, request.params.subjectId, actor(p));
        services.principalStatus.forget('subject', p.tenantId, request.params.subjectId);
        return erased;
      },
    );
  };
}
