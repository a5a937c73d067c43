import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { RgbImage } from '../image/RgbImage.ts';
import type { Box } from '../types.ts';
import { loadFaceApiModule, tfjs } from './loadTfjsRuntime.ts';
import type { NpmModelPaths } from './resolveNpmModelPaths.ts';

/** face-api.js's 128-d recogniser run on a face another detector found. */
export interface FaceApiRecogniser {
  /** Descriptor (128-d, not normalised) of the face in `box`, or null if the crop is empty. */
  describe(image: RgbImage, box: Box): Promise<Float32Array | null>;
}

/**
 * Loads face-api's 68-point landmark net and ResNet-34 recogniser on the tfjs wasm backend (from
 * `node_modules`, no network). `describe` reproduces face-api's own descriptor path on a given
 * box — 68 landmarks on the box crop, face-api's landmark-aligned box (min bbox + 20 %), 150×150
 * descriptor — with the box from the engine's detector instead of SSD (which misses ~10 % of LFW).
 * Calls must not overlap (the engine serialises them).
 */
export async function createFaceApiRecogniser(paths: NpmModelPaths): Promise<FaceApiRecogniser> {
  const tf = tfjs();
  const faceapi = loadFaceApiModule(paths);
  if (!tf.findBackend('wasm')) setWasmPaths(paths.wasmDir);
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.faceLandmark68Net.loadFromDisk(paths.faceApiModelsDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(paths.faceApiModelsDir);

  return {
    async describe(image, box) {
      const x = Math.max(0, box.x);
      const y = Math.max(0, box.y);
      const width = Math.min(image.width - x, box.width);
      const height = Math.min(image.height - y, box.height);
      if (width < 8 || height < 8) return null;
      // face-api's typings declare their own copy of the tfjs classes; create the tensor through its
      // `tf` export (the same tfjs-core instance at run time) so the types line up.
      const input = faceapi.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
      const tensors: { dispose(): void }[] = [input];
      try {
        const [crop] = await faceapi.extractFaceTensors(input, [new faceapi.Rect(x, y, width, height)]);
        if (!crop) return null;
        tensors.push(crop);
        const found = await faceapi.nets.faceLandmark68Net.detectLandmarks(crop);
        const landmarks = Array.isArray(found) ? found[0] : found;
        if (!landmarks) return null;
        const aligned = landmarks.shiftBy(x, y).align();
        const [face] = await faceapi.extractFaceTensors(input, [new faceapi.Rect(aligned.x, aligned.y, aligned.width, aligned.height)]);
        if (!face) return null;
        tensors.push(face);
        const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(face);
        return Array.isArray(descriptor) ? (descriptor[0] ?? null) : descriptor;
      } finally {
        for (const t of tensors) t.dispose();
      }
    },
  };
}
