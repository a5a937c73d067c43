import { clientCredentials, createAuthloopClient } from '../../src/index.ts';
import type { AuthloopClient } from '../../src/index.ts';

/** An SDK client for `baseUrl` that gets its tokens with the API client's credentials (optionally narrowed to `scope`). */
export function credentialsClient({ baseUrl, clientId, clientSecret, scope }: { baseUrl: string; clientId: string; clientSecret: string; scope?: string }): AuthloopClient {
  return createAuthloopClient({ baseUrl, token: clientCredentials({ clientId, clientSecret, baseUrl, ...(scope === undefined ? {} : { scope }) }) });
}
