import type { ApprovalResult } from '@authloop/sdk';
import { approveTransaction } from '@authloop/sdk/browser';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import type { PageProps } from '../../app/routes.ts';
import { navigate } from '../../app/useLocationPath.ts';
import { useLoad } from '../../app/useLoad.ts';
import { CameraPreview } from '../../components/CameraPreview.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';
import { formatAmount } from '../../lib/formatAmount.ts';
import { isUuid } from '../../lib/isUuid.ts';
import { LivenessOutcome } from './face/LivenessOutcome.tsx';
import { LivenessSteps } from './face/LivenessSteps.tsx';
import { useLivenessCheck } from './face/useLivenessCheck.ts';

/** Approve a payment: amount and payee large, approve with a passkey (and face when the policy asks). */
export default function ApprovePage({ params }: PageProps) {
  const id = params['transactionId'];
  return <NeedsPerson>{id === undefined ? <FindTransaction /> : <Approve transactionId={id} />}</NeedsPerson>;
}

function FindTransaction() {
  const [id, setId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isUuid(id.trim())) navigate(`/approve/${id.trim()}`);
  };
  return (
    <form className="card" onSubmit={submit}>
      <p>Your bank sends you a link to each payment you need to approve. You can also enter its id.</p>
      <Field label="Payment id" value={id} onChange={(e) => setId(e.target.value)} error={id.trim() !== '' && !isUuid(id.trim()) ? 'A payment id is a UUID.' : undefined} spellCheck={false} />
      <button type="submit">Open</button>
    </form>
  );
}

function Approve({ transactionId }: { transactionId: string }) {
  const { personApi } = useAppState();
  const tx = useLoad(personApi === null ? null : `tx:${transactionId}`, async () => {
    if (personApi === null) throw new Error('not signed in');
    return personApi.transactions.get(transactionId);
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ApprovalResult | null>(null);
  const check = useLivenessCheck();
  const [faceToken, setFaceToken] = useState<string | null>(null);
  if (personApi === null) return null;
  const t = result?.transaction ?? tx.data;
  // One passed liveness session gives both factors: its token proves a live person and, checked
  // against the enrolled template, that it is this person's face.
  const needsFace = t !== undefined && (t.requires.includes('face') || t.requires.includes('liveness'));

  const confirmFace = async () => {
    setError(null);
    setFaceToken(null);
    try {
      const r = await check.run(() => personApi.liveness.createSession({}));
      if (r.passed && r.livenessToken !== null) setFaceToken(r.livenessToken);
    } catch (e) {
      setError(e);
    }
  };

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await approveTransaction({ client: personApi, transactionId, ...(faceToken === null ? {} : { faceToken }) }));
    } catch (e) {
      setError(e);
      tx.reload();
    } finally {
      setBusy(false);
    }
  };
  const decline = async () => {
    setError(null);
    try {
      await personApi.transactions.decline(transactionId);
      tx.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <ErrorText error={tx.error} />
      {t === undefined ? (
        tx.loading ? <p aria-busy="true">Loading the payment…</p> : null
      ) : (
        <section className="card" aria-labelledby="pay-h" data-testid="payment">
          <h2 id="pay-h" className="sr-only">
            Payment details
          </h2>
          <p className="hint">You are paying</p>
          <p className="big-amount" data-testid="amount">
            {formatAmount(t.amount, t.currency)}
          </p>
          <p className="hint">to</p>
          <p className="big-payee" data-testid="payee">
            {t.payee.name}
          </p>
          <p>
            Account <code>{t.payee.account}</code> · reference {t.reference}
          </p>
          <p>
            Status: <strong data-testid="status">{t.status}</strong>
            {t.status === 'pending' ? ` · expires ${new Date(t.expiresAt).toLocaleTimeString()}` : null}
          </p>
          <p>Needs: {t.requires.join(' + ')}</p>
          {t.status === 'pending' && needsFace ? (
            <section aria-labelledby="face-step-h" data-testid="face-step">
              <h3 id="face-step-h">Step 1: confirm with your face</h3>
              <p className="hint">Your bank asks for your face with a short liveness check for this payment.</p>
              <CameraPreview ref={check.camera} label="Camera preview for confirming the payment" />
              <LivenessSteps state={check.progress} />
              <LivenessOutcome result={check.result} />
              <button type="button" onClick={() => void confirmFace()} disabled={check.running || faceToken !== null}>
                {check.running ? 'Checking…' : faceToken !== null ? 'Face confirmed' : check.result === null ? 'Start the face check' : 'Try the face check again'}
              </button>
              <h3>Step 2: approve with your passkey</h3>
            </section>
          ) : null}
          {t.status === 'pending' ? (
            <div className="row">
              <button type="button" onClick={() => void approve()} disabled={busy || (needsFace && faceToken === null)}>
                {busy ? 'Confirm with your passkey…' : 'Approve with passkey'}
              </button>
              <button type="button" className="secondary" onClick={() => void decline()} disabled={busy}>
                Decline
              </button>
            </div>
          ) : null}
          {result === null ? null : (
            <p className="ok" role="status" data-testid="approved">
              Approved. Your bank received a signed approval.
            </p>
          )}
        </section>
      )}
      <ErrorText error={error} />
    </>
  );
}
