import { clientCredentials, createAuthloopClient } from '@authloop/sdk';
import type { Subject } from '@authloop/sdk';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { navigate } from '../../app/useLocationPath.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { CreateTransaction } from './CreateTransaction.tsx';

/**
 * The bank console: in a real deployment the bank's back end holds the API client and does this.
 * Here the browser plays that part so the whole product can be tried from one page. The secret is
 * kept in this tab's sessionStorage only.
 */
export default function ConnectPage() {
  const { bank, bankApi, connectBank, setTenantId, tenantId, setPerson } = useAppState();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [externalId, setExternalId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [subject, setSubject] = useState<Subject | null>(null);
  const [busy, setBusy] = useState(false);

  const connect = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const api = createAuthloopClient({ token: clientCredentials({ clientId: clientId.trim(), clientSecret: clientSecret.trim() }) });
      const me = await api.me.get();
      setTenantId(me.tenantId);
      connectBank({ clientId: clientId.trim(), clientSecret: clientSecret.trim() });
      setClientSecret('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const findOrCreate = async (e: FormEvent) => {
    e.preventDefault();
    if (bankApi === null) return;
    setError(null);
    setBusy(true);
    try {
      const existing = await bankApi.subjects.findByExternalId(externalId.trim());
      setSubject(existing ?? (await bankApi.subjects.create({ externalId: externalId.trim(), ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }) })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const actAs = async () => {
    if (bankApi === null || subject === null) return;
    setError(null);
    try {
      const t = await bankApi.subjects.startSession(subject.id);
      setPerson({ subjectId: subject.id, ...t });
      navigate('/');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <p className="notice">
        Demo console: this page does what a bank&apos;s back end does with its API client. In production the client secret never reaches a browser.
      </p>
      {bank === null ? (
        <form className="card" onSubmit={(e) => void connect(e)} aria-labelledby="conn-h">
          <h2 id="conn-h">Connect an API client</h2>
          <p>
            Create one with <code>npm run authloop -- admin bootstrap</code>.
          </p>
          <Field label="Client id" value={clientId} onChange={(e) => setClientId(e.target.value)} required autoComplete="username" spellCheck={false} />
          <Field label="Client secret" type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} required autoComplete="current-password" />
          <button type="submit" disabled={busy}>
            Connect
          </button>
        </form>
      ) : (
        <section className="card" aria-labelledby="conn-h">
          <h2 id="conn-h">Connected</h2>
          <p data-testid="connected">
            API client <code>{bank.clientId}</code> of tenant <code>{tenantId}</code>.
          </p>
          <button type="button" className="secondary" onClick={() => connectBank(null)}>
            Disconnect
          </button>
        </section>
      )}
      {bankApi === null ? null : (
        <>
          <form className="card" onSubmit={(e) => void findOrCreate(e)} aria-labelledby="person-h">
            <h2 id="person-h">A person (subject)</h2>
            <Field label="Customer id at the bank (externalId)" value={externalId} onChange={(e) => setExternalId(e.target.value)} required spellCheck={false} />
            <Field label="Display name (optional)" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="name" />
            <button type="submit" disabled={busy}>
              Find or create
            </button>
          </form>
          {subject === null ? null : (
            <section className="card" aria-labelledby="subj-h">
              <h2 id="subj-h">{subject.displayName ?? subject.externalId}</h2>
              <p>
                Subject id: <code data-testid="subject-id">{subject.id}</code>
              </p>
              <button type="button" onClick={() => void actAs()}>
                Start a session as this person
              </button>
              <CreateTransaction subjectId={subject.id} />
            </section>
          )}
        </>
      )}
      <ErrorText error={error} />
    </>
  );
}
