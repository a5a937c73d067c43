import { randomUUID } from 'node:crypto';
import type { TokenFailure } from '@authloop/crypto';
import type { Clock } from '../../app/Clock.ts';
import type { SigningKeyService } from '../keys/signingKeyService.ts';
import type { Principal } from './Principal.ts';
import type { Scope } from './scopes.ts';

export type AccessTokenResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: TokenFailure };

const CACHE_LIMIT = 10_000;

/**
 * Issues and verifies EdDSA access tokens. Claims: `sub` (principal id), `tid` (tenant), `knd`
 * (client | subject | operator), `scope` (space-separated), `jti`, `exp`. Verified tokens are cached
 * until they expire, so a hot client does not pay for a signature check on every request.
 */
export function tokenService({ keys, clock, issuer, ttlS }: { keys: SigningKeyService; clock: Clock; issuer: string; ttlS: number }) {
  const audience = `${issuer}/api`;
  const cache = new Map<string, { principal: Principal; expMs: number }>();

  async function verifyUncached(token: string): Promise<AccessTokenResult> {
    let result = await keys.ring.verify(token, { issuer, audience, now: clock.now() });
    if (!result.valid && result.reason === 'TOKEN_UNKNOWN_KEY' && (await keys.reloadIfStale())) {
      result = await keys.ring.verify(token, { issuer, audience, now: clock.now() });
    }
    if (!result.valid) return { ok: false, reason: result.reason };
    const p = result.payload;
    const kind = p['knd'];
    const tid = p['tid'];
    const scope = p['scope'];
    if (typeof p.sub !== 'string' || typeof tid !== 'string' || typeof scope !== 'string' || typeof p.jti !== 'string' || typeof p.exp !== 'number' || (kind !== 'client' && kind !== 'subject' && kind !== 'operator')) {
      return { ok: false, reason: 'TOKEN_CLAIMS_INVALID' };
    }
    const principal: Principal = { kind, tenantId: tid, id: p.sub, scopes: new Set(scope.split(' ').filter(Boolean) as Scope[]), tokenId: p.jti };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, { principal, expMs: p.exp * 1000 });
    return { ok: true, principal };
  }

  return {
    /** Signs an access token for `principal` (its `tokenId` is ignored; a fresh `jti` is made). */
    async issue(principal: Omit<Principal, 'tokenId'>): Promise<{ accessToken: string; expiresIn: number; tokenId: string }> {
      const jti = randomUUID();
      const accessToken = await keys.ring.sign(
        { sub: principal.id, tid: principal.tenantId, knd: principal.kind, scope: [...principal.scopes].join(' '), jti },
        { issuer, audience, expiresInS: ttlS, typ: 'at+jwt', now: clock.now() },
      );
      return { accessToken, expiresIn: ttlS, tokenId: jti };
    },
    /** Verifies a bearer token; a refusal is a result with a distinct reason. */
    async verify(token: string): Promise<AccessTokenResult> {
      const hit = cache.get(token);
      if (hit !== undefined) {
        if (hit.expMs > clock.now().getTime()) return { ok: true, principal: hit.principal };
        cache.delete(token);
        return { ok: false, reason: 'TOKEN_EXPIRED' };
      }
      return verifyUncached(token);
    },
    audience,
  };
}

export type TokenService = ReturnType<typeof tokenService>;
