import type { FaceQualityCheck } from '@authloop/sdk';
import { captureJpegFrame } from '@authloop/sdk/browser';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { boxOnScreen, combineHints } from '../lib/faceGuidance.ts';
import { frameStats, lumaOf, qualityHints } from '../lib/frameQuality.ts';
import type { QualityHint } from '../lib/frameQuality.ts';

/** What a parent can do with the camera. */
export interface CameraHandle {
  /** The current frame as JPEG, or null when the camera has no frame yet. */
  capture(): Promise<Uint8Array | null>;
  /** The underlying stream (for a liveness session). */
  stream(): MediaStream | null;
  /** The `<video>` element. */
  video(): HTMLVideoElement | null;
}

const AW = 160;
const AH = 120;

/** How often a frame is sent to `measure` (one request in flight at most). */
const MEASURE_EVERY_MS = 600;

/**
 * A live, mirrored camera preview with a face guide and quality hints as they happen: light,
 * contrast, blur and motion measured in the browser on small frames four times a second, and, with
 * `measure` (the server's `POST /v1/face/quality`), the face box and the enrolment gates (face
 * found, size, pose) on a frame every {@link MEASURE_EVERY_MS} ms.
 */
export const CameraPreview = forwardRef<CameraHandle, { label: string; onHints?: (h: QualityHint[]) => void; measure?: (jpeg: Uint8Array) => Promise<FaceQualityCheck> }>(function CameraPreview({ label, onHints, measure }, ref) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const capCanvas = useRef<HTMLCanvasElement | null>(null);
  const [hints, setHints] = useState<QualityHint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onHintsRef = useRef(onHints);
  useEffect(() => {
    onHintsRef.current = onHints;
  }, [onHints]);
  const [check, setCheck] = useState<FaceQualityCheck | null>(null);
  const measureRef = useRef(measure);
  useEffect(() => {
    measureRef.current = measure;
  }, [measure]);
  const measuring = measure !== undefined;

  useEffect(() => {
    if (!measuring) return;
    let stopped = false;
    let timer: number | undefined;
    const canvas = document.createElement('canvas');
    const next = () => {
      if (!stopped) timer = window.setTimeout(() => void once(), MEASURE_EVERY_MS);
    };
    const once = async () => {
      const v = video.current;
      const m = measureRef.current;
      try {
        if (v !== null && v.videoWidth > 0 && m !== undefined) {
          const jpeg = await captureJpegFrame(v, canvas, { maxSide: 640, quality: 0.8 });
          if (jpeg !== null && !stopped) {
            const r = await m(jpeg);
            if (!stopped) setCheck(r);
          }
        }
      } catch {
        // Guidance is best effort: a busy or unreachable server leaves the in-browser hints.
        if (!stopped) setCheck(null);
      }
      next();
    };
    next();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [measuring]);

  useImperativeHandle(ref, () => ({
    capture: async () => {
      const v = video.current;
      if (v === null) return null;
      capCanvas.current ??= document.createElement('canvas');
      return captureJpegFrame(v, capCanvas.current, { maxSide: 640, quality: 0.9 });
    },
    stream: () => stream.current,
    video: () => video.current,
  }));

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const analysis = document.createElement('canvas');
    analysis.width = AW;
    analysis.height = AH;
    const ctx = analysis.getContext('2d', { willReadFrequently: true });
    let previous: Float32Array | undefined;
    const tick = () => {
      const v = video.current;
      if (!stopped && v !== null && ctx !== null && v.videoWidth > 0) {
        ctx.drawImage(v, 0, 0, AW, AH);
        const luma = lumaOf(ctx.getImageData(0, 0, AW, AH).data, AW, AH);
        const h = qualityHints(frameStats(luma, AW, AH, previous));
        previous = luma;
        setHints((old) => (old !== null && old.map((x) => x.id).join() === h.map((x) => x.id).join() ? old : h));
        onHintsRef.current?.(h);
      }
      if (!stopped) timer = window.setTimeout(tick, 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false })
      .then(async (s) => {
        if (stopped) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream.current = s;
        const v = video.current;
        if (v !== null) {
          v.srcObject = s;
          await v.play();
        }
        tick();
      })
      .catch((e: unknown) => setError(e instanceof Error && e.name === 'NotAllowedError' ? 'Camera permission was refused. Allow the camera in your browser settings.' : `The camera could not start: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream.current?.getTracks().forEach((t) => t.stop());
      stream.current = null;
    };
    // The camera starts once per mount.
  }, []);

  const shown = combineHints(hints ?? [], check);
  const v = video.current;
  const box = check?.face === null || check?.face === undefined || v === null || v.videoWidth === 0 ? null : boxOnScreen(check.face.box, { width: v.videoWidth, height: v.videoHeight }, { width: v.clientWidth, height: v.clientHeight }, true);
  const good = hints !== null && shown.length === 0 && (!measuring || check?.quality.acceptable === true);
  return (
    <div>
      <div className="camera">
        <video ref={video} muted playsInline aria-label={label} />
        <div className={`guide${good ? ' good' : ''}`} aria-hidden="true" />
        {box === null ? null : (
          <div className={`face-box${check?.quality.acceptable === true ? ' good' : ''}`} data-testid="face-box" aria-hidden="true" style={{ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` }} />
        )}
      </div>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="hints" aria-live="polite" data-testid="quality-hints">
        {hints === null ? <li>Starting the camera…</li> : shown.length === 0 ? <li className="ok">Looks good. Keep your face inside the oval.</li> : shown.map((h) => <li key={h.id} data-hint={h.id}>{h.text}</li>)}
      </ul>
    </div>
  );
});
