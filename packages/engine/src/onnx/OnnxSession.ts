import ort from 'onnxruntime-node';

/** An onnxruntime session created with one intra-op and one inter-op thread (parallelism comes from the worker pool). */
export type OnnxSession = ort.InferenceSession;

/** Creates a single-threaded CPU session from model bytes. */
export async function createOnnxSession(model: Uint8Array): Promise<OnnxSession> {
  return ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
}

/** Wraps a float32 NCHW buffer in an onnxruntime tensor. */
export function floatTensor(data: Float32Array, dims: readonly number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}

/** Reads a float32 output by name or throws naming it. */
export function outputData(outputs: ort.InferenceSession.OnnxValueMapType, name: string): Float32Array {
  const value = outputs[name];
  if (value === undefined || !(value.data instanceof Float32Array)) throw new Error(`model output "${name}" is missing or not float32`);
  return value.data;
}
