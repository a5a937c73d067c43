import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { subjectIdParams } from '../subjects/schema.ts';
import {
  authenticationOptionsBody,
  authenticationVerifyBody,
  creationOptions,
  passkeyIdParams,
  passkeyView,
  registrationOptionsBody,
  registrationVerifyBody,
  renameBody,
  requestOptions,
  sessionTokens,
  subjectPasskeyParams,
} from './schema.ts';
import { toPasskeyView } from './toPasskeyView.ts';

const SELF = { auth: { scopes: ['self'], kinds: ['subject'] } } as const;
const bearer = [{ bearer: [] }];
const passkeyList = z.object({ items: z.array(passkeyView) });
const CEREMONY_ERRORS = errorResponses(400, 401, 403, 404, 409);

/**
 * Passkeys. A person manages their own under `/v1/me/passkeys` with their session token (scope
 * `self`); the bank's back end can do the same for a subject under `/v1/subjects/{id}/passkeys`;
 * sign-in (`/v1/passkeys/authentication/*`) is public and issues session tokens.
 */
export function passkeyRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['passkeys'];

    app.post(
      '/v1/me/passkeys/registration/options',
      { config: SELF, schema: { tags, summary: 'Start registering a passkey (options for navigator.credentials.create)', security: bearer, body: registrationOptionsBody, response: { 200: creationOptions, ...CEREMONY_ERRORS } } },
      async (request) => {
        const p = principalOf(request);
        return services.passkeys.registrationOptions(p.tenantId, p.id, { payment: request.body.payment });
      },
    );

    app.post(
      '/v1/me/passkeys/registration/verify',
      { config: SELF, schema: { tags, summary: 'Finish registering a passkey', security: bearer, body: registrationVerifyBody, response: { 201: passkeyView, ...CEREMONY_ERRORS } } },
      async (request, reply) => {
        const p = principalOf(request);
        const c = await services.passkeys.verifyRegistration(p.tenantId, p.id, { response: request.body.credential, name: request.body.name }, { type: 'subject', id: p.id });
        return reply.status(201).send(toPasskeyView(c));
      },
    );

    app.get(
      '/v1/me/passkeys',
      { config: SELF, schema: { tags, summary: 'List my passkeys', security: bearer, response: { 200: passkeyList, ...errorResponses(401, 403) } } },
      async (request) => {
        const p = principalOf(request);
        return { items: (await services.passkeys.list(p.tenantId, p.id)).map(toPasskeyView) };
      },
    );

    app.patch(
      '/v1/me/passkeys/:passkeyId',
      { config: SELF, schema: { tags, summary: 'Rename one of my passkeys', security: bearer, params: passkeyIdParams, body: renameBody, response: { 200: passkeyView, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => {
        const p = principalOf(request);
        return toPasskeyView(await services.passkeys.rename(p.tenantId, p.id, request.params.passkeyId, request.body.name, { type: 'subject', id: p.id }));
      },
    );

    app.delete(
      '/v1/me/passkeys/:passkeyId',
      { config: SELF, schema: { tags, summary: 'Revoke one of my passkeys', security: bearer, params: passkeyIdParams, response: { 200: passkeyView, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => {
        const p = principalOf(request);
        return toPasskeyView(await services.passkeys.revoke(p.tenantId, p.id, request.params.passkeyId, { type: 'subject', id: p.id }));
      },
    );

    app.post(
      '/v1/subjects/:subjectId/passkeys/registration/options',
      {
        config: { auth: { scopes: ['passkeys:write'], kinds: ['client'] } },
        schema: { tags, summary: "Start registering a passkey for a subject (the bank's back end relays the ceremony)", security: bearer, params: subjectIdParams, body: registrationOptionsBody, response: { 200: creationOptions, ...CEREMONY_ERRORS } },
      },
      async (request) => services.passkeys.registrationOptions(principalOf(request).tenantId, request.params.subjectId, { payment: request.body.payment }),
    );

    app.post(
      '/v1/subjects/:subjectId/passkeys/registration/verify',
      {
        config: { auth: { scopes: ['passkeys:write'], kinds: ['client'] } },
        schema: { tags, summary: 'Finish registering a passkey for a subject', security: bearer, params: subjectIdParams, body: registrationVerifyBody, response: { 201: passkeyView, ...CEREMONY_ERRORS } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const c = await services.passkeys.verifyRegistration(p.tenantId, request.params.subjectId, { response: request.body.credential, name: request.body.name }, { type: 'client', id: p.id });
        return reply.status(201).send(toPasskeyView(c));
      },
    );

    app.get(
      '/v1/subjects/:subjectId/passkeys',
      {
        config: { auth: { scopes: ['passkeys:read'], kinds: ['client'] } },
        schema: { tags, summary: "A subject's passkeys, revoked ones included", security: bearer, params: subjectIdParams, response: { 200: passkeyList, ...errorResponses(400, 401, 403) } },
      },
      async (request) => ({ items: (await services.passkeys.list(principalOf(request).tenantId, request.params.subjectId, true)).map(toPasskeyView) }),
    );

    app.delete(
      '/v1/subjects/:subjectId/passkeys/:passkeyId',
      {
        config: { auth: { scopes: ['passkeys:write'], kinds: ['client'] } },
        schema: { tags, summary: "Revoke a subject's passkey", security: bearer, params: subjectPasskeyParams, response: { 200: passkeyView, ...errorResponses(400, 401, 403, 404) } },
      },
      async (request) => {
        const p = principalOf(request);
        return toPasskeyView(await services.passkeys.revoke(p.tenantId, request.params.subjectId, request.params.passkeyId, { type: 'client', id: p.id }));
      },
    );

    app.post(
      '/v1/passkeys/authentication/options',
      {
        schema: {
          tags,
          summary: 'Start a passkey sign-in (options for navigator.credentials.get)',
          description: 'Public. Without subjectId, allowCredentials is empty: the browser offers its discoverable passkeys for the RP ID (username-less sign-in).',
          body: authenticationOptionsBody,
          response: { 200: requestOptions, ...errorResponses(400, 404, 409) },
        },
      },
      async (request) => services.passkeys.authenticationOptions(request.body.tenantId, request.body.subjectId),
    );

    app.post(
      '/v1/passkeys/authentication/verify',
      {
        schema: {
          tags,
          summary: 'Finish a passkey sign-in: session tokens for the subject the passkey belongs to',
          body: authenticationVerifyBody,
          response: { 200: sessionTokens, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const { subjectId, credential } = await services.passkeys.verifyAuthentication(request.body.tenantId, request.body.credential);
        const t = await services.sessions.start({ kind: 'subject', tenantId: request.body.tenantId, id: subjectId, scopes: new Set(['self'] as const) });
        return { access_token: t.accessToken, refresh_token: t.refreshToken, token_type: 'Bearer' as const, expires_in: t.expiresIn, scope: t.scope, subject_id: subjectId, passkey_id: credential.id };
      },
    );
  };
}
