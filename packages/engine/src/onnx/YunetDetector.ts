import type { DetectedFace, Point } from '../types.ts';
import type { RgbImage } from '../image/RgbImage.ts';
import { resizeRgb } from '../image/resizeRgb.ts';
import { floatTensor, outputData, type OnnxSession } from './OnnxSession.ts';

/** Options of {@link createYunetDetector}. */
export interface YunetOptions {
  /** Minimum detection score 0..1 (sqrt(cls·obj), as OpenCV FaceDetectorYN). Default 0.6. */
  readonly scoreThreshold?: number;
  /** IoU above which overlapping boxes are suppressed. Default 0.3. */
  readonly nmsThreshold?: number;
  /** The image is downscaled so that its longer side is at most this many pixels before detection. Default 640. */
  readonly maxInputSide?: number;
}

/** A face detector returning boxes and five landmarks in source-image pixels, sorted by box area (largest first). */
export interface FaceDetector {
  detect(image: RgbImage): Promise<DetectedFace[]>;
}

const STRIDES = [8, 16, 32] as const;

function iou(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const x1 = Math.max(a.x, b.x), y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width), y2 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * YuNet (libfacedetection / OpenCV Zoo, MIT) on onnxruntime: BGR 0–255 input padded to a multiple
 * of 32, decoded like OpenCV's `FaceDetectorYN` (score = √(cls·obj), box centre and size per anchor
 * point, five landmarks: right eye, left eye, nose tip, right and left mouth corners, as seen in the image
 * from left to right for the eyes).
 */
export function createYunetDetector(session: OnnxSession, { scoreThreshold = 0.6, nmsThreshold = 0.3, maxInputSide = 640 }: YunetOptions = {}): FaceDetector {
  return {
    async detect(image: RgbImage): Promise<DetectedFace[]> {
      const scale = Math.min(1, maxInputSide / Math.max(image.width, image.height));
      const w = Math.max(1, Math.round(image.width * scale));
      const h = Math.max(1, Math.round(image.height * scale));
      const input = scale < 1 ? await resizeRgb(image, w, h) : image;
      const sx = image.width / w, sy = image.height / h;
      const padW = Math.ceil(w / 32) * 32, padH = Math.ceil(h / 32) * 32;
      const plane = padW * padH;
      const tensor = new Float32Array(3 * plane);
      const d = input.data;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const o = (y * w + x) * 3, t = y * padW + x;
          tensor[t] = d[o + 2] as number;
          tensor[plane + t] = d[o + 1] as number;
          tensor[2 * plane + t] = d[o] as number;
        }
      }
      const outputs = await session.run({ input: floatTensor(tensor, [1, 3, padH, padW]) });
      const candidates: DetectedFace[] = [];
      for (const stride of STRIDES) {
        const cls = outputData(outputs, `cls_${stride}`), obj = outputData(outputs, `obj_${stride}`);
        const bbox = outputData(outputs, `bbox_${stride}`), kps = outputData(outputs, `kps_${stride}`);
        const cols = padW / stride, rows = padH / stride;
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const i = r * cols + c;
            const score = Math.sqrt(clamp01(cls[i] as number) * clamp01(obj[i] as number));
            if (score < scoreThreshold) continue;
            const cx = (c + (bbox[i * 4] as number)) * stride, cy = (r + (bbox[i * 4 + 1] as number)) * stride;
            const bw = Math.exp(bbox[i * 4 + 2] as number) * stride, bh = Math.exp(bbox[i * 4 + 3] as number) * stride;
            const landmarks: Point[] = [];
            for (let k = 0; k < 5; k++) {
              landmarks.push({ x: ((kps[i * 10 + 2 * k] as number) + c) * stride * sx, y: ((kps[i * 10 + 2 * k + 1] as number) + r) * stride * sy });
            }
            candidates.push({ box: { x: (cx - bw / 2) * sx, y: (cy - bh / 2) * sy, width: bw * sx, height: bh * sy }, landmarks, confidence: score });
          }
        }
      }
      candidates.sort((a, b) => b.confidence - a.confidence);
      const kept: DetectedFace[] = [];
      for (const cand of candidates) {
        if (kept.every((k) => iou(k.box, cand.box) <= nmsThreshold)) kept.push(cand);
      }
      kept.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
      return kept;
    },
  };
}
