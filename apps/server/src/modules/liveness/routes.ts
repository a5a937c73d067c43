import { meshToObj } from '@authloop/engine/liveness';
import type { LivenessAnalyzerPool } from '@authloop/engine/liveness';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { AppError } from '../../errors/AppError.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { bearerToken, principalOf } from '../../plugins/authentication.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { createStreamRuntime } from './createStreamRuntime.ts';
import { livenessSettingsSchema } from './livenessSettings.ts';
import type { LivenessSessionRow } from './livenessRepository.ts';
import { toSessionView } from './sessionView.ts';
import { isStreamSocket, messageBytes } from './streamSocket.ts';
import { clientMessage, createdSessionView, createSessionBody, meshView, sessionIdParams, sessionView, streamQuery } from './schema.ts';

const streamPath = (id: string): string => `/v1/liveness/sessions/${id}/stream`;

/** Active liveness: sessions, their WebSocket stream, results and the best frame's mesh. */
export function livenessRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  const service = services.liveness;
  const opened = new WeakMap<FastifyRequest, { session: LivenessSessionRow; actor: AuditActor; analyzer: LivenessAnalyzerPool }>();

  return async (app) => {
    app.post(
      '/v1/liveness/sessions',
      {
        config: { auth: { scopes: ['liveness:write', 'self'], kinds: ['client', 'subject'] } },
        schema: {
          tags: ['liveness'], summary: 'Start an active liveness session (random challenges, 3-minute expiry, single-use stream ticket)', security: [{ bearer: [] }],
          body: createSessionBody, response: { 201: createdSessionView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        if (p.kind === 'subject' && request.body.subjectId !== undefined && request.body.subjectId !== p.id) throw new AppError('FORBIDDEN', 'A subject may start liveness sessions only for itself.');
        const subjectId = p.kind === 'subject' ? p.id : request.body.subjectId;
        const { session, ticket } = await service.create(p.tenantId, { type: p.kind, id: p.id }, { subjectId, challengeTypes: request.body.challengeTypes, count: request.body.count });
        return reply.status(201).send({ ...toSessionView(session, services.liveness.clock.now()), streamTicket: ticket, streamUrl: streamPath(session.id) });
      },
    );

    app.get(
      '/v1/liveness/settings',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: { tags: ['liveness'], summary: "The tenant's liveness settings: challenge types a session draws from and how many", security: [{ bearer: [] }], response: { 200: livenessSettingsSchema, ...errorResponses(401, 403) } },
      },
      async (request) => service.settings(principalOf(request).tenantId),
    );

    app.put(
      '/v1/liveness/settings',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: {
          tags: ['liveness'], summary: "Replace the tenant's liveness settings (omitted fields take their defaults)", security: [{ bearer: [] }],
          description: 'Sessions draw minCount..maxCount distinct challenges from challengeTypes (callers may narrow, never widen). Audited as liveness.settings.update.',
          body: livenessSettingsSchema, response: { 200: livenessSettingsSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        return service.updateSettings(p.tenantId, request.body, { type: p.kind, id: p.id });
      },
    );

    app.get(
      '/v1/liveness/sessions/:sessionId',
      {
        config: { auth: { scopes: ['liveness:read', 'liveness:write', 'self'], kinds: ['client', 'operator', 'subject'] } },
        schema: { tags: ['liveness'], summary: 'A liveness session: state and result', security: [{ bearer: [] }], params: sessionIdParams, response: { 200: sessionView, ...errorResponses(400, 401, 403, 404) } },
      },
      async (request) => {
        const p = principalOf(request);
        const s = await service.get(p.tenantId, request.params.sessionId);
        if (p.kind === 'subject' && s.subjectId !== p.id) throw new AppError('LIVENESS_SESSION_NOT_FOUND', `No liveness session ${s.id} in this tenant.`);
        return toSessionView(s, service.clock.now());
      },
    );

    app.get(
      '/v1/liveness/sessions/:sessionId/mesh',
      {
        config: { auth: { scopes: ['liveness:read'], kinds: ['operator', 'client'] } },
        schema: {
          tags: ['liveness'], summary: "The best frame's 3D face mesh (468 points) as JSON, for review", security: [{ bearer: [] }],
          params: sessionIdParams, response: { 200: meshView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const mesh = await service.mesh(principalOf(request).tenantId, request.params.sessionId);
        return { sessionId: request.params.sessionId, points: mesh.length, units: 'frame pixels (x right, y down, z towards the camera negative)' as const, mesh: mesh.map(([x, y, z]): [number, number, number] => [x, y, z]) };
      },
    );

    app.get(
      '/v1/liveness/sessions/:sessionId/mesh.obj',
      {
        config: { auth: { scopes: ['liveness:read'], kinds: ['operator', 'client'] } },
        schema: {
          tags: ['liveness'], summary: "The best frame's 3D face mesh as Wavefront OBJ (vertices), for review in a 3D viewer", security: [{ bearer: [] }],
          params: sessionIdParams, response: { 200: z.string(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const mesh = await service.mesh(principalOf(request).tenantId, request.params.sessionId);
        return reply.type('model/obj; charset=utf-8').send(meshToObj(mesh, `authloop liveness session ${request.params.sessionId}`));
      },
    );

    app.get(
      '/v1/liveness/sessions/:sessionId/stream',
      {
        websocket: true,
        schema: { tags: ['liveness'], summary: 'WebSocket: send JPEG frames, receive challenge status and the result', params: sessionIdParams, querystring: streamQuery },
        preHandler: async (request) => {
          const token = bearerToken(request);
          let session: LivenessSessionRow;
          let actor: AuditActor;
          if (token !== null) {
            const verified = await services.tokens.verify(token);
            if (!verified.ok) throw new AppError(verified.reason, 'The access token is not valid.');
            session = await service.authorizeStream(request.params.sessionId, { principal: verified.principal });
            actor = { type: verified.principal.kind, id: verified.principal.id };
          } else if (request.query.ticket !== undefined) {
            session = await service.authorizeStream(request.params.sessionId, { ticket: request.query.ticket });
            actor = { type: session.subjectId === null ? 'system' : 'subject', id: session.subjectId };
          } else {
            throw new AppError('UNAUTHENTICATED', 'Open the stream with "Authorization: Bearer <token>" or "?ticket=<streamTicket>".');
          }
          const analyzer = await service.analyzer();
          await service.start(session);
          opened.set(request, { session, actor, analyzer });
        },
      },
      (raw: unknown, request) => {
        const ctx = opened.get(request);
        if (!isStreamSocket(raw)) throw new Error('@fastify/websocket handed over something that is not a WebSocket');
        const socket = raw;
        if (ctx === undefined) {
          socket.close(1008, 'unauthorised');
          return;
        }
        const runtime = createStreamRuntime({
          service,
          session: ctx.session,
          analyzer: ctx.analyzer,
          actor: ctx.actor,
          send: (m) => {
            if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
          },
          close: () => {
            if (socket.readyState === socket.OPEN) socket.close(1000, 'done');
          },
        });
        socket.on('message', (data, isBinary) => {
          const bytes = messageBytes(data);
          if (isBinary) return runtime.onFrame(bytes);
          const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          let parsed: unknown;
          try {
            parsed = JSON.parse(buf.toString('utf8'));
          } catch {
            socket.send(JSON.stringify({ type: 'error', code: 'INVALID_JSON', message: 'A text message must be JSON.' }));
            return undefined;
          }
          const msg = clientMessage.safeParse(parsed);
          if (!msg.success) {
            socket.send(JSON.stringify({ type: 'error', code: 'VALIDATION_FAILED', message: msg.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') }));
            return undefined;
          }
          switch (msg.data.type) {
            case 'frame':
              return runtime.onFrame(new Uint8Array(Buffer.from(msg.data.data, 'base64')));
            case 'cancel':
              return runtime.onCancel();
            case 'ping':
              socket.send(JSON.stringify({ type: 'pong' }));
              return undefined;
          }
        });
        socket.on('close', () => runtime.onClose());
      },
    );
  };
}
