import type { CreatedLivenessSession, LivenessResult } from '@authloop/sdk';
import { runLivenessSession } from '@authloop/sdk/browser';
import { useReducer, useRef, useState } from 'react';
import type { CameraHandle } from '../../../components/CameraPreview.tsx';
import { initialLivenessProgress, livenessProgress } from '../../../lib/livenessProgress.ts';

/** Waits until the camera preview shows frames (the person may still be granting access). */
export async function waitForCamera(camera: { current: CameraHandle | null }, timeoutMs = 15_000): Promise<MediaStream> {
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
 * One active liveness check at a time, driven from a camera preview: `run` creates the session
 * (with whichever client may: the bank's back end, or the person's own session), streams the
 * camera over the WebSocket, and tracks the prompts' progress for `LivenessSteps`.
 */
export function useLivenessCheck() {
  const camera = useRef<CameraHandle>(null);
  const [progress, dispatch] = useReducer(livenessProgress, initialLivenessProgress);
  const [result, setResult] = useState<LivenessResult | null>(null);
  const [running, setRunning] = useState(false);

  const run = async (createSession: () => Promise<CreatedLivenessSession>): Promise<LivenessResult> => {
    setResult(null);
    dispatch({ type: 'reset' });
    setRunning(true);
    try {
      const stream = await waitForCamera(camera);
      const session = await createSession();
      const r = await runLivenessSession({ session, stream, fps: 10, onMessage: dispatch });
      setResult(r);
      return r;
    } finally {
      setRunning(false);
    }
  };

  const reset = () => {
    setResult(null);
    dispatch({ type: 'reset' });
  };

  return { camera, progress, result, running, run, reset };
}
