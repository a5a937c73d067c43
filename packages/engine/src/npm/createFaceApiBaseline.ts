import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { decodeImage } from '../image/decodeImage.ts';
import { createSerialQueue } from './createSerialQueue.ts';
import { loadFaceApiModule, tfjs } from './loadTfjsRuntime.ts';
import { resolveNpmModelPaths } from './resolveNpmModelPaths.ts';

/** face-api.js "standard pipeline": SSD MobileNet v1 + 68 landmarks + 128-d descriptor, default options. */
export interface FaceApiBaseline {
  /** `face-api@<version>`. */
  readonly name: string;
  /** Descriptor of the highest-scoring face, or null when the detector finds none at its default confidence (0.5). */
  describe(image: Uint8Array): Promise<Float32Array | null>;
  /** Euclidean distance between two descriptors (smaller = more alike). */
  distance(a: Float32Array, b: Float32Array): number;
  /** face-api's conventional match threshold: a distance below 0.6 is the same person. */
  readonly threshold: number;
  close(): Promise<void>;
}

/**
 * Loads face-api.js on the tfjs wasm backend (models and wasm binaries from `node_modules`, no
 * network) and returns its standard pipeline, for benchmarks that compare against it. Calls are
 * serialised. Image bytes are decoded with the engine's `decodeImage` (so bad input throws the
 * same `EngineError`s).
 */
export async function createFaceApiBaseline(): Promise<FaceApiBaseline> {
  const paths = resolveNpmModelPaths();
  const tf = tfjs();
  const faceapi = loadFaceApiModule(paths);
  if (!tf.findBackend('wasm')) setWasmPaths(paths.wasmDir);
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(paths.faceApiModelsDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(paths.faceApiModelsDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(paths.faceApiModelsDir);
  const options = new faceapi.SsdMobilenetv1Options();
  const queue = createSerialQueue();

  return {
    name: `face-api@${paths.faceApiVersion}`,
    async describe(bytes) {
      const image = await decodeImage(bytes);
      return queue.run(async () => {
        const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
        try {
          const result = await faceapi.detectSingleFace(input, options).withFaceLandmarks().withFaceDescriptor();
          return result ? result.descriptor : null;
        } finally {
          tf.dispose(input);
        }
      });
    },
    distance(a, b) {
      return faceapi.euclideanDistance(a, b);
    },
    threshold: 0.6,
    async close() {
      await queue.drain();
    },
  };
}
