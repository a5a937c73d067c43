import { createHash } from 'node:crypto';
import type { FaceTemplate } from '@authloop/engine';
import { EngineError } from '@authloop/engine';
import { createLivenessSession } from '@authloop/engine/liveness';
import type { FrameObservation, LivenessAnalyzerPool, LivenessReason, LivenessSession, TrackerEvent } from '@authloop/engine/liveness';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { challengesOf } from './livenessService.ts';
import type { LivenessService } from './livenessService.ts';
import type { LivenessSessionRow } from './livenessRepository.ts';
import type { ServerMessage } from './streamMessages.ts';

/** PAD and screen cues run on a frame when this long has passed since the last sampled one. */
const PAD_EVERY_MS = 250;
/** The faceres descriptor (same-face check) runs this often. */
const DESCRIBE_EVERY_MS = 1000;

/** One open stream: frames in, status messages out, one result at the end. */
export interface StreamRuntime {
  onFrame(jpeg: Uint8Array): void;
  onCancel(): void;
  /** The socket closed; finishes the session as INCOMPLETE when it had not ended. */
  onClose(): void;
  /** Resolves when the session has ended and its result is stored. */
  readonly finished: Promise<void>;
}

function toMessages(e: TrackerEvent, total: number): ServerMessage[] {
  switch (e.type) {
    case 'face_found':
      return [{ type: 'face', present: true, tMs: e.tMs }];
    case 'face_lost':
      return [{ type: 'face', present: false, tMs: e.tMs }];
    case 'challenge':
      return [{ type: 'challenge', index: e.index, total, challenge: e.challenge }];
    case 'challenge_passed':
      return [{ type: 'challenge_passed', index: e.index, challenge: e.challenge, durationMs: Math.round(e.durationMs) }];
    case 'challenge_failed':
      return [{ type: 'challenge_failed', index: e.index, challenge: e.challenge, reason: e.reason, detail: e.detail }];
  }
}

/**
 * Runs one liveness stream. Frame times are the server clock at arrival (never the client's). At
 * most one frame is analysed at a time per stream and one waits; a newer frame replaces the waiting
 * one (reported as `frame_dropped`), so a fast client is sampled rather than queued.
 */
export function createStreamRuntime({ service, session, analyzer, actor, send, close }: {
  service: LivenessService;
  session: LivenessSessionRow;
  analyzer: LivenessAnalyzerPool;
  actor: AuditActor;
  send: (m: ServerMessage) => void;
  close: () => void;
}): StreamRuntime {
  const clock = service.clock;
  const startedAt = clock.now().getTime();
  const challenges = challengesOf(session);
  const live: LivenessSession = createLivenessSession({ challenges, thresholds: service.thresholds, requirePad: analyzer.padAvailable() });
  const jpegs = new Map<number, Uint8Array>();
  let seq = 0;
  let pushed = 0;
  let bestIndex: number | null = null;
  let inFlight = false;
  let waiting: { jpeg: Uint8Array; tMs: number; frame: number } | null = null;
  let lastPadMs = Number.NEGATIVE_INFINITY;
  let lastDescribeMs = Number.NEGATIVE_INFINITY;
  let ended = false;
  let resolveFinished: () => void = () => undefined;
  const finished = new Promise<void>((r) => { resolveFinished = r; });

  const emit = (events: readonly TrackerEvent[]): void => {
    for (const e of events) for (const m of toMessages(e, challenges.length)) send(m);
  };

  const template = async (): Promise<FaceTemplate | null> => {
    const jpeg = bestIndex === null ? undefined : jpegs.get(bestIndex);
    if (jpeg === undefined) return null;
    if (service.engine !== undefined) {
      const analysis = await service.engine.analyze(jpeg, { pad: false });
      return analysis.template;
    }
    const obs = await analyzer.analyzeJpeg(jpeg, 0, { describe: true });
    const model = analyzer.templateModel();
    if (obs.embedding === null || model === null) return null;
    return { vectors: [{ model: model.model, version: model.version, vector: Float32Array.from(obs.embedding) }] };
  };

  const finish = async (extra: readonly LivenessReason[]): Promise<void> => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    try {
      const verdict = live.verdict(extra);
      const tpl = verdict.passed ? await template().catch(() => null) : null;
      const { token, expiresIn } = await service.complete(session, verdict, tpl, actor);
      const scores = Object.fromEntries(Object.entries(verdict.scores).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : null]));
      send({
        type: 'result', sessionId: session.id, passed: token !== null, reasons: token === null && verdict.passed ? [...verdict.reasons, 'NO_FACE'] : [...verdict.reasons], scores,
        challenges: verdict.challenges.map((c) => ({ challenge: c.challenge, passed: c.passed, durationMs: c.durationMs === null ? null : Math.round(c.durationMs) })),
        livenessToken: token, expiresIn,
      });
    } catch (error) {
      send({ type: 'error', code: 'INTERNAL', message: 'The liveness result could not be stored.' });
      throw error;
    } finally {
      jpegs.clear();
      resolveFinished();
      close();
    }
  };

  const end = (extra: readonly LivenessReason[]): void => {
    finish(extra).catch(() => undefined);
  };

  const expired = (): boolean => clock.now().getTime() > session.expiresAt.getTime();

  const analyse = async (jpeg: Uint8Array, tMs: number, frame: number): Promise<void> => {
    const replayOf = await service.recordFrame(session, createHash('sha256').update(jpeg).digest('hex'));
    if (ended) return;
    if (replayOf !== null) return end(['FRAME_REPLAYED']);
    const pad = tMs - lastPadMs >= PAD_EVERY_MS;
    const describe = tMs - lastDescribeMs >= DESCRIBE_EVERY_MS;
    let obs: FrameObservation;
    try {
      obs = await analyzer.analyzeJpeg(jpeg, tMs, { pad, screen: pad, describe });
    } catch (error) {
      if (error instanceof EngineError && error.code === 'ENGINE_BUSY') return send({ type: 'frame_dropped', frame, reason: 'busy' });
      if (error instanceof EngineError && (error.code === 'IMAGE_UNREADABLE' || error.code === 'IMAGE_TOO_LARGE')) return send({ type: 'error', code: 'LIVENESS_FRAME_INVALID', message: error.message });
      throw error;
    }
    if (ended) return;
    if (pad && obs.face !== null) lastPadMs = tMs;
    if (describe && obs.face !== null) lastDescribeMs = tMs;
    const index = pushed++;
    emit(live.push(obs));
    const best = live.verdict().best?.frameIndex ?? null;
    if (best === index) {
      if (bestIndex !== null) jpegs.delete(bestIndex);
      jpegs.set(index, jpeg);
      bestIndex = index;
    }
    const st = live.state();
    send({ type: 'progress', frame, tMs, face: obs.face !== null, index: st.index, challenge: challenges[st.index] ?? null, progress: Math.round(st.progress * 100) / 100 });
    if (st.done) end([]);
  };

  const pump = (): void => {
    if (inFlight || waiting === null || ended) return;
    const next = waiting;
    waiting = null;
    inFlight = true;
    analyse(next.jpeg, next.tMs, next.frame)
      .catch(() => end(['INCOMPLETE']))
      .finally(() => {
        inFlight = false;
        pump();
      });
  };

  const timer = setInterval(() => {
    if (ended) return;
    if (expired()) return end(['SESSION_EXPIRED']);
    emit(live.tick(clock.now().getTime() - startedAt));
    if (live.state().done) end([]);
  }, 500);
  timer.unref();

  send({ type: 'session', sessionId: session.id, challenges, nonce: session.nonce, expiresAt: session.expiresAt.toISOString(), padAvailable: analyzer.padAvailable() });

  return {
    finished,
    onFrame(jpeg) {
      if (ended) return;
      if (expired()) return end(['SESSION_EXPIRED']);
      const frame = seq++;
      if (waiting !== null) send({ type: 'frame_dropped', frame: waiting.frame, reason: 'busy' });
      waiting = { jpeg, tMs: clock.now().getTime() - startedAt, frame };
      pump();
    },
    onCancel() {
      end(['INCOMPLETE']);
    },
    onClose() {
      if (!ended) end(['INCOMPLETE']);
    },
  };
}
