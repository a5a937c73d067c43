import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/createServices.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import { approvalChallengeView, approvalResult, approveBody, artifactVerification, createTransactionBody, transactionIdParams, transactionView, verifyArtifactBody } from './schema.ts';
import { toTransactionView } from './toTransactionView.ts';

const bearer = [{ bearer: [] }];
const SELF = { auth: { scopes: ['self'], kinds: ['subject'] } } as const;

/**
 * Payment approval. The bank's back end creates and cancels transactions and verifies artefacts
 * (client tokens); the person fetches, approves or declines with their session token (scope `self`).
 */
export function transactionRoutes({ services }: { services: Services }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['transactions'];

    app.post(
      '/v1/transactions',
      {
        config: { auth: { scopes: ['transactions:write'], kinds: ['client'] } },
        schema: { tags, summary: 'Create a payment to be approved by a subject', security: bearer, body: createTransactionBody, response: { 201: transactionView, ...errorResponses(400, 401, 403, 404) } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const t = await services.transactions.create(p.tenantId, request.body, { type: 'client', id: p.id });
        return reply.status(201).send(toTransactionView(t));
      },
    );

    app.get(
      '/v1/transactions/:transactionId',
      {
        config: { auth: { scopes: ['transactions:read', 'self'], kinds: ['client', 'subject'] } },
        schema: { tags, summary: 'Get a transaction (the bank, or the subject it is for)', security: bearer, params: transactionIdParams, response: { 200: transactionView, ...errorResponses(400, 401, 403, 404) } },
      },
      async (request) => {
        const p = principalOf(request);
        return toTransactionView(await services.transactions.get(p.tenantId, request.params.transactionId, p.kind === 'subject' ? p.id : undefined));
      },
    );

    app.post(
      '/v1/transactions/:transactionId/challenge',
      {
        config: SELF,
        schema: {
          tags,
          summary: 'Get the approval challenge (WebAuthn options bound to amount and payee)',
          description: 'The challenge is base64url(SHA-256(hashInput)), hashInput being the canonical JSON of {v, id, amount, currency, payee, reference, nonce}. Each call replaces the previous challenge of this transaction; it is valid 5 minutes and single-use.',
          security: bearer,
          params: transactionIdParams,
          response: { 200: approvalChallengeView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const c = await services.transactions.challenge(p.tenantId, request.params.transactionId, p.id);
        const timeout = c.publicKey.timeout ?? 60_000;
        return {
          transaction: toTransactionView(c.transaction),
          publicKey: c.publicKey,
          dynamicLinking: { algorithm: 'SHA-256' as const, nonce: c.nonce, hashInput: c.hashInput },
          securePaymentConfirmation: { rpId: c.rpId, credentialIds: [...c.credentialIds], challenge: c.publicKey.challenge, payeeName: c.transaction.payee.name, total: { currency: c.transaction.currency, value: c.transaction.amount }, timeout },
        };
      },
    );

    app.post(
      '/v1/transactions/:transactionId/approve',
      {
        config: SELF,
        schema: {
          tags,
          summary: 'Approve with a passkey assertion (navigator.credentials.get or Secure Payment Confirmation) and any other required factor',
          security: bearer,
          params: transactionIdParams,
          body: approveBody,
          response: { 200: approvalResult, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const r = await services.transactions.approve(p.tenantId, request.params.transactionId, p.id, request.body);
        return { transaction: toTransactionView(r.transaction), artifact: r.artifact };
      },
    );

    app.post(
      '/v1/transactions/:transactionId/decline',
      { config: SELF, schema: { tags, summary: 'Decline a transaction', security: bearer, params: transactionIdParams, response: { 200: transactionView, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => {
        const p = principalOf(request);
        return toTransactionView(await services.transactions.decline(p.tenantId, request.params.transactionId, p.id));
      },
    );

    app.post(
      '/v1/transactions/:transactionId/cancel',
      {
        config: { auth: { scopes: ['transactions:write'], kinds: ['client'] } },
        schema: { tags, summary: 'Cancel a pending transaction (the bank)', security: bearer, params: transactionIdParams, response: { 200: transactionView, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async (request) => {
        const p = principalOf(request);
        return toTransactionView(await services.transactions.cancel(p.tenantId, request.params.transactionId, { type: 'client', id: p.id }));
      },
    );

    app.post(
      '/v1/transactions/:transactionId/artifact/verify',
      {
        config: { auth: { scopes: ['transactions:read'], kinds: ['client'] } },
        schema: {
          tags,
          summary: 'Verify an approval artefact (signature with the JWKS, claims against the stored transaction)',
          description: 'A refused artefact is a 200 answer with valid=false and a reason. Banks can verify offline with /.well-known/jwks.json: EdDSA, typ authloop-approval+jwt, audience <issuer>/approvals.',
          security: bearer,
          params: transactionIdParams,
          body: verifyArtifactBody,
          response: { 200: artifactVerification, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { verification: v, status } = await services.transactions.verifyArtifact(p.tenantId, request.params.transactionId, request.body.artifact);
        return v.valid ? { valid: true, kid: v.kid, transactionStatus: status, claims: { ...v.claims } } : { valid: false, reason: v.reason, transactionStatus: status };
      },
    );
  };
}
