import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { AppError } from '../../errors/AppError.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { createSubjectBody, listSubjectsQuery, subjectIdParams, subjectView, toSubjectView } from './schema.ts';

const tokenPair = z
  .object({ access_token: z.string(), refresh_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int(), scope: z.string() })
  .meta({ id: 'SessionTokens' });

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (id === undefined || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('INVALID_FIELD', 'cursor is not a cursor this API returned.');
  return { createdAt, id };
}

/** Subjects: the people a tenant authenticates. */
export function subjectRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/subjects',
      {
        config: { auth: { scopes: ['subjects:write'], kinds: ['client', 'operator'] } },
        schema: { tags: ['subjects'], summary: 'Create a subject', security: [{ bearer: [] }], body: createSubjectBody, response: { 201: subjectView, ...errorResponses(400, 401, 403, 409) } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const subject = await services.subjects.create(p.tenantId, request.body, { type: p.kind, id: p.id });
        return reply.status(201).send(toSubjectView(subject));
      },
    );

    app.get(
      '/v1/subjects',
      {
        config: { auth: { scopes: ['subjects:read'], kinds: ['client', 'operator'] } },
        schema: {
          tags: ['subjects'],
          summary: 'List subjects (newest first), or find one by externalId',
          security: [{ bearer: [] }],
          querystring: listSubjectsQuery,
          response: { 200: z.object({ items: z.array(subjectView), nextCursor: z.string().nullable() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const q = request.query;
        if (q.externalId !== undefined) {
          const s = await services.subjects.getByExternalId(p.tenantId, q.externalId);
          return { items: s === null ? [] : [toSubjectView(s)], nextCursor: null };
        }
        const items = await services.subjects.list(p.tenantId, { limit: q.limit, after: q.cursor === undefined ? undefined : decodeCursor(q.cursor) });
        const last = items.at(-1);
        return { items: items.map(toSubjectView), nextCursor: items.length === q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
      },
    );

    app.get(
      '/v1/subjects/:subjectId',
      {
        config: { auth: { scopes: ['subjects:read'], kinds: ['client', 'operator'] } },
        schema: { tags: ['subjects'], summary: 'Get a subject', security: [{ bearer: [] }], params: subjectIdParams, response: { 200: subjectView, ...errorResponses(400, 401, 403, 404) } },
      },
      async (request) => toSubjectView(await services.subjects.get(principalOf(request).tenantId, request.params.subjectId)),
    );

    app.post(
      '/v1/subjects/:subjectId/sessions',
      {
        config: { auth: { scopes: ['sessions:write'], kinds: ['client'] } },
        schema: {
          tags: ['sessions'],
          summary: "Start a session for a subject the bank has authenticated (tokens for the person's device)",
          security: [{ bearer: [] }],
          params: subjectIdParams,
          response: { 201: tokenPair, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const subject = await services.subjects.get(p.tenantId, request.params.subjectId);
        const t = await services.sessions.start({ kind: 'subject', tenantId: p.tenantId, id: subject.id, scopes: new Set(['self'] as const) });
        return reply.status(201).send({ access_token: t.accessToken, refresh_token: t.refreshToken, token_type: 'Bearer' as const, expires_in: t.expiresIn, scope: t.scope });
      },
    );
  };
}
