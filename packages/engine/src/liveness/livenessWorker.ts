/**
 * Worker-thread entry of the liveness frame analyser: one analyser per worker (Human + optional
 * MiniFASNet), frames answered one at a time. Not part of the public API.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { EngineError } from '../EngineError.ts';
import type { WorkerReply, WorkerTask } from '../pool/createWorkerPool.ts';
import { workerPayload } from '../pool/workerBootstrap.ts';
import { createFrameAnalyzer } from './createFrameAnalyzer.ts';
import type { AnalyzeFrameOptions, FrameAnalyzer } from './createFrameAnalyzer.ts';
import type { FrameObservation } from './FrameObservation.ts';

/** One frame to analyse. */
export interface LivenessWorkerTask {
  readonly jpeg: Uint8Array;
  readonly tMs: number;
  readonly options: AnalyzeFrameOptions;
}

const dataSchema = z.object({ modelsDir: z.string().optional(), maxSide: z.number().int().positive().optional(), iris: z.boolean().optional() });

const port = parentPort;
if (port === null) throw new Error('livenessWorker must run in a worker thread');
const post = (reply: WorkerReply<FrameObservation>): void => port.postMessage(reply);
const data = dataSchema.parse(workerPayload(workerData));

const analyzer: Promise<FrameAnalyzer> = createFrameAnalyzer({ modelsDir: data.modelsDir, ...(data.maxSide === undefined ? {} : { maxSide: data.maxSide }), ...(data.iris === undefined ? {} : { iris: data.iris }) });
analyzer.then(
  (a) => post({ type: 'ready', info: { padAvailable: a.padAvailable, padModels: a.padModels, templateModel: a.templateModel } }),
  (err: unknown) => post({ type: 'fatal', code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL', message: err instanceof Error ? err.message : String(err) }),
);

port.on('message', (msg: WorkerTask<LivenessWorkerTask>) => {
  analyzer
    .then((a) => a.analyzeJpeg(msg.task.jpeg, msg.task.tMs, msg.task.options))
    .then(
      (result) => post({ type: 'result', id: msg.id, result }),
      (err: unknown) => post({
        type: 'error', id: msg.id,
        code: err instanceof EngineError ? err.code : 'ENGINE_INTERNAL',
        message: err instanceof EngineError ? err.message : 'Frame analysis failed.',
      }),
    );
});
