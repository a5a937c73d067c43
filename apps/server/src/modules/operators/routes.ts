import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import type { Principal } from '../auth/Principal.ts';
import { PLATFORM_TENANT } from './roles.ts';
import {
  changePasswordBody,
  completeSignInBody,
  createOperatorBody,
  creationOptions,
  operatorIdParams,
  operatorTokens,
  operatorView,
  registerPasskeyBody,
  signInBody,
  signInResponse,
  toAuthenticationJSON,
  toOperatorView,
  toRegistrationJSON,
  toTokenView,
} from './schema.ts';

const operatorTenant = (p: Principal): string | null => (p.tenantId === PLATFORM_TENANT ? null : p.tenantId);
const actor = (p: Principal) => ({ type: p.kind, id: p.id });

/** Operator sign-in (password, then passkey), own account, and tenant operator management. */
export function operatorRoutes({ services, signInRateLimit }: { services: Services; signInRateLimit: { max: number; windowS: number } }): FastifyPluginAsyncZod {
  return async (app) => {
    const self = { auth: { scopes: ['operator:self'], kinds: ['operator'] } } as const;
    const rateLimit = { max: signInRateLimit.max, timeWindow: signInRateLimit.windowS * 1000 };

    app.post(
      '/v1/operators/sign-in',
      {
        config: { rateLimit },
        schema: { tags: ['operators'], summary: 'Operator sign-in, step 1: email and password', body: signInBody, response: { 200: signInResponse, ...errorResponses(400, 401, 423, 429) } },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const r = await services.operators.signIn({ tenantId: request.body.tenantId ?? null, email: request.body.email, password: request.body.password });
        return r.status === 'signed-in' ? { status: r.status, tokens: toTokenView(r.tokens) } : r;
      },
    );

    app.post(
      '/v1/operators/sign-in/passkey',
      {
        config: { rateLimit },
        schema: { tags: ['operators'], summary: 'Operator sign-in, step 2: passkey assertion', body: completeSignInBody, response: { 200: operatorTokens, ...errorResponses(400, 401, 423, 429) } },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return toTokenView(await services.operators.completeSignIn({ mfaToken: request.body.mfaToken, credential: toAuthenticationJSON(request.body.credential) }));
      },
    );

    app.get(
      '/v1/operators/me',
      { config: self, schema: { tags: ['operators'], summary: 'The signed-in operator', security: [{ bearer: [] }], response: { 200: operatorView.extend({ hasPasskey: z.boolean() }), ...errorResponses(401, 403) } } },
      async (request) => {
        const p = principalOf(request);
        const o = await services.operators.get(operatorTenant(p), p.id);
        return { ...toOperatorView(o), hasPasskey: await services.operators.hasPasskey(o.id) };
      },
    );

    app.post(
      '/v1/operators/me/passkeys/options',
      { config: self, schema: { tags: ['operators'], summary: 'Start registering a passkey (second factor)', security: [{ bearer: [] }], response: { 200: z.object({ registrationId: z.string(), publicKey: creationOptions }), ...errorResponses(401, 403) } } },
      async (request) => {
        const p = principalOf(request);
        return services.operators.passkeyOptions(p.id, operatorTenant(p));
      },
    );

    app.post(
      '/v1/operators/me/passkeys',
      { config: self, schema: { tags: ['operators'], summary: 'Finish registering a passkey', security: [{ bearer: [] }], body: registerPasskeyBody, response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403) } } },
      async (request, reply) => {
        const p = principalOf(request);
        return reply.status(201).send(await services.operators.registerPasskey(p.id, operatorTenant(p), request.body.registrationId, toRegistrationJSON(request.body.credential)));
      },
    );

    app.post(
      '/v1/operators/me/password',
      { config: self, schema: { tags: ['operators'], summary: 'Change own password', security: [{ bearer: [] }], body: changePasswordBody, response: { 204: z.null(), ...errorResponses(400, 401, 403) } } },
      async (request, reply) => {
        const p = principalOf(request);
        await services.operators.changePassword(p.id, operatorTenant(p), request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/operators',
      {
        config: { auth: { scopes: ['operators:read'], kinds: ['client', 'operator'] } },
        schema: { tags: ['operators'], summary: "List the tenant's operators", security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(operatorView) }), ...errorResponses(401, 403) } },
      },
      async (request) => ({ items: (await services.operators.list(principalOf(request).tenantId)).map(toOperatorView) }),
    );

    app.post(
      '/v1/operators',
      {
        config: { auth: { scopes: ['operators:write'], kinds: ['client', 'operator'] } },
        schema: { tags: ['operators'], summary: 'Create an operator (admin, operator or auditor) in this tenant', security: [{ bearer: [] }], body: createOperatorBody, response: { 201: operatorView, ...errorResponses(400, 401, 403, 409) } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const o = await services.operators.create({ tenantId: p.tenantId, email: request.body.email, role: request.body.role, password: request.body.password }, actor(p));
        return reply.status(201).send(toOperatorView(o));
      },
    );

    app.post(
      '/v1/operators/:operatorId/disable',
      {
        config: { auth: { scopes: ['operators:write'], kinds: ['client', 'operator'] } },
        schema: { tags: ['operators'], summary: 'Disable an operator and revoke their sessions', security: [{ bearer: [] }], params: operatorIdParams, response: { 204: z.null(), ...errorResponses(401, 403, 404) } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        await services.operators.disable(p.tenantId, request.params.operatorId, actor(p));
        services.principalStatus.forget('operator', p.tenantId, request.params.operatorId);
        return reply.status(204).send(null);
      },
    );
  };
}
