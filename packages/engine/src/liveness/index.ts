/**
 * Active liveness: per-frame facemesh + iris analysis, challenge tracking, planar-motion and depth
 * checks, screen cues, MiniFASNet PAD on sampled frames, and the session verdict.
 */
export { CHALLENGE_TYPES, isChallengeType } from './ChallengeType.ts';
export type { ChallengeType } from './ChallengeType.ts';
export { DEFAULT_LIVENESS_THRESHOLDS } from './livenessThresholds.ts';
export type { LivenessThresholds } from './livenessThresholds.ts';
export { createChallengeTracker } from './createChallengeTracker.ts';
export type { ChallengeFailure, ChallengeTracker, TrackerEvent, TrackerFrame, TrackerState } from './createChallengeTracker.ts';
export { createLivenessSession } from './createLivenessSession.ts';
export type { LivenessSession, LivenessSessionOptions } from './createLivenessSession.ts';
export type { ChallengeOutcome, LivenessReason, LivenessScores, LivenessVerdict } from './LivenessVerdict.ts';
export type { FrameObservation, ObservedFace } from './FrameObservation.ts';
export { createFrameAnalyzer, FACERES_MODEL } from './createFrameAnalyzer.ts';
export type { AnalyzeFrameOptions, FrameAnalyzer, FrameAnalyzerOptions } from './createFrameAnalyzer.ts';
export { createLivenessAnalyzerPool } from './createLivenessAnalyzerPool.ts';
export type { LivenessAnalyzerPool } from './createLivenessAnalyzerPool.ts';
export { createMeshTracker } from './createMeshTracker.ts';
export type { MeshTracker, TrackedFace, Vec3 } from './createMeshTracker.ts';
export { decodeFrame } from './decodeFrame.ts';
export type { FrameLimits } from './decodeFrame.ts';
export { faceMeasures, meshDepthSpread } from './faceMeasures.ts';
export type { FaceMeasures } from './faceMeasures.ts';
export { fitHomography, applyHomography, homographyRms } from './fitHomography.ts';
export type { Correspondence, Homography } from './fitHomography.ts';
export { planarResidual } from './planarMotion.ts';
export { screenCues } from './screenCues.ts';
export type { ScreenCues } from './screenCues.ts';
export { meshToDetectedFace } from './meshFace.ts';
export { meshToObj } from './meshToObj.ts';
