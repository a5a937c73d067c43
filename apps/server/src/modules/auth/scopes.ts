/**
 * Every OAuth scope an API client can hold. A client created by `authloop admin bootstrap` holds all
 * of them. Modules add theirs here so the token endpoint can validate requested scopes.
 */
export const clientScopes = [
  'subjects:read',
  'subjects:write',
  'sessions:write',
  'face:enrol',
  'face:verify',
  'face:identify',
  'face:delete',
  'liveness:write',
  'liveness:read',
  'passkeys:write',
  'passkeys:read',
  'transactions:write',
  'transactions:read',
  'audit:read',
  'privacy:read',
  'privacy:write',
  'tenant:admin',
  'subjects:unlock',
  'policy:read',
  'policy:write',
  'webhooks:read',
  'webhooks:write',
  'operators:read',
  'operators:write',
] as const;

export type ClientScope = (typeof clientScopes)[number];

/** Scopes of a subject's own session (the person, on their device). */
export const subjectScopes = ['self'] as const;

export type SubjectScope = (typeof subjectScopes)[number];

/** Scopes only operator sessions carry: `operator:self` (own passkeys), `platform:admin` (superadmin). */
export const operatorOnlyScopes = ['operator:self', 'platform:admin'] as const;

export type OperatorOnlyScope = (typeof operatorOnlyScopes)[number];

/** Any scope a token may carry. */
export type Scope = ClientScope | SubjectScope | OperatorOnlyScope;

export const isClientScope = (s: string): s is ClientScope => (clientScopes as readonly string[]).includes(s);
