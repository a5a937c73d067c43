import type { ApiClientScope, CreateApiClientInput } from '@authloop/sdk';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorText } from '../../../components/ErrorText.tsx';
import { Field } from '../../../components/Field.tsx';
import { clientScopeLabels } from '../../../lib/clientScopes.ts';
import { MAX_CLIENT_NAME, toggleScope, validateNewClient } from '../../../lib/newClientForm.ts';
import type { NewClientDraft, NewClientErrors } from '../../../lib/newClientForm.ts';

/** The form for a new API client: a name and, as labelled checkboxes, the scopes the caller may grant. */
export function NewClientForm({ grantable, create }: { grantable: readonly ApiClientScope[]; create: (input: CreateApiClientInput) => Promise<void> }) {
  const [draft, setDraft] = useState<NewClientDraft>({ name: '', scopes: new Set() });
  const [errors, setErrors] = useState<NewClientErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const scopesErrId = useId();

  if (grantable.length === 0) return <p>You hold no scope an API client can have, so you cannot create one.</p>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateNewClient(draft, grantable);
    setError(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    void create(checked.input)
      .then(
        () => setDraft({ name: '', scopes: new Set() }),
        (err: unknown) => setError(err),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-client-h">
      <Field label="Name" hint="What uses this client, e.g. “core banking (prod)”." value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={MAX_CLIENT_NAME + 20} autoComplete="off" error={errors.name} />
      <fieldset aria-describedby={errors.scopes === undefined ? undefined : scopesErrId}>
        <legend>Scopes</legend>
        <p className="hint">Only the scopes you hold are offered. Give a client the fewest it needs.</p>
        <div className="scope-grid">
          {grantable.map((scope) => (
            <label key={scope} className="check">
              <input type="checkbox" checked={draft.scopes.has(scope)} onChange={(e) => setDraft(toggleScope(draft, scope, e.target.checked))} />
              <span>
                {clientScopeLabels[scope]} <code>{scope}</code>
              </span>
            </label>
          ))}
        </div>
        {errors.scopes === undefined ? null : (
          <p className="error" id={scopesErrId}>
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={busy}>
        Create client
      </button>
      <ErrorText error={error} />
    </form>
  );
}
