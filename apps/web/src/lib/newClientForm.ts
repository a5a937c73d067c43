import type { ApiClientScope, CreateApiClientInput } from '@authloop/sdk';

/** What the new-client form holds while it is being filled in. */
export interface NewClientDraft {
  readonly name: string;
  readonly scopes: ReadonlySet<ApiClientScope>;
}

/** Why a draft cannot be sent yet, per field. */
export interface NewClientErrors {
  readonly name?: string;
  readonly scopes?: string;
}

/** The server's limit on a client's name (`createClientBody`). */
export const MAX_CLIENT_NAME = 100;

/**
 * Checks a draft as the server will (`name` 1–100 characters after trimming; at least one scope,
 * each one the caller may grant) and gives the request body, scopes in `grantable` order, or the
 * errors to show next to the fields.
 */
export function validateNewClient(draft: NewClientDraft, grantable: readonly ApiClientScope[]): { ok: true; input: CreateApiClientInput } | { ok: false; errors: NewClientErrors } {
  const name = draft.name.trim();
  const errors: { name?: string; scopes?: string } = {};
  if (name === '') errors.name = 'Give the client a name, e.g. "core banking (prod)".';
  else if (name.length > MAX_CLIENT_NAME) errors.name = `At most ${MAX_CLIENT_NAME} characters (now ${name.length}).`;
  const scopes = grantable.filter((s) => draft.scopes.has(s));
  if (scopes.length === 0) errors.scopes = 'Choose at least one scope.';
  else if (scopes.length < draft.scopes.size) errors.scopes = 'Some chosen scopes are not yours to grant.';
  if (errors.name !== undefined || errors.scopes !== undefined) return { ok: false, errors };
  return { ok: true, input: { name, scopes } };
}

/** The draft with `scope` checked or unchecked. */
export function toggleScope(draft: NewClientDraft, scope: ApiClientScope, checked: boolean): NewClientDraft {
  const scopes = new Set(draft.scopes);
  if (checked) scopes.add(scope);
  else scopes.delete(scope);
  return { ...draft, scopes };
}
