import type { LivenessChallenge, LivenessResult, LivenessServerMessage } from '@authloop/sdk';

/** What the face sign-in screen shows while a liveness stream runs, folded from the server's messages. */
export interface LivenessProgress {
  readonly challenges: readonly LivenessChallenge[];
  /** Index of the challenge being asked for; equals `challenges.length` when all passed. */
  readonly current: number;
  /** Progress of the current challenge, 0..1. */
  readonly progress: number;
  /** Null until the server says whether it sees a face. */
  readonly face: boolean | null;
  readonly passed: readonly number[];
  readonly failed: { readonly index: number; readonly reason: string; readonly detail: string } | null;
  readonly result: LivenessResult | null;
}

/** The state before the first message. */
export const initialLivenessProgress: LivenessProgress = { challenges: [], current: 0, progress: 0, face: null, passed: [], failed: null, result: null };

/** Applies one stream message, or `reset` before a new session (pure, so it can be tested without a server). */
export function livenessProgress(s: LivenessProgress, m: LivenessServerMessage | { readonly type: 'reset' }): LivenessProgress {
  switch (m.type) {
    case 'reset':
      return initialLivenessProgress;
    case 'session':
      return { ...initialLivenessProgress, challenges: m.challenges };
    case 'face':
      return { ...s, face: m.present };
    case 'challenge':
      return { ...s, current: m.index, progress: 0 };
    case 'progress':
      return m.index === s.current ? { ...s, face: m.face, progress: Math.max(0, Math.min(1, m.progress)) } : s;
    case 'challenge_passed':
      return { ...s, passed: s.passed.includes(m.index) ? s.passed : [...s.passed, m.index], current: Math.max(s.current, m.index + 1), progress: 0 };
    case 'challenge_failed':
      return { ...s, failed: { index: m.index, reason: m.reason, detail: m.detail } };
    case 'result':
      return { ...s, result: m };
    case 'frame_dropped':
    case 'error':
    case 'pong':
      return s;
  }
}
