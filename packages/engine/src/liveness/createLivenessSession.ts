import type { ChallengeType } from './ChallengeType.ts';
import { createChallengeTracker } from './createChallengeTracker.ts';
import type { TrackerEvent, TrackerState } from './createChallengeTracker.ts';
import type { FrameObservation, ObservedFace } from './FrameObservation.ts';
import type { LivenessThresholds } from './livenessThresholds.ts';
import type { LivenessReason, LivenessScores, LivenessVerdict } from './LivenessVerdict.ts';
import { planarFit } from './planarMotion.ts';

/** Options of {@link createLivenessSession}. */
export interface LivenessSessionOptions {
  readonly challenges: readonly ChallengeType[];
  readonly thresholds: LivenessThresholds;
  /** When true (PAD models loaded), a session without any PAD-scored frame cannot pass. Default false. */
  readonly requirePad?: boolean;
}

/** A session's frame-by-frame state machine: challenges plus passive evidence, then one verdict. Pure. */
export interface LivenessSession {
  push(frame: FrameObservation): TrackerEvent[];
  tick(nowMs: number): TrackerEvent[];
  state(): TrackerState;
  /** The verdict now; `extra` adds reasons found outside the frames (replayed frames, expiry, stream closed). */
  verdict(extra?: readonly LivenessReason[]): LivenessVerdict;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? null) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Frontalness and eye-openness: lower is a better "best frame". */
function frameCost(f: ObservedFace): number {
  return Math.abs(f.yawDeg) + Math.abs(f.pitchDeg) + Math.abs(f.rollDeg) / 2 + (1 - f.meshScore) * 50 + (f.measures.ear < 0.2 ? 30 : 0);
}

/**
 * Creates the liveness decision for one session. Challenges come from {@link createChallengeTracker};
 * the verdict also needs: PAD (median live score ≥ threshold), no screen cues, non-planar motion
 * when the head moved enough to judge it, a plausible mesh depth, the same face throughout, and no
 * persistent second face. Every failed check adds its reason; `passed` means none failed.
 */
export function createLivenessSession({ challenges, thresholds: t, requirePad = false }: LivenessSessionOptions): LivenessSession {
  const tracker = createChallengeTracker(challenges, t);
  const pads: number[] = [];
  const screens: { score: number; moire: number; bezel: number; glare: number }[] = [];
  const depths: number[] = [];
  const planars: number[] = [];
  let firstEmbedding: readonly number[] | null = null;
  let minSameFace: number | null = null;
  let frames = 0, faceFrames = 0, multiFrames = 0;
  let reference: ObservedFace | null = null;
  let motionDeg = 0;
  let best: { frameIndex: number; tMs: number; cost: number; face: ObservedFace } | null = null;
  const events: TrackerEvent[] = [];

  return {
    push(frame) {
      const index = frames++;
      if (frame.pad !== null) pads.push(frame.pad);
      if (frame.screen !== null) screens.push(frame.screen);
      const face = frame.face;
      if (face !== null) {
        faceFrames++;
        if (frame.faceCount > 1) multiFrames++;
        // Depth spread is judged on near-frontal frames only: it grows with yaw as the eye span foreshortens.
        if (Math.abs(face.yawDeg) <= 15 && Math.abs(face.pitchDeg) <= 15) depths.push(face.depthSpread);
        const cost = frameCost(face);
        if (best === null || cost < best.cost) best = { frameIndex: index, tMs: frame.tMs, cost, face };
        // The planar reference is the session's first face (the person starts facing the camera); a
        // reference that follows the most frontal-looking frame drifts onto warped frames of a photo.
        reference ??= face;
        const motion = Math.max(Math.abs(face.yawDeg - reference.yawDeg), Math.abs(face.pitchDeg - reference.pitchDeg));
        motionDeg = Math.max(motionDeg, motion);
        // Planar test on every frame whose points deformed non-rigidly enough to judge (facemesh's
        // own pose barely moves for a tilted photo, so the deformation, not the pose, selects frames).
        const fit = planarFit(reference.mesh, face.mesh);
        if (fit !== null && fit.similarity >= t.planarMinDeformation) planars.push(fit.ratio);
        // Identity is compared on near-frontal frames only: faceres drifts on profiles and occlusions.
        if (frame.embedding !== null && frame.embedding.length > 0 && Math.abs(face.yawDeg) <= 20 && Math.abs(face.pitchDeg) <= 20) {
          if (firstEmbedding === null) firstEmbedding = frame.embedding;
          else {
            const c = cosine(firstEmbedding, frame.embedding);
            minSameFace = minSameFace === null ? c : Math.min(minSameFace, c);
          }
        }
      }
      const e = tracker.push({ tMs: frame.tMs, face: face === null ? null : { yawDeg: face.yawDeg, pitchDeg: face.pitchDeg, ear: face.measures.ear, mouthWidth: face.measures.mouthWidth } });
      events.push(...e);
      return e;
    },
    tick(nowMs) {
      const e = tracker.tick(nowMs);
      events.push(...e);
      return e;
    },
    state: () => tracker.state(),
    verdict(extra = []) {
      const state = tracker.state();
      const reasons = new Set<LivenessReason>(extra);
      if (faceFrames === 0) reasons.add('NO_FACE');
      if (state.failure !== null) {
        const map = { TIMEOUT: 'CHALLENGE_TIMEOUT', TOO_FAST: 'CHALLENGE_TOO_FAST', WRONG_ORDER: 'CHALLENGE_WRONG_ORDER', FACE_LOST: 'FACE_LOST' } as const;
        reasons.add(map[state.failure.reason]);
      } else if (!state.passed) reasons.add('INCOMPLETE');
      const screenMedian = median(screens.map((s) => s.score));
      const scores: LivenessScores = {
        pad: median(pads),
        padFrames: pads.length,
        screen: screenMedian,
        moire: median(screens.map((s) => s.moire)),
        bezel: median(screens.map((s) => s.bezel)),
        glare: median(screens.map((s) => s.glare)),
        planar: median(planars),
        motionDeg,
        depth: median(depths),
        sameFace: minSameFace,
        multiFaceShare: faceFrames > 0 ? multiFrames / faceFrames : 0,
        frames,
        faceFrames,
      };
      if (scores.pad !== null ? scores.pad < t.padThreshold : requirePad) reasons.add('PAD_SPOOF');
      if (scores.screen !== null && scores.screen >= t.screenThreshold) reasons.add('SCREEN_DETECTED');
      if (scores.planar !== null && planars.length >= t.planarMinFrames && scores.planar < t.planarMin) reasons.add('PLANAR_MOTION');
      if (scores.depth !== null && (scores.depth < t.depthMin || scores.depth > t.depthMax)) reasons.add('DEPTH_INCONSISTENT');
      if (scores.sameFace !== null && scores.sameFace < t.sameFaceMinCosine) reasons.add('DIFFERENT_FACE');
      if (scores.multiFaceShare > 0.3) reasons.add('MULTIPLE_FACES');
      const chosen = best;
      return {
        passed: reasons.size === 0,
        reasons: [...reasons],
        scores,
        challenges: challenges.map((challenge, i) => {
          const c = state.completed[i];
          const shown = events.find((e) => e.type === 'challenge' && e.index === i);
          return {
            challenge,
            passed: c !== undefined,
            presentedMs: shown?.type === 'challenge' ? shown.presentedMs : null,
            completedMs: c?.completedMs ?? null,
            durationMs: c === undefined ? null : c.completedMs - c.presentedMs,
          };
        }),
        best: chosen === null ? null : { frameIndex: chosen.frameIndex, tMs: chosen.tMs, mesh: chosen.face.mesh },
      };
    },
  };
}
