import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/AppError.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import type { Services } from '../../app/createServices.ts';
import { clientScopes, isClientScope } from './scopes.ts';
import type { ClientScope } from './scopes.ts';

const tokenRequest = z
  .object({
    grant_type: z.string().describe('client_credentials or refresh_token'),
    scope: z.string().optional().describe('Space-separated scopes; default: every scope the client holds'),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    refresh_token: z.string().optional(),
  })
  .strict();

const tokenResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string(),
    refresh_token: z.string().optional(),
  })
  .meta({ id: 'TokenResponse' });

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (header === undefined) return null;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (m?.[1] === undefined) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/**
 * OAuth 2.0 token endpoint (RFC 6749): `client_credentials` for a tenant's back end, `refresh_token`
 * for people's sessions (rotating), and revocation (RFC 7009) as logout. Form-encoded or JSON.
 */
export function oauthRoutes({ services, tokenRateLimit }: { services: Services; tokenRateLimit: { max: number; windowS: number } }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/oauth/token',
      {
        config: { rateLimit: { max: tokenRateLimit.max, timeWindow: tokenRateLimit.windowS * 1000 } },
        schema: {
          tags: ['auth'],
          summary: 'Issue an access token',
          description: 'client_credentials: authenticate with HTTP Basic (client_id:client_secret) or body credentials. refresh_token: exchange and rotate a refresh token; reusing an old one revokes its whole family.',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: tokenRequest,
          response: { 200: tokenResponse, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const body = request.body;
        if (body.grant_type === 'refresh_token') {
          if (body.refresh_token === undefined) throw new AppError('INVALID_GRANT', 'refresh_token is required for grant_type=refresh_token.');
          const t = await services.sessions.refresh(body.refresh_token);
          return { access_token: t.accessToken, token_type: 'Bearer' as const, expires_in: t.expiresIn, scope: t.scope, refresh_token: t.refreshToken };
        }
        if (body.grant_type !== 'client_credentials') throw new AppError('UNSUPPORTED_GRANT_TYPE', `grant_type "${body.grant_type}" is not supported; use client_credentials or refresh_token.`);
        const basic = basicCredentials(request.headers.authorization);
        const id = basic?.id ?? body.client_id;
        const secret = basic?.secret ?? body.client_secret;
        if (id === undefined || secret === undefined) throw new AppError('INVALID_CLIENT', 'Client authentication is required (HTTP Basic or client_id and client_secret).', { headers: { 'www-authenticate': 'Basic realm="authloop"' } });
        const client = await services.clients.authenticate(id, secret);
        if (client === null) throw new AppError('INVALID_CLIENT', 'Client authentication failed.', { headers: { 'www-authenticate': 'Basic realm="authloop"' } });
        let scopes: ClientScope[] = [...client.scopes];
        if (body.scope !== undefined && body.scope.trim() !== '') {
          const asked = body.scope.split(/\s+/).filter(Boolean);
          const bad = asked.filter((s) => !isClientScope(s) || !client.scopes.includes(s));
          if (bad.length > 0) throw new AppError('INVALID_SCOPE', `Scope not granted to this client: ${bad.join(', ')}. Known scopes: ${clientScopes.join(' ')}.`);
          scopes = asked.filter(isClientScope);
        }
        const issued = await services.tokens.issue({ kind: 'client', tenantId: client.tenantId, id: client.id, scopes: new Set(scopes) });
        return { access_token: issued.accessToken, token_type: 'Bearer' as const, expires_in: issued.expiresIn, scope: scopes.join(' ') };
      },
    );

    app.post(
      '/oauth/revoke',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log out: revoke a refresh token and its family (RFC 7009)',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: z.object({ token: z.string().min(1), token_type_hint: z.string().optional() }).strict(),
          response: { 200: z.object({ revoked: z.literal(true) }), ...errorResponses(400) },
        },
      },
      async (request) => {
        await services.sessions.revoke(request.body.token);
        return { revoked: true as const };
      },
    );
  };
}
