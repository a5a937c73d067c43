import type { DetectedFace } from '../types.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import { floatTensor, outputData, type OnnxSession } from './OnnxSession.ts';
import { eyeLineAngle, padCrop, UPRIGHT_ROLL_DEG } from './padCrop.ts';

/** A passive presentation-attack detector returning a live score 0..1. */
export interface PadModel {
  /**
   * Live score of `face` (landmarks refined for roll). `detected` is the detector's original output,
   * whose axis-aligned box the reference crop uses; pass the same face when there was no refinement.
   */
  liveScore(image: RgbImage, face: DetectedFace, detected: DetectedFace): Promise<number>;
}

function softmax(logits: Float32Array): number[] {
  const m = Math.max(...logits);
  const e = Array.from(logits, (x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

function bgrTensor(crop: RgbImage): Float32Array {
  const plane = crop.width * crop.height;
  const out = new Float32Array(3 * plane);
  const d = crop.data;
  for (let i = 0; i < plane; i++) {
    out[i] = d[i * 3 + 2] as number;
    out[plane + i] = d[i * 3 + 1] as number;
    out[2 * plane + i] = d[i * 3] as number;
  }
  return out;
}

/**
 * MiniFASNet V2 (crop ×2.7) + V1SE (crop ×4.0) from Silent-Face-Anti-Spoofing: BGR 0–255 80×80
 * crops, softmax per model, class 1 = real. The live score is the mean of the two models' real-class
 * probabilities (0..1). For a rolled face (|roll| > 12°) it is scored twice — on the reference
 * axis-aligned crop and on the de-rotated upright crop — and the lower score is kept, so a tilted
 * presentation must look live both ways (fail-safe: the de-rotated view alone let a sideways print pass).
 */
export function createMiniFasNet(v2: OnnxSession, v1se: OnnxSession): PadModel {
  const probReal = async (session: OnnxSession, crop: RgbImage): Promise<number> => {
    const out = await session.run({ input: floatTensor(bgrTensor(crop), [1, 3, 80, 80]) });
    return softmax(outputData(out, 'logits'))[1] ?? 0;
  };
  return {
    async liveScore(image: RgbImage, face: DetectedFace, detected: DetectedFace): Promise<number> {
      const score = async (f: DetectedFace, derotate: boolean): Promise<number> =>
        ((await probReal(v2, padCrop(image, f, 2.7, { derotate }))) + (await probReal(v1se, padCrop(image, f, 4.0, { derotate })))) / 2;
      const reference = await score(detected, false);
      if (Math.abs(eyeLineAngle(face.landmarks)) * (180 / Math.PI) <= UPRIGHT_ROLL_DEG) return reference;
      return Math.min(reference, await score(face, true));
    },
  };
}
