import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SigningKeyService } from './signingKeyService.ts';

const jwk = z.object({ kty: z.string(), crv: z.string().optional(), x: z.string().optional(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional() });

/** `GET /.well-known/jwks.json`: the public keys that verify tokens, approval artefacts and liveness results. */
export function keysRoutes({ keys }: { keys: SigningKeyService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/.well-known/jwks.json',
      { schema: { tags: ['keys'], summary: 'Public signing keys (JWK Set)', response: { 200: z.object({ keys: z.array(jwk) }) } } },
      async (_req, reply) => {
        void reply.header('cache-control', 'public, max-age=300');
        return { keys: keys.ring.jwks().keys.map((k) => ({ kty: String(k.kty), crv: k.crv, x: k.x, kid: k.kid, alg: k.alg, use: k.use })) };
      },
    );
  };
}
