import type { Transport } from '../Transport.ts';
import type { FactorLock, PolicyVersionRecord, TenantPolicyInput, TenantPolicyVersion } from '../serverTypes.ts';

const enc = encodeURIComponent;

/** Tenant policy (versioned, audited) and factor locks (`policy:*`, `subjects:read`, `subjects:unlock`). */
export function policyApi(t: Transport) {
  return {
    /** `GET /v1/policy`: the current policy and its version. */
    get: () => t.json<TenantPolicyVersion>({ method: 'GET', path: '/v1/policy' }),
    /** `PUT /v1/policy`: stores a new version; an invalid policy is `VALIDATION_FAILED` with the issues in `details`. */
    set: (policy: TenantPolicyInput) => t.json<TenantPolicyVersion>({ method: 'PUT', path: '/v1/policy', json: policy }),
    /** `GET /v1/policy/versions`: every version, newest first. */
    versions: async () => (await t.json<{ items: PolicyVersionRecord[] }>({ method: 'GET', path: '/v1/policy/versions' })).items,
    /** `GET /v1/subjects/{id}/locks`: the subject's locked factors. */
    locks: async (subjectId: string) => (await t.json<{ items: FactorLock[] }>({ method: 'GET', path: `/v1/subjects/${enc(subjectId)}/locks` })).items,
    /** `POST /v1/subjects/{id}/unlock`: re-enables one factor, or all when `factor` is omitted; answers the unlocked factors. */
    unlock: async (subjectId: string, factor?: string) => (await t.json<{ unlocked: string[] }>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/unlock`, json: factor === undefined ? {} : { factor } })).unlocked,
  };
}

/** The policy API group. */
export type PolicyApi = ReturnType<typeof policyApi>;
