import { registerOperatorPasskey } from '@authloop/sdk/browser';
import type { AuthloopClient } from '@authloop/sdk';
import { useState } from 'react';
import { useLoad } from '../../../app/useLoad.ts';
import { ErrorText } from '../../../components/ErrorText.tsx';

/**
 * The signed-in operator's second factor: whether a passkey is registered, and registering one
 * (the browser's passkey prompt). Once registered, sign-in asks for it after the password.
 */
export function OperatorPasskeyCard({ api }: { api: AuthloopClient }) {
  const me = useLoad('operator-me', () => api.operators.me());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const register = () => {
    setBusy(true);
    setError(null);
    setDone(false);
    void registerOperatorPasskey({ client: api })
      .then(
        () => {
          setDone(true);
          me.reload();
        },
        (e: unknown) => setError(e),
      )
      .finally(() => setBusy(false));
  };

  const has = me.data?.hasPasskey;
  return (
    <section className="card" aria-labelledby="op-passkey-h" data-testid="operator-passkey">
      <h2 id="op-passkey-h">Second factor</h2>
      <ErrorText error={me.error} />
      {has === undefined ? (
        <p aria-busy="true">Checking your account…</p>
      ) : has ? (
        <p>
          <span className="badge good">passkey registered</span> Signing in asks for your passkey after your password.
        </p>
      ) : (
        <p>
          <span className="badge bad">no passkey</span> Signing in needs only your password. Register a passkey on this device (or a security key) so a stolen password is not enough.
        </p>
      )}
      <p role="status" className="ok">
        {done ? 'Passkey registered. Your next sign-in asks for it.' : ''}
      </p>
      <button type="button" className={has === true ? 'secondary' : ''} onClick={register} disabled={busy || has === undefined}>
        {has === true ? 'Register another passkey' : 'Register a passkey'}
      </button>
      <ErrorText error={error} />
    </section>
  );
}
