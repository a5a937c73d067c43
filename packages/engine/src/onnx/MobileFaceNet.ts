import type { RgbImage } from '../image/RgbImage.ts';
import { floatTensor, outputData, type OnnxSession } from './OnnxSession.ts';

/** An embedding and its length before normalisation. */
export interface Embedding {
  /** L2-normalised. */
  readonly vector: Float32Array;
  /** Raw length (mean over the face and its mirror when flipping). */
  readonly magnitude: number;
}

/** A recogniser turning an aligned 112×112 face into an L2-normalised embedding. */
export interface FaceEmbedder {
  readonly dimensions: number;
  embed(aligned: RgbImage): Promise<Embedding>;
}

const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/** Builds the NCHW RGB tensor MobileFaceNet expects (x/255, ImageNet mean/std), optionally mirrored. */
function toTensor(face: RgbImage, mirror: boolean): Float32Array {
  const { width: w, height: h, data } = face;
  const plane = w * h;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = mirror ? w - 1 - x : x;
      const o = (y * w + sx) * 3, t = y * w + x;
      for (let c = 0; c < 3; c++) out[c * plane + t] = ((data[o + c] as number) / 255 - (MEAN[c] as number)) / (STD[c] as number);
    }
  }
  return out;
}

function length(v: Float32Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/** L2-normalises a vector in place and returns it. */
export function l2normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
  return v;
}

/** Options of {@link createMobileFaceNet}. */
export interface MobileFaceNetOptions {
  /** Test-time augmentation: add the embedding of the mirrored face before normalising. Default true. */
  readonly flip?: boolean;
}

/**
 * MobileFaceNet (foamliu, 128-d) on onnxruntime. With `flip` (default) the embedding is the sum of
 * the L2-normalised embeddings of the aligned face and its mirror image, normalised again — the usual
 * flip test-time augmentation; it doubles the recogniser's cost.
 */
export function createMobileFaceNet(session: OnnxSession, { flip = true }: MobileFaceNetOptions = {}): FaceEmbedder {
  const run = async (tensor: Float32Array): Promise<Float32Array> => {
    const out = await session.run({ input0: floatTensor(tensor, [1, 3, 112, 112]) });
    return outputData(out, 'output0');
  };
  return {
    dimensions: 128,
    async embed(aligned: RgbImage): Promise<Embedding> {
      if (aligned.width !== 112 || aligned.height !== 112) throw new RangeError('MobileFaceNet needs a 112×112 aligned face');
      const plain = Float32Array.from(await run(toTensor(aligned, false)));
      const norms = [length(plain)];
      const v = l2normalise(Float32Array.from(plain));
      if (flip) {
        const mirrored = Float32Array.from(await run(toTensor(aligned, true)));
        norms.push(length(mirrored));
        l2normalise(mirrored);
        for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) + (mirrored[i] as number);
      }
      return { vector: l2normalise(v), magnitude: norms.reduce((a, b) => a + b, 0) / norms.length };
    },
  };
}
