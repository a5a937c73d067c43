import { AuthloopError } from './AuthloopError.ts';
import type { AuthloopErrorCode } from './AuthloopError.ts';

/** Where an access token comes from: a fixed string, or a provider that may fetch and cache one. */
export interface TokenProvider {
  /** The current access token. */
  token(): Promise<string>;
  /** Drop a cached token (called after the server answered `TOKEN_EXPIRED`), so the next `token()` gets a fresh one. */
  invalidate?(): void;
}

/** One HTTP request as the API modules describe it. */
export interface RequestSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** Query parameters; `undefined` and `null` values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** JSON body. */
  readonly json?: unknown;
  /** `application/x-www-form-urlencoded` body. */
  readonly form?: Readonly<Record<string, string | undefined>>;
  /** Multipart body. */
  readonly multipart?: FormData;
  /** Send the bearer token (default true). */
  readonly auth?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

/** Options shared by every client. */
export interface TransportOptions {
  /** API origin, e.g. `https://auth.example.com`. Default `''`: same origin (browser only). */
  readonly baseUrl?: string;
  /** Access token or a provider of one. Needed for every authenticated endpoint. */
  readonly token?: string | TokenProvider;
  /** A fetch implementation; default `globalThis.fetch` (browsers and Node 18+). */
  readonly fetch?: typeof fetch;
}

/** The request function every API module is built on. */
export interface Transport {
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  /** Sends the request and returns the parsed JSON body. Non-2xx answers throw {@link AuthloopError}. */
  json<T>(spec: RequestSpec): Promise<T>;
  /** Sends a request whose success has no body (204). */
  empty(spec: RequestSpec): Promise<void>;
  /** Same, returning the body as text (e.g. Prometheus metrics, CSV exports). */
  text(spec: RequestSpec): Promise<string>;
  /** The current access token, for transports that cannot go through fetch (WebSocket). */
  token(): Promise<string | undefined>;
}

function providerOf(token: string | TokenProvider | undefined): TokenProvider | undefined {
  if (token === undefined) return undefined;
  if (typeof token === 'string') return { token: async () => token };
  return token;
}

function buildUrl(baseUrl: string, path: string, query: RequestSpec['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) qs.set(k, String(v));
  const s = qs.toString();
  return `${baseUrl}${path}${s === '' ? '' : `?${s}`}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the common error body `{ error: { code, message, details? } }` into an {@link AuthloopError}. */
async function errorFrom(res: Response): Promise<AuthloopError> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const e = isRecord(body) ? body['error'] : undefined;
  if (isRecord(e) && typeof e['code'] === 'string' && typeof e['message'] === 'string') {
    const details = isRecord(e['details']) ? e['details'] : undefined;
    // The code comes from the server's registry (the same table the ErrorCode union is made from).
    return new AuthloopError({ code: e['code'] as AuthloopErrorCode, message: e['message'], status: res.status, details, requestId });
  }
  return new AuthloopError({ code: 'UNEXPECTED_RESPONSE', message: `HTTP ${res.status} without an Authloop error body.`, status: res.status, requestId });
}

/** Creates the transport: URL building, bodies, bearer token (with one retry after `TOKEN_EXPIRED`), errors. */
export function createTransport({ baseUrl = '', token, fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: TransportOptions = {}): Transport {
  const provider = providerOf(token);
  const base = baseUrl.replace(/\/+$/, '');

  async function send(spec: RequestSpec, retried = false): Promise<Response> {
    const headers = new Headers(spec.headers);
    let body: RequestInit['body'];
    if (spec.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(spec.json);
    } else if (spec.form !== undefined) {
      const f = new URLSearchParams();
      for (const [k, v] of Object.entries(spec.form)) if (v !== undefined) f.set(k, v);
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = f.toString();
    } else if (spec.multipart !== undefined) {
      body = spec.multipart;
    }
    if (spec.auth !== false && provider !== undefined) headers.set('authorization', `Bearer ${await provider.token()}`);
    let res: Response;
    try {
      // No cookies or HTTP auth: the API authenticates with bearer tokens. `omit` also keeps browsers
      // from popping a login dialog when the token endpoint answers 401 with `WWW-Authenticate: Basic`.
      res = await fetchImpl(buildUrl(base, spec.path, spec.query), { method: spec.method, headers, body: body ?? null, signal: spec.signal ?? null, credentials: 'omit' });
    } catch (cause) {
      throw new AuthloopError({ code: 'NETWORK_ERROR', message: `No answer from ${base === '' ? 'the server' : base}: ${cause instanceof Error ? cause.message : String(cause)}`, status: 0, cause });
    }
    if (res.ok) return res;
    const error = await errorFrom(res);
    if (error.code === 'TOKEN_EXPIRED' && !retried && provider?.invalidate !== undefined) {
      provider.invalidate();
      return send(spec, true);
    }
    throw error;
  }

  return {
    baseUrl: base,
    fetch: fetchImpl,
    async json<T>(spec: RequestSpec): Promise<T> {
      const res = await send(spec);
      try {
        // Response bodies follow the server's zod response schemas, which the SDK types are made from.
        return (await res.json()) as T;
      } catch (cause) {
        throw new AuthloopError({ code: 'UNEXPECTED_RESPONSE', message: 'The answer was not JSON.', status: res.status, cause });
      }
    },
    async empty(spec: RequestSpec): Promise<void> {
      await (await send(spec)).body?.cancel();
    },
    async text(spec: RequestSpec): Promise<string> {
      return (await send(spec)).text();
    },
    async token() {
      return provider?.token();
    },
  };
}
