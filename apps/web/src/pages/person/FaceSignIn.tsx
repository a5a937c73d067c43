import type { FaceVerification, Subject } from '@authloop/sdk';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { CameraPreview } from '../../components/CameraPreview.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { LivenessOutcome } from './face/LivenessOutcome.tsx';
import { LivenessSteps } from './face/LivenessSteps.tsx';
import { useLivenessCheck } from './face/useLivenessCheck.ts';

type Phase = 'idle' | 'checking' | 'verifying' | 'done';

/**
 * Face sign-in: an active liveness check (challenges streamed over the WebSocket, shown step by
 * step), then a 1:1 face match that spends the check's token (so the match is bound to the live
 * face), then a session. Face verification and liveness sessions for a person who is not signed in
 * yet are the bank's back end's calls; in this demo the bank console's API client makes them.
 */
export default function FaceSignIn() {
  const { bankApi, setPerson } = useAppState();
  const check = useLivenessCheck();
  const [externalId, setExternalId] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(null);
  const [verification, setVerification] = useState<FaceVerification | null>(null);
  const [subject, setSubject] = useState<Subject | null>(null);

  if (bankApi === null)
    return (
      <p className="notice">
        Face sign-in is started by your bank&apos;s back end. In this demo, connect the <Link href="/connect">bank console</Link> first.
      </p>
    );

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setVerification(null);
    check.reset();
    setPhase('checking');
    try {
      const found = await bankApi.subjects.findByExternalId(externalId.trim());
      if (found === null) throw new Error('No person with this customer id at this bank.');
      setSubject(found);
      const r = await check.run(() => bankApi.liveness.createSession({ subjectId: found.id }));
      if (!r.passed) {
        setPhase('done');
        return;
      }
      setPhase('verifying');
      const jpeg = await check.camera.current?.capture();
      if (jpeg === null || jpeg === undefined) throw new Error('The camera has no picture.');
      // The session's token binds the liveness check to this match: the server spends it and
      // checks that the session's best frame is the same face as this picture.
      setVerification(await bankApi.face.verify(found.id, jpeg, { livenessToken: r.livenessToken ?? undefined }));
      setPhase('done');
    } catch (err) {
      setError(err);
      setPhase('done');
    }
  };

  const enter = async () => {
    if (subject === null) return;
    try {
      const t = await bankApi.subjects.startSession(subject.id);
      setPerson({ subjectId: subject.id, ...t });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div>
      <form onSubmit={(e) => void start(e)}>
        <Field label="Your customer id" value={externalId} onChange={(e) => setExternalId(e.target.value)} required spellCheck={false} autoComplete="username" />
        <button type="submit" disabled={phase === 'checking' || phase === 'verifying'}>
          {phase === 'checking' ? 'Checking…' : phase === 'verifying' ? 'Matching your face…' : check.result === null ? 'Start the face check' : 'Try again'}
        </button>
      </form>
      <CameraPreview ref={check.camera} label="Camera preview for face sign-in" />
      <LivenessSteps state={check.progress} />
      <LivenessOutcome result={check.result} />
      {verification === null ? null : verification.match ? (
        <section className="card" data-testid="face-match" aria-live="polite">
          <p className="ok">It&apos;s you. Face matched (score {verification.score.toFixed(2)}, threshold {verification.threshold.toFixed(2)}).</p>
          <button type="button" onClick={() => void enter()}>
            Continue
          </button>
        </section>
      ) : (
        <p className="error" role="alert" data-testid="face-no-match">
          Your face did not match this customer ({verification.reason}).
        </p>
      )}
      <ErrorText error={error} />
    </div>
  );
}
