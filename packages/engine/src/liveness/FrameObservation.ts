import type { Box } from '../types.ts';
import type { Vec3 } from './createMeshTracker.ts';
import type { FaceMeasures } from './faceMeasures.ts';
import type { ScreenCues } from './screenCues.ts';

/** The main face of one frame as the analyser saw it. */
export interface ObservedFace {
  readonly box: Box;
  /** facemesh confidence 0..1. */
  readonly meshScore: number;
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  readonly measures: FaceMeasures;
  /** {@link meshDepthSpread} of this frame's mesh. */
  readonly depthSpread: number;
  /** 468 facemesh points in frame pixels. */
  readonly mesh: readonly Vec3[];
}

/**
 * Everything the liveness session needs from one frame. Plain data (structured-clone safe), so it
 * can come back from a worker thread. `pad`, `screen` and `embedding` are only set on sampled frames.
 */
export interface FrameObservation {
  /** Server time of the frame's arrival (ms). */
  readonly tMs: number;
  readonly width: number;
  readonly height: number;
  /** Faces found, counting only those at least half the main face's width. */
  readonly faceCount: number;
  readonly face: ObservedFace | null;
  /** MiniFASNet live score 0..1, or null when not sampled / PAD unavailable. */
  readonly pad: number | null;
  readonly screen: ScreenCues | null;
  /** L2-normalised faceres descriptor, or null when not sampled. */
  readonly embedding: readonly number[] | null;
}
