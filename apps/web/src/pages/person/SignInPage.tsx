import { browserSupportsWebAuthn, signInWithPasskey } from '@authloop/sdk/browser';
import { lazy, Suspense, useState } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { isUuid } from '../../lib/isUuid.ts';

const FaceSignIn = lazy(() => import('./FaceSignIn.tsx'));

/** Sign in: with a passkey (username-less), or with the face and a liveness challenge. */
export default function SignInPage() {
  const { tenantId, setTenantId, person, setPerson, publicApi } = useAppState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showFace, setShowFace] = useState(false);
  const tenantError = tenantId !== '' && !isUuid(tenantId) ? 'A tenant id is a UUID, e.g. 3f2b…-…' : undefined;

  const passkey = async () => {
    setBusy(true);
    setError(null);
    try {
      const t = await signInWithPasskey({ client: publicApi, tenantId });
      setPerson({ subjectId: t.subject_id, access_token: t.access_token, refresh_token: t.refresh_token, expires_in: t.expires_in });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (person !== null) {
    return (
      <section className="card" aria-live="polite">
        <p className="ok" data-testid="signed-in">
          You are signed in.
        </p>
        <p>
          Person id: <code>{person.subjectId}</code>
        </p>
        <ul>
          <li>
            <Link href="/passkeys">Manage your passkeys</Link>
          </li>
          <li>
            <Link href="/approve">Approve a payment</Link>
          </li>
          <li>
            <Link href="/my-data">See your data</Link>
          </li>
        </ul>
      </section>
    );
  }

  return (
    <>
      <section className="card" aria-labelledby="bank-h">
        <h2 id="bank-h">Your bank</h2>
        <Field label="Bank (tenant id)" hint="Your bank gives you this; it is remembered on this device." value={tenantId} onChange={(e) => setTenantId(e.target.value.trim())} error={tenantError} autoComplete="off" spellCheck={false} />
      </section>
      <section className="card" aria-labelledby="pk-h">
        <h2 id="pk-h">Sign in with a passkey</h2>
        <p>Use the passkey saved on this device or your phone. No username needed.</p>
        {browserSupportsWebAuthn() ? (
          <button type="button" onClick={() => void passkey()} disabled={busy || !isUuid(tenantId)}>
            {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
          </button>
        ) : (
          <p className="error">This browser does not support passkeys.</p>
        )}
        <ErrorText error={error} />
      </section>
      <section className="card" aria-labelledby="face-h">
        <h2 id="face-h">Sign in with your face</h2>
        <p>We check it is really you, and that you are there in person, with a short challenge (for example: blink, then turn your head).</p>
        {showFace ? (
          <Suspense fallback={<p aria-busy="true">Loading the camera screen…</p>}>
            <FaceSignIn />
          </Suspense>
        ) : (
          <button type="button" className="secondary" onClick={() => setShowFace(true)}>
            Use my face
          </button>
        )}
      </section>
    </>
  );
}
