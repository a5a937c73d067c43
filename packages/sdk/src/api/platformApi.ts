import type { Transport } from '../Transport.ts';
import type { CreateOperatorInput, CreateTenantInput, Operator, Tenant } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Platform administration (`/v1/platform`) for superadmin operators (`platform:admin`): tenants and
 * their first operators. Sign in with `operators.signIn` without a `tenantId`.
 */
export function platformApi(t: Transport) {
  return {
    /** `GET /v1/platform/tenants`: every tenant. */
    tenants: async () => (await t.json<{ items: Tenant[] }>({ method: 'GET', path: '/v1/platform/tenants' })).items,
    /** `POST /v1/platform/tenants`: a new tenant (with the default policy). */
    createTenant: (input: CreateTenantInput) => t.json<Tenant>({ method: 'POST', path: '/v1/platform/tenants', json: input }),
    /** `POST /v1/platform/tenants/{id}/operators`: an operator in that tenant, e.g. its first admin. `TENANT_NOT_FOUND` for an unknown id. */
    createOperator: (tenantId: string, input: CreateOperatorInput) => t.json<Operator>({ method: 'POST', path: `/v1/platform/tenants/${enc(tenantId)}/operators`, json: input }),
  };
}

/** The platform group. */
export type PlatformApi = ReturnType<typeof platformApi>;
