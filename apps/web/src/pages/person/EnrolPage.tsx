import { useEffect, useRef, useState } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { CameraPreview } from '../../components/CameraPreview.tsx';
import type { CameraHandle } from '../../components/CameraPreview.tsx';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

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
  const { person } = useAppState();
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
      <CameraPreview ref={camera} label="Camera preview for enrolment" />
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
      <ul className="samples" data-testid="samples">
        {samples.map((s, i) => (
          <li key={s.url}>
            <img src={s.url} alt={`Picture ${i + 1}`} />
          </li>
        ))}
      </ul>
      <RequiresEndpoints feature="Sending pictures for enrolment" issue="face API, issue 4" endpoints={['POST /v1/subjects/{subjectId}/face', 'GET /v1/subjects/{subjectId}/face']}>
        <p>Enrolment is ready on this server.</p>
      </RequiresEndpoints>
    </>
  );
}
