import { AuthloopError } from '../AuthloopError.ts';
import type { CreatedLivenessSession, LivenessResult, LivenessServerMessage } from '../serverTypes.ts';
import { createVideoFrameSource } from './createVideoFrameSource.ts';

/** Where frames come from: a camera `MediaStream`, or anything that hands out JPEG frames. */
export type LivenessFrameInput = { readonly stream: MediaStream } | { readonly frames: { next(): Promise<Uint8Array | null> } };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stream URL (`ws:`/`wss:`) for a session, with its single-use ticket. */
export function livenessStreamUrl(session: Pick<CreatedLivenessSession, 'streamUrl' | 'streamTicket'>, baseUrl: string = globalThis.location.href): string {
  const url = new URL(session.streamUrl, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('ticket', session.streamTicket);
  return url.toString();
}

/**
 * Drives one active-liveness session over its WebSocket (`/v1/liveness/sessions/{id}/stream`):
 * opens it with the session's single-use ticket (browsers cannot set headers on a WebSocket),
 * sends one JPEG frame as a binary message every `1000 / fps` ms (default 10 fps; a tick is skipped
 * while the previous frame is still being encoded or more than `maxBufferedBytes` wait in the
 * socket, so a slow device or network is sampled, never queued), reports every server message to
 * `onMessage` (session, challenge, progress, challenge_passed/failed, …) and resolves with the
 * `result` message. A failed challenge is a normal result (`passed: false` with `reasons`); the
 * promise rejects with `AuthloopError` `STREAM_CLOSED` only when the stream cannot be opened or
 * ends without a result. Aborting `signal` sends `cancel` and resolves with the server's result.
 *
 * @example
 * const session = await client.liveness.createSession({ challengeTypes: ['blink', 'smile'] });
 * const stream = await navigator.mediaDevices.getUserMedia({ video: true });
 * const result = await runLivenessSession({ session, stream, onMessage: (m) => render(m) });
 * if (result.passed) useToken(result.livenessToken);
 */
export async function runLivenessSession(options: {
  /** The session as `client.liveness.createSession` answered it. */
  session: CreatedLivenessSession;
  /** API origin; default the page's. */
  baseUrl?: string;
  /** Frames per second to send; default 10. */
  fps?: number;
  /** Longest side of sent frames in pixels (default 640) and JPEG quality 0..1 (default 0.85), for `stream` input. */
  maxSide?: number;
  quality?: number;
  /** Skip a frame while this many bytes are still unsent (default 1 MB). */
  maxBufferedBytes?: number;
  onMessage?: (message: LivenessServerMessage) => void;
  signal?: AbortSignal;
  /** A WebSocket implementation; default the global one. */
  WebSocket?: typeof WebSocket;
} & LivenessFrameInput): Promise<LivenessResult> {
  const { session, baseUrl, fps = 10, maxSide = 640, quality = 0.85, maxBufferedBytes = 1_000_000, onMessage, signal, WebSocket: WS = globalThis.WebSocket } = options;
  const source = 'stream' in options ? await createVideoFrameSource({ stream: options.stream, maxSide, quality }) : null;
  const frames = source ?? ('frames' in options ? options.frames : null);
  if (frames === null) throw new TypeError('runLivenessSession needs `stream` or `frames`.');
  const socket = new WS(livenessStreamUrl(session, baseUrl));
  socket.binaryType = 'arraybuffer';

  return new Promise<LivenessResult>((resolve, reject) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let encoding = false;
    let settled = false;
    let serverError: { code: string; message: string } | null = null;

    const cleanup = () => {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
      source?.close();
    };
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      cleanup();
      f();
    };
    const tick = () => {
      if (encoding || socket.readyState !== WS.OPEN || socket.bufferedAmount > maxBufferedBytes) return;
      encoding = true;
      frames
        .next()
        .then((jpeg) => {
          if (jpeg !== null && socket.readyState === WS.OPEN) socket.send(jpeg);
        })
        .catch(() => undefined)
        .finally(() => {
          encoding = false;
        });
    };
    function onAbort() {
      if (socket.readyState === WS.OPEN) socket.send(JSON.stringify({ type: 'cancel' }));
      clearInterval(timer);
    }

    signal?.addEventListener('abort', onAbort);
    socket.addEventListener('open', () => {
      if (signal?.aborted === true) return onAbort();
      timer = setInterval(tick, Math.max(20, Math.round(1000 / fps)));
      tick();
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      let m: unknown;
      try {
        m = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!isRecord(m) || typeof m['type'] !== 'string') return;
      // Server messages follow the zod union in modules/liveness/streamMessages.ts, which the type is made from.
      const message = m as LivenessServerMessage;
      onMessage?.(message);
      if (message.type === 'error') serverError = { code: message.code, message: message.message };
      if (message.type === 'result') {
        settle(() => resolve(message));
        if (socket.readyState === WS.OPEN) socket.close(1000, 'done');
      }
    });
    socket.addEventListener('close', (event: CloseEvent) => {
      settle(() =>
        reject(
          new AuthloopError({
            code: 'STREAM_CLOSED',
            message: serverError?.message ?? `The liveness stream closed before a result (WebSocket close ${event.code}${event.reason === '' ? '' : `: ${event.reason}`}). The ticket may be used or expired; start a new session.`,
            status: 0,
            details: { closeCode: event.code, ...(serverError === null ? {} : { serverCode: serverError.code }) },
          }),
        ),
      );
    });
  });
}
