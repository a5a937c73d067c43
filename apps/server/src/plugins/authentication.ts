import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/AppError.ts';
import type { Principal } from '../modules/auth/Principal.ts';
import type { Scope } from '../modules/auth/scopes.ts';
import type { TokenService } from '../modules/auth/tokenService.ts';
import type { PrincipalStatus } from '../modules/auth/principalStatus.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, set for routes that declare `config.auth`. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /**
     * Authentication a route needs: `{ scopes: [...] }` (any one of them suffices), or
     * `{ kinds: [...] }` to restrict who may call. Routes without `auth` are public.
     */
    auth?: { readonly scopes?: readonly Scope[]; readonly kinds?: readonly Principal['kind'][] };
  }
}

/** Reads a Bearer token from the Authorization header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (h === undefined) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? null;
}

/**
 * Verifies the access token of every route that declares `config.auth`, before rate limiting
 * and handlers run; sets `request.principal`.
 */
export function installAuthentication(app: FastifyInstance, tokens: TokenService, status?: PrincipalStatus): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return;
    const token = bearerToken(request);
    if (token === null) throw new AppError('UNAUTHENTICATED', 'This endpoint needs an access token: send "Authorization: Bearer <token>".');
    const result = await tokens.verify(token);
    if (!result.ok) throw new AppError(result.reason, tokenMessage[result.reason]);
    const p = result.principal;
    if (status !== undefined && !(await status.isActive(p))) throw new AppError('TOKEN_REVOKED', revokedMessage[p.kind]);
    if (auth.kinds && !auth.kinds.includes(p.kind)) throw new AppError('FORBIDDEN', `This endpoint is not for ${p.kind} tokens.`);
    if (auth.scopes && auth.scopes.length > 0 && !auth.scopes.some((s) => p.scopes.has(s))) {
      throw new AppError('INSUFFICIENT_SCOPE', `This endpoint needs one of the scopes: ${auth.scopes.join(', ')}.`, { details: { required: [...auth.scopes] } });
    }
    request.principal = p;
  });
}

const revokedMessage = {
  client: 'The API client of this access token has been disabled.',
  operator: 'The operator of this access token has been disabled.',
  subject: 'The person of this access token no longer exists (their data was erased).',
} as const satisfies Record<Principal['kind'], string>;

const tokenMessage = {
  TOKEN_MALFORMED: 'The access token is not a well-formed JWT.',
  TOKEN_ALG_NOT_ALLOWED: 'The access token uses an algorithm this server does not accept (only EdDSA).',
  TOKEN_UNKNOWN_KEY: 'The access token was signed by a key this server does not know.',
  TOKEN_BAD_SIGNATURE: 'The access token signature is invalid.',
  TOKEN_EXPIRED: 'The access token has expired; get a new one.',
  TOKEN_CLAIMS_INVALID: 'The access token claims (issuer, audience or contents) are not valid here.',
} as const;

/** The principal of an authenticated route; throws UNAUTHENTICATED if the route forgot `config.auth`. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new AppError('UNAUTHENTICATED', 'This endpoint needs an access token.');
  return request.principal;
}
