import type { FaceVerification, LivenessResult, Subject } from '@authloop/sdk';
import { runLivenessSession } from '@authloop/sdk/browser';
import { useReducer, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { CameraPreview } from '../../components/CameraPreview.tsx';
import type { CameraHandle } from '../../components/CameraPreview.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { initialLivenessProgress, livenessProgress } from '../../lib/livenessProgress.ts';
import { describeLivenessReason } from '../../lib/livenessText.ts';
import { LivenessSteps } from './face/LivenessSteps.tsx';

type Phase = 'idle' | 'checking' | 'verifying' | 'done';

async function waitForCamera(camera: { current: CameraHandle | null }, timeoutMs = 15_000): Promise<MediaStream> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const stream = camera.current?.stream() ?? null;
    const width = camera.current?.video()?.videoWidth ?? 0;
    if (stream !== null && width > 0) return stream;
    if (Date.now() > until) throw new Error('The camera did not start. Allow the camera and try again.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Face sign-in: an active liveness check (challenges streamed over the WebSocket, shown step by
 * step), then a 1:1 face match, then a session. Face verification and liveness sessions for a
 * person who is not signed in yet are the bank's back end's calls; in this demo the bank console's
 * API client makes them.
 */
export default function FaceSignIn() {
  const { bankApi, setPerson } = useAppState();
  const camera = useRef<CameraHandle>(null);
  const [externalId, setExternalId] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(null);
  const [state, dispatch] = useReducer(livenessProgress, initialLivenessProgress);
  const [result, setResult] = useState<LivenessResult | null>(null);
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
    setResult(null);
    setVerification(null);
    dispatch({ type: 'reset' });
    setPhase('checking');
    try {
      const found = await bankApi.subjects.findByExternalId(externalId.trim());
      if (found === null) throw new Error('No person with this customer id at this bank.');
      setSubject(found);
      const stream = await waitForCamera(camera);
      const session = await bankApi.liveness.createSession({ subjectId: found.id });
      const r = await runLivenessSession({ session, stream, fps: 10, onMessage: dispatch });
      setResult(r);
      if (!r.passed) {
        setPhase('done');
        return;
      }
      setPhase('verifying');
      const jpeg = await camera.current?.capture();
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
          {phase === 'checking' ? 'Checking…' : phase === 'verifying' ? 'Matching your face…' : result === null ? 'Start the face check' : 'Try again'}
        </button>
      </form>
      <CameraPreview ref={camera} label="Camera preview for face sign-in" />
      <LivenessSteps state={state} />
      {result === null ? null : result.passed ? (
        <p className="ok" data-testid="liveness-result" data-passed="true">
          Liveness confirmed: you are there in person ({result.challenges.length} of {result.challenges.length} movements done).
        </p>
      ) : (
        <div className="error-box" role="alert" data-testid="liveness-result" data-passed="false">
          <p className="error">We could not confirm that you are there in person.</p>
          <ul data-testid="liveness-reasons">
            {result.reasons.map((r) => (
              <li key={r} data-reason={r}>
                {describeLivenessReason(r)} <span className="code">({r})</span>
              </li>
            ))}
          </ul>
          <p>Face the camera in good light, follow each prompt, and try again.</p>
        </div>
      )}
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
