/**
 * Worker-thread entry of the ONNX face engine: builds the analyzer once from the verified model bytes
 * in `workerData`, then answers analyze tasks one at a time. Not part of the public API.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveFaceAnalysis } from '../pool/serveFaceAnalysis.ts';
import { workerPayload } from '../pool/workerBootstrap.ts';
import type { AnalyzeOptions } from '../types.ts';
import { createOnnxFaceAnalyzer, type OnnxAnalyzerOptions } from './createOnnxFaceAnalyzer.ts';
import type { ModelBytes } from '../models/loadModelFiles.ts';

/** What the engine passes to each worker. */
export interface FaceWorkerData {
  readonly models: ModelBytes;
  readonly options: OnnxAnalyzerOptions;
}

/** One analyze request. */
export interface FaceWorkerTask {
  readonly image: Uint8Array;
  readonly options: AnalyzeOptions;
}

const port = parentPort;
if (port === null) throw new Error('faceWorker must run in a worker thread');
const data = workerPayload(workerData) as FaceWorkerData;
serveFaceAnalysis(port, createOnnxFaceAnalyzer(data.models, data.options));
