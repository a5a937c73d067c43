import { captureJpegFrame } from '@authloop/sdk/browser';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
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

/**
 * A live, mirrored camera preview with a face guide and quality hints as they happen (light,
 * contrast, blur, motion), measured on small frames four times a second.
 */
export const CameraPreview = forwardRef<CameraHandle, { label: string; onHints?: (h: QualityHint[]) => void }>(function CameraPreview({ label, onHints }, ref) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const capCanvas = useRef<HTMLCanvasElement | null>(null);
  const [hints, setHints] = useState<QualityHint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onHintsRef = useRef(onHints);
  useEffect(() => {
    onHintsRef.current = onHints;
  }, [onHints]);

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

  return (
    <div>
      <div className="camera">
        <video ref={video} muted playsInline aria-label={label} />
        <div className={`guide${hints !== null && hints.length === 0 ? ' good' : ''}`} aria-hidden="true" />
      </div>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="hints" aria-live="polite" data-testid="quality-hints">
        {hints === null ? <li>Starting the camera…</li> : hints.length === 0 ? <li className="ok">Looks good. Keep your face inside the oval.</li> : hints.map((h) => <li key={h.id} data-hint={h.id}>{h.text}</li>)}
      </ul>
    </div>
  );
});
