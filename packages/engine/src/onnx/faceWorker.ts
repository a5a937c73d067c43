/**
 * Worker-thread entry of the ONNX face engine: builds the analyzer once from the verified model bytes
 * in `workerData`, then answers analyze tasks one at a time. Not part of the public API.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EngineError } from '../EngineError.ts';
import type { WorkerReply, WorkerTask } from '../pool/createWorkerPool.ts';
import { workerPayload } from '../pool/workerBootstrap.ts';
import type { AnalyzeOptions, FaceAnalysis } from '../types.ts';
import { createOnnxFaceAnalyzer, type OnnxAnalyzerOptions, type OnnxFaceAnalyzer } from './createOnnxFaceAnalyzer.ts';
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
const post = (reply: WorkerReply<FaceAnalysis>): void => port.postMessage(reply);

const analyzer: Promise<OnnxFaceAnalyzer> = createOnnxFaceAnalyzer(data.models, data.options);
analyzer.then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'fatal', code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL', message: err instanceof Error ? err.message : String(err) }),
);

port.on('message', (msg: WorkerTask<FaceWorkerTask>) => {
  analyzer
    .then((a) => a.analyze(msg.task.image, msg.task.options))
    .then(
      (result) => post({ type: 'result', id: msg.id, result }),
      (err: unknown) => post({
        type: 'error', id: msg.id,
        code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL',
        message: err instanceof EngineError ? err.message : 'Face analysis failed.',
      }),
    );
});
