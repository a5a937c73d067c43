import { clientScopes } from '../auth/scopes.ts';
import type { Scope } from '../auth/scopes.ts';

/** Roles of people who run Authloop: tenant `admin`, `operator`, `auditor`; platform `superadmin`. */
export const operatorRoles = ['superadmin', 'admin', 'operator', 'auditor'] as const;
export type OperatorRole = (typeof operatorRoles)[number];
/** Roles that belong to a tenant (a superadmin belongs to the platform). */
export type TenantRole = Exclude<OperatorRole, 'superadmin'>;

const roleScopes: Record<OperatorRole, readonly Scope[]> = {
  /** Platform: create tenants and their first admins; nothing inside a tenant. */
  superadmin: ['platform:admin', 'operator:self'],
  /** Everything in the tenant. */
  admin: [...clientScopes, 'operator:self'],
  /** Subjects: look up, create, re-enable locked factors, handle data-subject requests. */
  operator: ['subjects:read', 'subjects:write', 'subjects:unlock', 'privacy:read', 'privacy:write', 'passkeys:read', 'transactions:read', 'liveness:read', 'operator:self'],
  /** Read the audit log and reports (policy, webhooks, operators) only. */
  auditor: ['audit:read', 'policy:read', 'webhooks:read', 'operators:read', 'operator:self'],
};

/** The scopes an operator session of `role` carries. Route `config.auth` checks them. */
export function scopesForRole(role: OperatorRole): ReadonlySet<Scope> {
  return new Set(roleScopes[role]);
}

/** The `tid` claim of a superadmin's tokens (it belongs to no tenant). */
export const PLATFORM_TENANT = 'platform';
