import { completeOperatorSignInWithPasskey } from '@authloop/sdk/browser';
import type { OperatorPasskeyRequestOptions } from '@authloop/sdk';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { OperatorPasskeyCard } from './parts/OperatorPasskeyCard.tsx';

/** Operator sign-in: email and password, then a passkey when the operator has one. */
export default function OperatorSignInPage() {
  const { operator, setOperator, operatorApi, publicApi, tenantId, setTenantId } = useAppState();
  const [tenant, setTenant] = useState(tenantId);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfa, setMfa] = useState<{ mfaToken: string; publicKey: OperatorPasskeyRequestOptions } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (step: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await step();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const signIn = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const t = tenant.trim();
      const r = await publicApi.operators.signIn({ email: email.trim(), password, ...(t === '' ? {} : { tenantId: t }) });
      if (t !== '') setTenantId(t);
      setPassword('');
      if (r.status === 'signed-in') setOperator({ email: email.trim(), tokens: r.tokens });
      else setMfa({ mfaToken: r.mfaToken, publicKey: r.publicKey });
    });
  };

  const usePasskey = () => {
    if (mfa === null) return;
    void run(async () => {
      const tokens = await completeOperatorSignInWithPasskey({ client: publicApi, mfaToken: mfa.mfaToken, publicKey: mfa.publicKey });
      setMfa(null);
      setOperator({ email: email.trim(), tokens });
    });
  };

  const signOut = () => {
    void run(async () => {
      const refreshToken = operator?.refreshToken ?? null;
      // Revoke the refresh token family; signing out locally happens even when that fails.
      if (operatorApi !== null && refreshToken !== null) await operatorApi.transport.empty({ method: 'POST', path: '/oauth/revoke', auth: false, form: { token: refreshToken } }).catch(() => undefined);
      setOperator(null);
    });
  };

  if (operator !== null)
    return (
      <>
        <section className="card" aria-labelledby="op-h" data-testid="operator-signed-in">
          <h2 id="op-h">Signed in</h2>
          <p>
            Signed in as <strong>{operator.email}</strong>. Open the <Link href="/admin/audit">audit log</Link>, <Link href="/admin/subjects">subjects</Link> or the <Link href="/admin">dashboard</Link>.
          </p>
          <button type="button" className="secondary" onClick={signOut} disabled={busy}>
            Sign out operator
          </button>
          <ErrorText error={error} />
        </section>
        {operatorApi === null ? null : <OperatorPasskeyCard api={operatorApi} />}
      </>
    );

  return (
    <>
      {mfa === null ? (
        <form className="card" onSubmit={signIn} aria-labelledby="op-h">
          <h2 id="op-h">Operator account</h2>
          <Field label="Tenant id" hint="Leave empty for a platform superadmin." value={tenant} onChange={(e) => setTenant(e.target.value)} autoComplete="organization" spellCheck={false} />
          <Field label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" />
          <Field label="Password" type="password" required value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          <button type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
      ) : (
        <section className="card" aria-labelledby="mfa-h" data-testid="operator-mfa">
          <h2 id="mfa-h">Confirm with your passkey</h2>
          <p>Your password was accepted. Use the passkey registered for this operator account to finish signing in.</p>
          <div className="row">
            <button type="button" onClick={usePasskey} disabled={busy}>
              Use passkey
            </button>
            <button type="button" className="secondary" onClick={() => setMfa(null)} disabled={busy}>
              Start again
            </button>
          </div>
        </section>
      )}
      <ErrorText error={error} />
    </>
  );
}
