import type { MessagePort } from 'node:worker_threads';
import { EngineError } from '../EngineError.ts';
import type { FaceWorkerTask } from '../onnx/faceWorker.ts';
import type { AnalyzeOptions, FaceAnalysis } from '../types.ts';
import type { WorkerReply, WorkerTask } from './createWorkerPool.ts';

/** Anything a face worker can analyse with, once loaded. */
export interface WorkerAnalyzer {
  analyze(image: Uint8Array, options: AnalyzeOptions): Promise<FaceAnalysis>;
}

/**
 * The worker side of the pool protocol, shared by every face worker: posts `ready` (with `info`)
 * or `fatal` once `analyzer` has loaded, then answers each task with `result` or a typed `error`
 * (internal messages are not passed on).
 */
export function serveFaceAnalysis<A extends WorkerAnalyzer>(port: MessagePort, analyzer: Promise<A>, info: (a: A) => unknown = () => undefined): void {
  const post = (reply: WorkerReply<FaceAnalysis>): void => port.postMessage(reply);
  analyzer.then(
    (a) => post({ type: 'ready', info: info(a) }),
    (err: unknown) => post({ type: 'fatal', code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL', message: err instanceof Error ? err.message : String(err) }),
  );
  port.on('message', (msg: WorkerTask<FaceWorkerTask>) => {
    analyzer
      .then((a) => a.analyze(msg.task.image, msg.task.options))
      .then(
        (result) => post({ type: 'result', id: msg.id, result }),
        (err: unknown) =>
          post({
            type: 'error',
            id: msg.id,
            code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL',
            message: err instanceof EngineError ? err.message : 'Face analysis failed.',
          }),
      );
  });
}
