import { isAuthloopError } from '@authloop/sdk';
import type { FaceEnrolment } from '@authloop/sdk';
import { useEffect, useRef, useState } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { CameraPreview } from '../../components/CameraPreview.tsx';
import type { CameraHandle } from '../../components/CameraPreview.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';
import { EnrolResults, sampleResultsOf } from './face/EnrolResults.tsx';
import type { SampleResult } from './face/EnrolResults.tsx';

/** The notice version a person agrees to (recorded with the consent). */
const FACE_NOTICE_VERSION = 'face-notice-2026-11';

/** How many samples an enrolment takes by default (the server's minimum is 3). */
const TARGET_SAMPLES = 3;

/** Enrol a face: live preview with hints, several samples, the server's answer per sample. */
export default function EnrolPage() {
  return (
    <NeedsPerson>
      <Enrol />
    </NeedsPerson>
  );
}

function Enrol() {
  const { person, personApi, bankApi } = useAppState();
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [results, setResults] = useState<SampleResult[] | null>(null);
  const [enrolment, setEnrolment] = useState<FaceEnrolment | null>(null);
  const camera = useRef<CameraHandle>(null);
  const [samples, setSamples] = useState<{ jpeg: Uint8Array; url: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const held = urls.current;
    return () => held.forEach((u) => URL.revokeObjectURL(u));
  }, []);
  const clear = () => {
    urls.current.forEach((u) => URL.revokeObjectURL(u));
    urls.current.clear();
    setSamples([]);
    setResults(null);
    setEnrolment(null);
    setError(null);
  };

  const send = async () => {
    if (person === null || personApi === null || bankApi === null) return;
    setBusy(true);
    setError(null);
    setResults(null);
    setEnrolment(null);
    try {
      // The person records their own consent; the bank's back end sends the pictures (face:enrol).
      await personApi.privacy.grantConsent(person.subjectId, { purpose: 'face', noticeVersion: FACE_NOTICE_VERSION });
      const r = await bankApi.face.enrol(person.subjectId, samples.map((s) => s.jpeg));
      setEnrolment(r);
      setResults(r.images);
    } catch (e) {
      setError(e);
      if (isAuthloopError(e, 'FACE_ENROLMENT_REJECTED')) setResults(sampleResultsOf(e.details));
    } finally {
      setBusy(false);
    }
  };

  const take = async () => {
    const jpeg = await camera.current?.capture();
    if (jpeg === null || jpeg === undefined) {
      setMessage('The camera has no picture yet.');
      return;
    }
    setMessage(null);
    const url = URL.createObjectURL(new Blob([jpeg.slice()], { type: 'image/jpeg' }));
    urls.current.add(url);
    setSamples((s) => [...s, { jpeg, url }].slice(-10));
  };

  return (
    <>
      <p>
        Look at the camera with your face inside the oval. Take {TARGET_SAMPLES} pictures, moving your head slightly between them. Person: <code>{person?.subjectId}</code>
      </p>
      {/* The bank's back end would measure frames; in this demo the bank console's client does. */}
      <CameraPreview ref={camera} label="Camera preview for enrolment" {...(bankApi === null ? {} : { measure: bankApi.face.checkQuality })} />
      <div className="row">
        <button type="button" onClick={() => void take()}>
          Take picture {Math.min(samples.length + 1, 10)}
        </button>
        {samples.length > 0 ? (
          <button type="button" className="secondary" onClick={clear}>
            Start again
          </button>
        ) : null}
      </div>
      {message === null ? null : <p role="status">{message}</p>}
      <h2>Pictures ({samples.length})</h2>
      {results === null ? (
        <ul className="samples" data-testid="samples">
          {samples.map((s, i) => (
            <li key={s.url}>
              <img src={s.url} alt={`Picture ${i + 1}`} />
            </li>
          ))}
        </ul>
      ) : (
        <EnrolResults samples={samples} results={results} />
      )}
      {bankApi === null ? (
        <p className="notice">
          Your bank&apos;s back end sends the pictures. In this demo, connect the <Link href="/connect">bank console</Link> first.
        </p>
      ) : (
        <section className="card" aria-labelledby="send-h">
          <h2 id="send-h">Send for enrolment</h2>
          <div className="row">
            <input id="face-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            <label htmlFor="face-consent">I agree that my bank stores a face template to recognise me (notice {FACE_NOTICE_VERSION}). I can withdraw this in My data.</label>
          </div>
          <button type="button" onClick={() => void send()} disabled={busy || !consent || samples.length < TARGET_SAMPLES}>
            {busy ? 'Sending…' : `Enrol with ${samples.length} picture${samples.length === 1 ? '' : 's'}`}
          </button>
          {samples.length < TARGET_SAMPLES ? <p className="hint">Take at least {TARGET_SAMPLES} pictures first.</p> : null}
        </section>
      )}
      {enrolment === null ? null : (
        <p className="ok" role="status" data-testid="enrolled">
          Enrolled: {enrolment.sampleCount} of {enrolment.images.length} pictures accepted{enrolment.replaced ? ' (your earlier enrolment was replaced)' : ''}.
        </p>
      )}
      <ErrorText error={error} />
    </>
  );
}
