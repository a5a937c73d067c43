import type { ChallengeType } from './ChallengeType.ts';
import type { Vec3 } from './createMeshTracker.ts';

/** Why a session did not pass. Stable codes a client can map to hints. */
export type LivenessReason =
  | 'NO_FACE'
  | 'CHALLENGE_TIMEOUT'
  | 'CHALLENGE_TOO_FAST'
  | 'CHALLENGE_WRONG_ORDER'
  | 'FACE_LOST'
  | 'DIFFERENT_FACE'
  | 'MULTIPLE_FACES'
  | 'PAD_SPOOF'
  | 'SCREEN_DETECTED'
  | 'PLANAR_MOTION'
  | 'DEPTH_INCONSISTENT'
  | 'FRAME_REPLAYED'
  | 'SESSION_EXPIRED'
  | 'INCOMPLETE';

/** The scores behind a verdict; null when not measured (e.g. PAD models absent, no head motion). */
export interface LivenessScores {
  /** Median MiniFASNet live score over sampled frames (0..1, higher = live). */
  readonly pad: number | null;
  readonly padFrames: number;
  /** Median combined screen-cue score (0..1, higher = screen-like) and its parts. */
  readonly screen: number | null;
  readonly moire: number | null;
  readonly bezel: number | null;
  readonly glare: number | null;
  /** Median homography/similarity residual ratio over non-rigidly deformed frames (near 0 = a plane moved; ≈0.7–0.8 = a head). */
  readonly planar: number | null;
  /** Largest yaw/pitch change seen from the most frontal frame (degrees). */
  readonly motionDeg: number;
  /** Median mesh depth spread (see `meshDepthSpread`). */
  readonly depth: number | null;
  /** Lowest faceres cosine between a sampled frame and the first one. */
  readonly sameFace: number | null;
  /** Share of frames with a second face at least half the main face's width. */
  readonly multiFaceShare: number;
  readonly frames: number;
  readonly faceFrames: number;
}

/** One challenge's outcome with its timing (server ms). */
export interface ChallengeOutcome {
  readonly challenge: ChallengeType;
  readonly passed: boolean;
  readonly presentedMs: number | null;
  readonly completedMs: number | null;
  readonly durationMs: number | null;
}

/** The final decision of a session. */
export interface LivenessVerdict {
  readonly passed: boolean;
  readonly reasons: readonly LivenessReason[];
  readonly scores: LivenessScores;
  readonly challenges: readonly ChallengeOutcome[];
  /** The best frame (most frontal, eyes open, highest mesh score): its index among pushed frames and its mesh. */
  readonly best: { readonly frameIndex: number; readonly tMs: number; readonly mesh: readonly Vec3[] } | null;
}
