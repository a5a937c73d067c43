import type { Passkey } from '@authloop/sdk';
import { registerPasskey } from '@authloop/sdk/browser';
import { useState } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';
import { PasskeyRow } from './PasskeyRow.tsx';

/** The person's passkeys: add one, rename, revoke. */
export default function PasskeysPage() {
  return (
    <NeedsPerson>
      <Passkeys />
    </NeedsPerson>
  );
}

function Passkeys() {
  const { personApi, person } = useAppState();
  const list = useLoad(personApi === null ? null : `passkeys:${person?.subjectId ?? ''}`, async () => (personApi === null ? [] : personApi.passkeys.list()));
  const [name, setName] = useState('');
  const [payment, setPayment] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<Passkey | null>(null);
  if (personApi === null) return null;

  const add = async () => {
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      setAdded(await registerPasskey({ client: personApi, payment, ...(name.trim() === '' ? {} : { name: name.trim() }) }));
      setName('');
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="add-h">
        <h2 id="add-h">Add a passkey</h2>
        <Field label="Name" hint='So you recognise it later, e.g. "My phone".' value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <div className="field">
          <label className="row">
            <input type="checkbox" checked={payment} onChange={(e) => setPayment(e.target.checked)} /> Also use it to approve payments
          </label>
        </div>
        <button type="button" onClick={() => void add()} disabled={busy}>
          {busy ? 'Follow your browser’s prompt…' : 'Add a passkey'}
        </button>
        {added === null ? null : (
          <p className="ok" role="status" data-testid="passkey-added">
            Passkey “{added.name}” added.
          </p>
        )}
        <ErrorText error={error} />
      </section>
      <section aria-labelledby="list-h">
        <h2 id="list-h">Your passkeys</h2>
        {list.loading ? <p aria-busy="true">Loading…</p> : null}
        <ErrorText error={list.error} />
        {list.data?.length === 0 ? <p>You have no passkeys yet.</p> : null}
        <ul className="steps" data-testid="passkey-list">
          {(list.data ?? []).map((p) => (
            <PasskeyRow key={p.id} passkey={p} api={personApi} onChange={list.reload} />
          ))}
        </ul>
      </section>
    </>
  );
}
