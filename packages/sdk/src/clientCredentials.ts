import { createTransport } from './Transport.ts';
import type { TokenProvider } from './Transport.ts';
import type { TokenResponse } from './serverTypes.ts';

/**
 * A {@link TokenProvider} for a tenant's back end: OAuth 2.0 client credentials (HTTP Basic), cached
 * until `refreshMarginS` seconds (default 30) before expiry. Keep client secrets on servers; a browser
 * should only hold a subject's session tokens.
 */
export function clientCredentials({ clientId, clientSecret, scope, baseUrl = '', fetch: fetchImpl, refreshMarginS = 30, now = () => Date.now() }: {
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes; default every scope the client holds. */
  scope?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  refreshMarginS?: number;
  /** Clock in epoch milliseconds, for tests. */
  now?: () => number;
}): TokenProvider {
  const transport = createTransport({ baseUrl, ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }) });
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const basic = btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
  async function fetchToken(): Promise<string> {
    const t = await transport.json<TokenResponse>({
      method: 'POST',
      path: '/oauth/token',
      auth: false,
      headers: { authorization: `Basic ${basic}` },
      form: { grant_type: 'client_credentials', scope },
    });
    cached = { token: t.access_token, expiresAt: now() + (t.expires_in - refreshMarginS) * 1000 };
    return t.access_token;
  }
  return {
    async token() {
      if (cached !== undefined && now() < cached.expiresAt) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
