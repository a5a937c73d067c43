/**
 * Per-action thresholds of the challenge tracker and the verdict. Defaults are calibrated on the
 * shared real clips (`bench/liveness/evalClips.ts`; see `docs/liveness.md` for the figures behind each).
 */
export interface LivenessThresholds {
  /** A frame counts as eyes-closed when EAR < this × the open-eye EAR (rolling 80th percentile over 2 s). */
  readonly blinkClosedRatio: number;
  /** An eye closure longer than this (ms) is not a blink. */
  readonly blinkMaxClosedMs: number;
  /** Smile: the mouth width (over eye span) must rise this fraction above the session's neutral (10th percentile). */
  readonly smileWidthGain: number;
  /** Turns: yaw away from the session's frontal reference (degrees), held on 2 consecutive frames. */
  readonly turnYawDeg: number;
  /** Nod: pitch down by this much (degrees) from the reference, then back within half of it. */
  readonly nodPitchDeg: number;
  /** Look up: pitch up by this much (degrees) from the reference, held on 2 consecutive frames. */
  readonly lookUpPitchDeg: number;
  /** A challenge completed sooner than this after it was presented is too fast for a human (ms). */
  readonly minReactionMs: number;
  /** A challenge not completed within this time fails (ms). */
  readonly challengeTimeoutMs: number;
  /** The face may be out of view at most this long during a challenge (ms). */
  readonly maxFaceLostMs: number;
  /** Passive PAD: median MiniFASNet live score of the sampled frames must reach this (0..1). */
  readonly padThreshold: number;
  /** Screen cues: the combined screen score (0..1) must stay under this. */
  readonly screenThreshold: number;
  /** Planar motion: the median homography/similarity residual ratio over deformed frames must reach this. */
  readonly planarMin: number;
  /** A frame joins the planar test when its non-rigid deformation from the frontal frame is at least this (eye spans). */
  readonly planarMinDeformation: number;
  /** The planar test is judged only with at least this many deformed frames. */
  readonly planarMinFrames: number;
  /** Depth consistency: the median mesh depth spread must lie in [min, max]. */
  readonly depthMin: number;
  readonly depthMax: number;
  /** Same face: faceres cosine between sampled frames and the first must reach this. */
  readonly sameFaceMinCosine: number;
}

/** The calibrated defaults. */
export const DEFAULT_LIVENESS_THRESHOLDS: LivenessThresholds = Object.freeze({
  blinkClosedRatio: 0.7,
  blinkMaxClosedMs: 700,
  smileWidthGain: 0.1,
  turnYawDeg: 15,
  nodPitchDeg: 10,
  lookUpPitchDeg: 10,
  minReactionMs: 250,
  challengeTimeoutMs: 10_000,
  maxFaceLostMs: 3_000,
  padThreshold: 0.5,
  screenThreshold: 0.5,
  planarMin: 0.67,
  planarMinDeformation: 0.06,
  planarMinFrames: 5,
  depthMin: 0.1,
  depthMax: 0.6,
  sameFaceMinCosine: 0.4,
});
