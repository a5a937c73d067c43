/**
 * Worker-thread entry that runs the npm-packaged face engine (`src/npm`) off the event loop: one
 * engine per worker, tasks answered one at a time. Not part of the public API.
 */
import { parentPort } from 'node:worker_threads';
import { EngineError } from '../EngineError.ts';
import { createNpmFaceEngine } from '../npm/index.ts';
import type { FaceAnalysis, FaceEngine } from '../types.ts';
import type { FaceWorkerTask } from '../onnx/faceWorker.ts';
import type { WorkerReply, WorkerTask } from './createWorkerPool.ts';

const port = parentPort;
if (port === null) throw new Error('npmFaceWorker must run in a worker thread');
const post = (reply: WorkerReply<FaceAnalysis>): void => port.postMessage(reply);

const engine: Promise<FaceEngine> = createNpmFaceEngine();
engine.then(
  (e) => post({ type: 'ready', info: e.info }),
  (err: unknown) => post({ type: 'fatal', code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL', message: err instanceof Error ? err.message : String(err) }),
);

port.on('message', (msg: WorkerTask<FaceWorkerTask>) => {
  engine
    .then((e) => e.analyze(msg.task.image, msg.task.options))
    .then(
      (result) => post({ type: 'result', id: msg.id, result }),
      (err: unknown) => post({
        type: 'error', id: msg.id,
        code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL',
        message: err instanceof EngineError ? err.message : 'Face analysis failed.',
      }),
    );
});
