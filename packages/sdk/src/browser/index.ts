export { registerPasskey } from './registerPasskey.ts';
export { signInWithPasskey } from './signInWithPasskey.ts';
export { approveTransaction } from './approveTransaction.ts';
export { captureJpegFrame } from './captureJpegFrame.ts';
export { createVideoFrameSource } from './createVideoFrameSource.ts';
export type { VideoFrameSource } from './createVideoFrameSource.ts';
export { livenessStreamUrl, runLivenessSession } from './runLivenessSession.ts';
export type { LivenessFrameInput } from './runLivenessSession.ts';
export { browserSupportsWebAuthn } from '@simplewebauthn/browser';
