import type { ApiClient } from '@authloop/sdk';
import { useEffect, useRef, useState } from 'react';
import { ErrorText } from '../../../components/ErrorText.tsx';

/**
 * The tenant's API clients as a list of cards (readable on a phone): name, id, scopes, status and
 * creation time. Disabling asks for confirmation first; the client this console runs as is marked
 * and cannot be disabled from here.
 */
export function ClientList({ clients, self, disable }: { clients: readonly ApiClient[]; self: string | null; disable: (clientId: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (clients.length === 0) return <p>No API clients yet.</p>;
  return (
    <ul className="client-list" data-testid="clients">
      {clients.map((c) => (
        <li key={c.id} className="client" data-testid={`client-${c.id}`}>
          <h3 id={`client-name-${c.id}`}>{c.name}</h3>
          <dl className="meta">
            <dt>Client id</dt>
            <dd>
              <code>{c.id}</code>
            </dd>
            <dt>Status</dt>
            <dd>
              {c.disabledAt === null ? (
                <span className="badge good">active</span>
              ) : (
                <>
                  <span className="badge bad">disabled</span> since {new Date(c.disabledAt).toLocaleString()}
                </>
              )}
              {self === c.id ? ' (this console)' : null}
            </dd>
            <dt>Created</dt>
            <dd>{new Date(c.createdAt).toLocaleString()}</dd>
            <dt>Scopes</dt>
            <dd>
              <ul className="scope-list">
                {c.scopes.map((s) => (
                  <li key={s}>
                    <code>{s}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          {c.disabledAt !== null || self === c.id ? null : confirming === c.id ? (
            <ConfirmDisable client={c} disable={disable} cancel={() => setConfirming(null)} />
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(c.id)} aria-label={`Disable ${c.name}`}>
              Disable…
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The confirmation step of disabling one client; focus starts on "Keep it", the safe choice. */
function ConfirmDisable({ client, disable, cancel }: { client: ApiClient; disable: (clientId: string) => Promise<void>; cancel: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => keep.current?.focus(), []);
  const confirm = () => {
    setBusy(true);
    setError(null);
    void disable(client.id).then(cancel, (e: unknown) => {
      setError(e);
      setBusy(false);
    });
  };
  return (
    <div className="error-box" role="group" aria-labelledby={`confirm-${client.id}`} data-testid="confirm-disable">
      <p id={`confirm-${client.id}`}>
        <strong>Disable &ldquo;{client.name}&rdquo;?</strong> Its secret stops getting tokens and the tokens it holds are refused at once. This cannot be undone.
      </p>
      <div className="row">
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          Disable client
        </button>
        <button type="button" className="secondary" ref={keep} onClick={cancel} disabled={busy}>
          Keep it
        </button>
      </div>
      <ErrorText error={error} />
    </div>
  );
}
