import type { ApiClientScope } from '@authloop/sdk';

/**
 * Every scope an API client can hold (the server's `clientScopes`), in the order the admin portal
 * lists them, with what it allows in words. Typed by the SDK's `ApiClientScope`: the compiler
 * refuses this table when the server adds or drops a scope.
 */
export const clientScopeLabels: Readonly<Record<ApiClientScope, string>> = {
  'subjects:read': 'Read subjects',
  'subjects:write': 'Create subjects',
  'subjects:unlock': 'Unlock locked factors',
  'sessions:write': 'Start sessions for people',
  'face:enrol': 'Enrol faces',
  'face:verify': 'Verify faces (1:1)',
  'face:identify': 'Identify faces (1:N)',
  'face:delete': 'Erase faces',
  'liveness:write': 'Start liveness checks',
  'liveness:read': 'Read liveness results',
  'passkeys:write': 'Register and revoke passkeys',
  'passkeys:read': 'Read passkeys',
  'transactions:write': 'Create and cancel payments',
  'transactions:read': 'Read payments',
  'audit:read': 'Read the audit log',
  'privacy:read': 'Read consents and export data',
  'privacy:write': 'Record consent and erase data',
  'policy:read': 'Read the policy',
  'policy:write': 'Change the policy',
  'webhooks:read': 'Read webhooks',
  'webhooks:write': 'Manage webhooks',
  'operators:read': 'Read operators',
  'operators:write': 'Manage operators',
  'tenant:admin': 'Administer the tenant (API clients, settings)',
};

/** True for a scope an API client can hold (not `self`, `operator:self`, `platform:admin`). */
export const isClientScope = (scope: string): scope is ApiClientScope => Object.hasOwn(clientScopeLabels, scope);

/** Every client scope, in display order. */
export const allClientScopes: readonly ApiClientScope[] = Object.keys(clientScopeLabels).filter(isClientScope);

/**
 * The scopes a caller may grant a new client: the client scopes among those it holds (the server
 * refuses any other with `INSUFFICIENT_SCOPE`), in display order.
 */
export function grantableScopes(held: readonly string[]): ApiClientScope[] {
  const set = new Set(held);
  return allClientScopes.filter((s) => set.has(s));
}
