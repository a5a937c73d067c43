import type { LivenessReason, LivenessVerdict } from '@authloop/engine/liveness';
import type { Services } from '../../src/app/createServices.ts';

const scores: LivenessVerdict['scores'] = {
  pad: 0.5, padFrames: 10, screen: null, moire: null, bezel: null, glare: null, planar: 0.7, motionDeg: 12, depth: null, sameFace: 0.9, multiFaceShare: 0, frames: 30, faceFrames: 30,
};

/**
 * Creates a liveness session and completes it with a synthetic verdict through the liveness
 * service (the path the stream takes after analysis), so a test can have passed and failed
 * sessions without streaming video. A passed session gets a small made-up face template.
 */
export async function recordLivenessResult(services: Services, tenantId: string, reasons: readonly LivenessReason[]): Promise<string> {
  const actor = { type: 'system' as const, id: null };
  const { session } = await services.liveness.create(tenantId, actor, {});
  const passed = reasons.length === 0;
  const verdict: LivenessVerdict = { passed, reasons, scores, challenges: [], best: null };
  const template = passed ? { vectors: [{ model: 'test', version: '1', vector: new Float32Array(8).fill(0.35) }] } : null;
  await services.liveness.complete(session, verdict, template, actor);
  return session.id;
}
