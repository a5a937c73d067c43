import type { ChallengeType } from './ChallengeType.ts';
import type { LivenessThresholds } from './livenessThresholds.ts';

/** What the tracker needs from one frame. Times are the server's, in ms. */
export interface TrackerFrame {
  readonly tMs: number;
  readonly face: { readonly yawDeg: number; readonly pitchDeg: number; readonly ear: number; readonly mouthWidth: number } | null;
}

/** Why a challenge failed. */
export type ChallengeFailure = 'TIMEOUT' | 'TOO_FAST' | 'WRONG_ORDER' | 'FACE_LOST';

/** What happened on one frame, for status messages. */
export type TrackerEvent =
  | { readonly type: 'face_found'; readonly tMs: number }
  | { readonly type: 'face_lost'; readonly tMs: number }
  | { readonly type: 'challenge'; readonly index: number; readonly challenge: ChallengeType; readonly presentedMs: number }
  | { readonly type: 'challenge_passed'; readonly index: number; readonly challenge: ChallengeType; readonly presentedMs: number; readonly completedMs: number; readonly durationMs: number }
  | { readonly type: 'challenge_failed'; readonly index: number; readonly challenge: ChallengeType; readonly reason: ChallengeFailure; readonly detail: string; readonly presentedMs: number; readonly atMs: number };

/** Progress of the sequence. */
export interface TrackerState {
  readonly done: boolean;
  readonly passed: boolean;
  /** Index of the current challenge (= challenges.length when all passed). */
  readonly index: number;
  /** 0..1 towards completing the current challenge. */
  readonly progress: number;
  readonly failure: { readonly index: number; readonly reason: ChallengeFailure; readonly detail: string } | null;
  readonly completed: readonly { readonly challenge: ChallengeType; readonly presentedMs: number; readonly completedMs: number }[];
}

/** Follows a session's challenge sequence frame by frame. Pure: no I/O, no clock of its own. */
export interface ChallengeTracker {
  push(frame: TrackerFrame): TrackerEvent[];
  /** Fails the current challenge with TIMEOUT when `nowMs` is past its deadline (no frame needed). */
  tick(nowMs: number): TrackerEvent[];
  state(): TrackerState;
}

const REFERENCE_FRAMES = 8;
/** Frames more turned than this (degrees) do not feed the frontal reference. */
const REFERENCE_MAX_DEG = 12;

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1) + 0.5)))] ?? Number.NaN;
}

type HeadMove = 'turn_left' | 'turn_right' | 'look_up' | 'nod';
const isHeadMove = (c: ChallengeType): c is HeadMove => c === 'turn_left' || c === 'turn_right' || c === 'look_up' || c === 'nod';

/** Actions detected on a frame, independently of which challenge is current. */
interface Detectors {
  update(frame: TrackerFrame & { face: NonNullable<TrackerFrame['face']> }): { fired: Set<ChallengeType>; inPose: Record<HeadMove, boolean>; progress: Record<ChallengeType, number> };
  resetFor(challenge: ChallengeType, tMs: number): void;
}

/**
 * Yaw sign convention of Human's facemesh rotation: a face turning towards the image's left gives a
 * positive yaw (checked on `smile_headturn_male_webcam_zubair`, turn to image-left at ≈7–9 s).
 * Pitch: positive = chin down.
 */
const YAW_SIGN_LEFT = 1;
const PITCH_SIGN_DOWN = 1;

function createDetectors(t: LivenessThresholds): Detectors {
  const earHistory: { tMs: number; ear: number }[] = [];
  const mouthHistory: number[] = [];
  const refYaw: number[] = [];
  const refPitch: number[] = [];
  let closedSince: number | null = null;
  let windowMouthMax = 0;
  let windowMouthMin = Number.POSITIVE_INFINITY;
  let nodDownSeen = false;
  const streak: Record<'turn_left' | 'turn_right' | 'look_up', number> = { turn_left: 0, turn_right: 0, look_up: 0 };

  return {
    resetFor(challenge) {
      if (challenge === 'smile') {
        windowMouthMax = 0;
        windowMouthMin = Number.POSITIVE_INFINITY;
      }
      if (challenge === 'nod') nodDownSeen = false;
    },
    update({ tMs, face }) {
      const fired = new Set<ChallengeType>();
      // The frontal reference: median pose of the first near-frontal frames (0 until there are any),
      // so a session that starts with the head already turned is measured from the camera axis.
      if (refYaw.length < REFERENCE_FRAMES && Math.abs(face.yawDeg) <= REFERENCE_MAX_DEG && Math.abs(face.pitchDeg) <= REFERENCE_MAX_DEG) {
        refYaw.push(face.yawDeg);
        refPitch.push(face.pitchDeg);
      }
      const yaw = face.yawDeg - (refYaw.length > 0 ? percentile(refYaw, 0.5) : 0);
      const pitch = face.pitchDeg - (refPitch.length > 0 ? percentile(refPitch, 0.5) : 0);

      // Blink: EAR under a fraction of the open-eye EAR, then open again within blinkMaxClosedMs.
      earHistory.push({ tMs, ear: face.ear });
      while (earHistory.length > 0 && (earHistory[0]?.tMs ?? tMs) < tMs - 2000) earHistory.shift();
      const openEar = percentile(earHistory.map((e) => e.ear), 0.8);
      const closed = face.ear < t.blinkClosedRatio * openEar;
      let blinkProgress = 0;
      if (closed) {
        closedSince ??= tMs;
        blinkProgress = 0.5;
      } else if (closedSince !== null) {
        if (tMs - closedSince <= t.blinkMaxClosedMs) fired.add('blink');
        closedSince = null;
      }

      // Smile: the mouth width crosses from neutral to wide, or from wide to neutral, within the window.
      mouthHistory.push(face.mouthWidth);
      const neutralMouth = percentile(mouthHistory, 0.1);
      windowMouthMax = Math.max(windowMouthMax, face.mouthWidth);
      windowMouthMin = Math.min(windowMouthMin, face.mouthWidth);
      const base = Math.min(neutralMouth, windowMouthMin);
      const gain = base > 0 ? windowMouthMax / base - 1 : 0;
      const wide = base * (1 + t.smileWidthGain), relaxed = base * (1 + t.smileWidthGain / 2);
      // A smile starting (neutral earlier in the window, wide now) or ending (wide earlier, neutral now).
      if ((windowMouthMin <= relaxed && face.mouthWidth >= wide) || (windowMouthMax >= wide && face.mouthWidth <= relaxed)) fired.add('smile');
      const smileProgress = Math.min(1, Math.max(0, gain / t.smileWidthGain));

      // Turns and look-up: held on two consecutive frames.
      const held = (key: 'turn_left' | 'turn_right' | 'look_up', on: boolean): boolean => {
        streak[key] = on ? streak[key] + 1 : 0;
        return streak[key] >= 2;
      };
      const inPose = {
        turn_left: yaw * YAW_SIGN_LEFT >= t.turnYawDeg,
        turn_right: -yaw * YAW_SIGN_LEFT >= t.turnYawDeg,
        look_up: -pitch * PITCH_SIGN_DOWN >= t.lookUpPitchDeg,
        nod: pitch * PITCH_SIGN_DOWN >= t.nodPitchDeg,
      };
      if (held('turn_left', inPose.turn_left)) fired.add('turn_left');
      if (held('turn_right', inPose.turn_right)) fired.add('turn_right');
      if (held('look_up', inPose.look_up)) fired.add('look_up');
      // Nod: down by nodPitchDeg, then back within half of it.
      if (pitch * PITCH_SIGN_DOWN >= t.nodPitchDeg) nodDownSeen = true;
      else if (nodDownSeen && pitch * PITCH_SIGN_DOWN <= t.nodPitchDeg / 2) {
        fired.add('nod');
        nodDownSeen = false;
      }
      const clamp = (x: number): number => Math.min(1, Math.max(0, x));
      return {
        fired,
        inPose,
        progress: {
          blink: blinkProgress,
          smile: fired.has('smile') ? 1 : smileProgress * 0.9,
          turn_left: clamp((yaw * YAW_SIGN_LEFT) / t.turnYawDeg),
          turn_right: clamp((-yaw * YAW_SIGN_LEFT) / t.turnYawDeg),
          nod: nodDownSeen ? 0.7 : clamp((pitch * PITCH_SIGN_DOWN) / t.nodPitchDeg) * 0.7,
          look_up: clamp((-pitch * PITCH_SIGN_DOWN) / t.lookUpPitchDeg),
        },
      };
    },
  };
}

/** Challenges whose action is deliberate and unambiguous enough that doing it early means the order is wrong. */
const ORDER_CHECKED: ReadonlySet<ChallengeType> = new Set(['turn_left', 'turn_right', 'nod', 'look_up']);

/**
 * Creates a tracker for a sequence of challenges. The first is presented at the first frame with a
 * face; each next one when the previous passes. A challenge fails when it times out, completes
 * faster than a human reacts, when a later challenge's head movement comes first (wrong order), or
 * when the face is out of view too long. The open-eye EAR, neutral mouth and frontal pose are
 * learnt from the session's own frames, so thresholds are relative to the person.
 */
export function createChallengeTracker(challenges: readonly ChallengeType[], thresholds: LivenessThresholds): ChallengeTracker {
  const detectors = createDetectors(thresholds);
  let index = 0;
  let presentedMs: number | null = null;
  let progress = 0;
  let failure: TrackerState['failure'] = null;
  let faceVisible = false;
  let armed = true;
  let lastInPose: Record<HeadMove, boolean> | null = null;
  let lostSince: number | null = null;
  const completed: { challenge: ChallengeType; presentedMs: number; completedMs: number }[] = [];

  const done = (): boolean => failure !== null || index >= challenges.length;

  const fail = (reason: ChallengeFailure, detail: string, atMs: number): TrackerEvent[] => {
    const challenge = challenges[index];
    if (challenge === undefined || presentedMs === null) return [];
    failure = { index, reason, detail };
    return [{ type: 'challenge_failed', index, challenge, reason, detail, presentedMs, atMs }];
  };

  const present = (tMs: number): TrackerEvent[] => {
    const challenge = challenges[index];
    if (challenge === undefined) return [];
    presentedMs = tMs;
    armed = !(isHeadMove(challenge) && lastInPose !== null && lastInPose[challenge]);
    progress = 0;
    detectors.resetFor(challenge, tMs);
    return [{ type: 'challenge', index, challenge, presentedMs: tMs }];
  };

  const tick = (nowMs: number): TrackerEvent[] => {
    if (done() || presentedMs === null) return [];
    if (nowMs - presentedMs > thresholds.challengeTimeoutMs) return fail('TIMEOUT', `not completed within ${thresholds.challengeTimeoutMs} ms`, nowMs);
    if (lostSince !== null && nowMs - lostSince > thresholds.maxFaceLostMs) return fail('FACE_LOST', `face out of view for more than ${thresholds.maxFaceLostMs} ms`, nowMs);
    return [];
  };

  return {
    tick,
    push(frame) {
      if (done()) return [];
      const events: TrackerEvent[] = [];
      if (frame.face === null) {
        if (faceVisible) events.push({ type: 'face_lost', tMs: frame.tMs });
        faceVisible = false;
        lostSince ??= frame.tMs;
        return [...events, ...tick(frame.tMs)];
      }
      if (!faceVisible) events.push({ type: 'face_found', tMs: frame.tMs });
      faceVisible = true;
      lostSince = null;
      if (presentedMs === null) events.push(...present(frame.tMs));
      const timeout = tick(frame.tMs);
      if (timeout.length > 0) return [...events, ...timeout];

      const { fired, inPose, progress: p } = detectors.update({ tMs: frame.tMs, face: frame.face });
      lastInPose = inPose;
      const current = challenges[index];
      if (current === undefined || presentedMs === null) return events;
      progress = p[current];
      // A head movement counts only as a movement into the pose after it was asked for: a head
      // already in the pose when the challenge appears must leave it first.
      if (isHeadMove(current)) {
        if (frame.tMs === presentedMs && inPose[current]) armed = false;
        else if (!inPose[current]) armed = true;
        if (!armed) fired.delete(current);
      }
      const later = challenges.slice(index + 1).find((c) => c !== current && ORDER_CHECKED.has(c) && fired.has(c));
      if (later !== undefined && !fired.has(current)) return [...events, ...fail('WRONG_ORDER', `${later} done before ${current}`, frame.tMs)];
      if (fired.has(current)) {
        const durationMs = frame.tMs - presentedMs;
        if (durationMs < thresholds.minReactionMs) {
          // A head movement this soon is scripted; a blink or smile this soon was spontaneous and does not count.
          if (ORDER_CHECKED.has(current)) return [...events, ...fail('TOO_FAST', `${current} completed ${Math.round(durationMs)} ms after it was shown (minimum ${thresholds.minReactionMs} ms)`, frame.tMs)];
          detectors.resetFor(current, frame.tMs);
          return events;
        }
        completed.push({ challenge: current, presentedMs, completedMs: frame.tMs });
        events.push({ type: 'challenge_passed', index, challenge: current, presentedMs, completedMs: frame.tMs, durationMs });
        index += 1;
        progress = 0;
        if (index < challenges.length) events.push(...present(frame.tMs));
      }
      return events;
    },
    state() {
      return { done: done(), passed: failure === null && index >= challenges.length, index, progress, failure, completed: [...completed] };
    },
  };
}
