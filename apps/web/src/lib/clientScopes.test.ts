import { describe, expect, it } from 'vitest';
import { grantableScopes, isClientScope } from './clientScopes.ts';
import { toggleScope, validateNewClient } from './newClientForm.ts';
import type { NewClientDraft } from './newClientForm.ts';

describe('client scopes in the admin portal', () => {
  it('offers only the client scopes the caller holds, in display order', () => {
    // An admin operator's token also carries operator-only scopes, which are never offered.
    expect(grantableScopes(['operator:self', 'transactions:read', 'subjects:read', 'tenant:admin', 'self'])).toEqual(['subjects:read', 'transactions:read', 'tenant:admin']);
    expect(grantableScopes([])).toEqual([]);
    expect(isClientScope('platform:admin')).toBe(false);
    expect(isClientScope('audit:read')).toBe(true);
  });
});

describe('the new-client form', () => {
  const grantable = grantableScopes(['subjects:read', 'transactions:write', 'transactions:read']);

  it('gives the trimmed name and the chosen scopes in display order', () => {
    let draft: NewClientDraft = { name: '  core banking  ', scopes: new Set() };
    draft = toggleScope(toggleScope(draft, 'transactions:write', true), 'subjects:read', true);
    expect(validateNewClient(draft, grantable)).toEqual({ ok: true, input: { name: 'core banking', scopes: ['subjects:read', 'transactions:write'] } });
    expect(validateNewClient(toggleScope(draft, 'subjects:read', false), grantable)).toEqual({ ok: true, input: { name: 'core banking', scopes: ['transactions:write'] } });
  });

  it('names what is missing or wrong before anything is sent', () => {
    expect(validateNewClient({ name: ' ', scopes: new Set() }, grantable)).toEqual({ ok: false, errors: { name: 'Give the client a name, e.g. "core banking (prod)".', scopes: 'Choose at least one scope.' } });
    expect(validateNewClient({ name: 'x'.repeat(101), scopes: new Set(['subjects:read'] as const) }, grantable)).toEqual({ ok: false, errors: { name: 'At most 100 characters (now 101).' } });
    expect(validateNewClient({ name: 'x'.repeat(100), scopes: new Set(['subjects:read'] as const) }, grantable).ok).toBe(true);
    expect(validateNewClient({ name: 'ops', scopes: new Set(['subjects:read', 'audit:read'] as const) }, grantable)).toEqual({ ok: false, errors: { scopes: 'Some chosen scopes are not yours to grant.' } });
  });
});
