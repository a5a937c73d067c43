import { describe, expect, it } from 'vitest';
import type { ChallengeType } from './ChallengeType.ts';
import { createChallengeTracker } from './createChallengeTracker.ts';
import type { TrackerFrame } from './createChallengeTracker.ts';
import { DEFAULT_LIVENESS_THRESHOLDS } from './livenessThresholds.ts';

// Synthetic landmark tracks (measures per frame at 15 fps), not real video: they drive the cases the
// shared clips do not contain (wrong order, too fast, timeout, face lost).
type Face = NonNullable<TrackerFrame['face']>;
const neutral: Face = { yawDeg: 0, pitchDeg: 0, ear: 0.3, mouthWidth: 0.62 };
const STEP = 1000 / 15;

function track(segments: readonly { ms: number; face: Partial<Face> | null }[]): TrackerFrame[] {
  const frames: TrackerFrame[] = [];
  let t = 0;
  for (const s of segments) {
    for (const end = t + s.ms; t < end; t += STEP) frames.push({ tMs: t, face: s.face === null ? null : { ...neutral, ...s.face } });
  }
  return frames;
}

function run(challenges: readonly ChallengeType[], frames: readonly TrackerFrame[]) {
  const tracker = createChallengeTracker(challenges, DEFAULT_LIVENESS_THRESHOLDS);
  const events = frames.flatMap((f) => tracker.push(f));
  return { state: tracker.state(), events, tracker };
}

describe('createChallengeTracker', () => {
  it('passes a blink, a smile and turns done in order, with their timing', () => {
    const { state, events } = run(['blink', 'smile', 'turn_left', 'turn_right'], track([
      { ms: 800, face: {} },
      { ms: 140, face: { ear: 0.08 } },
      { ms: 800, face: {} },
      { ms: 600, face: { mouthWidth: 0.8 } },
      { ms: 600, face: {} },
      { ms: 500, face: { yawDeg: 25 } },
      { ms: 500, face: {} },
      { ms: 500, face: { yawDeg: -25 } },
    ]));
    expect(state).toMatchObject({ done: true, passed: true, failure: null });
    const passed = events.filter((e) => e.type === 'challenge_passed');
    expect(passed.map((e) => e.challenge)).toEqual(['blink', 'smile', 'turn_left', 'turn_right']);
    for (const e of passed) if (e.type === 'challenge_passed') expect(e.durationMs).toBeGreaterThanOrEqual(DEFAULT_LIVENESS_THRESHOLDS.minReactionMs);
  });

  it('does not count a long eye closure as a blink', () => {
    const { state } = run(['blink'], track([{ ms: 600, face: {} }, { ms: 2000, face: { ear: 0.08 } }, { ms: 600, face: {} }]));
    expect(state.passed).toBe(false);
  });

  it('fails a later challenge done first as WRONG_ORDER', () => {
    const { state } = run(['turn_left', 'turn_right'], track([{ ms: 600, face: {} }, { ms: 600, face: { yawDeg: -25 } }]));
    expect(state.failure).toMatchObject({ index: 0, reason: 'WRONG_ORDER' });
  });

  it('fails a head movement completed faster than a human reacts as TOO_FAST', () => {
    const { state } = run(['turn_left', 'turn_right'], track([{ ms: 600, face: {} }, { ms: 140, face: { yawDeg: 25 } }, { ms: 200, face: { yawDeg: -25 } }]));
    expect(state.failure).toMatchObject({ index: 1, reason: 'TOO_FAST' });
  });

  it('fails with TIMEOUT when nothing happens, even without frames', () => {
    const { state, tracker } = run(['nod'], track([{ ms: 500, face: {} }]));
    expect(state.done).toBe(false);
    tracker.tick(DEFAULT_LIVENESS_THRESHOLDS.challengeTimeoutMs + 1000);
    expect(tracker.state().failure).toMatchObject({ reason: 'TIMEOUT' });
  });

  it('fails with FACE_LOST when the face leaves for too long, and reports found/lost', () => {
    const { state, events } = run(['look_up'], track([{ ms: 500, face: {} }, { ms: DEFAULT_LIVENESS_THRESHOLDS.maxFaceLostMs + 500, face: null }]));
    expect(state.failure).toMatchObject({ reason: 'FACE_LOST' });
    expect(events.filter((e) => e.type === 'face_found' || e.type === 'face_lost').map((e) => e.type)).toEqual(['face_found', 'face_lost']);
  });

  it('passes a nod (down then back) and a look-up', () => {
    const { state } = run(['nod', 'look_up'], track([{ ms: 600, face: {} }, { ms: 400, face: { pitchDeg: 18 } }, { ms: 400, face: {} }, { ms: 400, face: { pitchDeg: -18 } }]));
    expect(state.passed).toBe(true);
  });
});
