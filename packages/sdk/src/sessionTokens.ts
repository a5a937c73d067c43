import { createTransport } from './Transport.ts';
import type { TokenProvider } from './Transport.ts';
import type { TokenResponse } from './serverTypes.ts';

/** A person's session: an access token and its rotating refresh token. */
export interface SessionTokenState {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  readonly expiresAt: number;
}

/** A {@link TokenProvider} that also exposes the session so an app can persist it and log out. */
export interface SessionTokenProvider extends TokenProvider {
  /** The current tokens (they change on every refresh: refresh tokens rotate). */
  current(): SessionTokenState;
  /** Revokes the refresh token family on the server (`POST /oauth/revoke`). */
  logout(): Promise<void>;
}

/**
 * A {@link TokenProvider} for a subject's session. It refreshes the access token with the refresh
 * token (`grant_type=refresh_token`) `refreshMarginS` seconds (default 30) before expiry, and calls
 * `onChange` with the rotated tokens so they can be stored.
 */
export function sessionTokens({ accessToken, refreshToken, expiresIn, baseUrl = '', fetch: fetchImpl, onChange, refreshMarginS = 30, now = () => Date.now() }: {
  accessToken: string;
  refreshToken: string;
  /** Seconds until `accessToken` expires, as the token answer said. */
  expiresIn: number;
  baseUrl?: string;
  fetch?: typeof fetch;
  onChange?: (state: SessionTokenState) => void;
  refreshMarginS?: number;
  now?: () => number;
}): SessionTokenProvider {
  const transport = createTransport({ baseUrl, ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }) });
  let state: SessionTokenState = { accessToken, refreshToken, expiresAt: now() + expiresIn * 1000 };
  let pending: Promise<string> | undefined;
  async function refresh(): Promise<string> {
    const t = await transport.json<TokenResponse>({ method: 'POST', path: '/oauth/token', auth: false, form: { grant_type: 'refresh_token', refresh_token: state.refreshToken } });
    state = { accessToken: t.access_token, refreshToken: t.refresh_token ?? state.refreshToken, expiresAt: now() + t.expires_in * 1000 };
    onChange?.(state);
    return state.accessToken;
  }
  return {
    async token() {
      if (now() < state.expiresAt - refreshMarginS * 1000) return state.accessToken;
      pending ??= refresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      state = { ...state, expiresAt: 0 };
    },
    current: () => state,
    async logout() {
      await transport.json<{ revoked: true }>({ method: 'POST', path: '/oauth/revoke', auth: false, form: { token: state.refreshToken } });
    },
  };
}
