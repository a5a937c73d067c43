import type { Transport } from '../Transport.ts';
import type { ApiClient, CreateApiClientInput, CreatedApiClient } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * The tenant's API clients (`/v1/clients`), for callers holding `tenant:admin`: API clients and
 * `admin` operators. A caller grants only scopes it holds (`INSUFFICIENT_SCOPE` otherwise).
 */
export function clientsApi(t: Transport) {
  return {
    /** `GET /v1/clients`: every client of the tenant, oldest first, without secrets. */
    list: async () => (await t.json<{ items: ApiClient[] }>({ method: 'GET', path: '/v1/clients' })).items,
    /** `POST /v1/clients`: a new client; `clientSecret` is in this answer only (store it now). Audited as `client.create`. */
    create: (input: CreateApiClientInput) => t.json<CreatedApiClient>({ method: 'POST', path: '/v1/clients', json: input }),
    /** `POST /v1/clients/{id}/disable`: its secret gets no more tokens and its live tokens stop working. Idempotent; audited. */
    disable: (clientId: string) => t.json<ApiClient>({ method: 'POST', path: `/v1/clients/${enc(clientId)}/disable` }),
  };
}

/** The API clients group. */
export type ClientsApi = ReturnType<typeof clientsApi>;
