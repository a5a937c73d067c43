import { Worker } from 'node:worker_threads';
import { EngineError, isEngineErrorCode } from '../EngineError.ts';
import { bootstrapData, WORKER_BOOTSTRAP } from './workerBootstrap.ts';

/** Message a pool worker posts back: readiness, a result or a typed error. */
export type WorkerReply<R> =
  | { readonly type: 'ready'; readonly info?: unknown }
  | { readonly type: 'fatal'; readonly code: string; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly result: R }
  | { readonly type: 'error'; readonly id: number; readonly code: string; readonly message: string };

/** Message the pool posts to a worker. */
export interface WorkerTask<T> {
  readonly id: number;
  readonly task: T;
}

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** The worker entry module (`.ts` entries get the tsx loader). */
  readonly entry: URL;
  /** Passed to every worker as `workerData.data` (read it with `workerPayload()`). */
  readonly workerData: unknown;
  /** Number of workers (≥ 1). */
  readonly size: number;
  /** Tasks that may wait when every worker is busy; one more is refused with ENGINE_BUSY. */
  readonly queueLimit: number;
}

/** A fixed-size pool of worker threads with a bounded queue. */
export interface WorkerPool<T, R> {
  /** Resolves when every worker has loaded, with the `info` the first worker reported; rejects with the first worker's fatal error. */
  readonly ready: Promise<unknown>;
  /** Runs a task on the next free worker. Rejects at once with ENGINE_BUSY when the queue is full. */
  run(task: T, transfer?: readonly ArrayBuffer[]): Promise<R>;
  /** Tasks queued (not yet running) and tasks running. */
  stats(): { readonly queued: number; readonly running: number; readonly size: number };
  close(): Promise<void>;
}

interface Pending<T, R> {
  readonly id: number;
  readonly task: T;
  readonly transfer: readonly ArrayBuffer[];
  resolve(r: R): void;
  reject(e: unknown): void;
}

interface Slot<T, R> {
  worker: Worker;
  busy: Pending<T, R> | null;
}

function toError(code: string, message: string): EngineError {
  return new EngineError(isEngineErrorCode(code) ? code : 'ENGINE_INTERNAL', message);
}

/**
 * Starts `size` worker threads running `entry`. Each worker posts `{ type: 'ready' }` once its models
 * are loaded and then answers tasks one at a time. A worker that dies fails its current task with
 * ENGINE_INTERNAL and is replaced.
 */
export function createWorkerPool<T, R>({ entry, workerData, size, queueLimit }: WorkerPoolOptions): WorkerPool<T, R> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('pool size must be a positive integer');
  const bootData = bootstrapData(entry, workerData);
  const queue: Pending<T, R>[] = [];
  const slots: Slot<T, R>[] = [];
  let nextId = 1;
  let closed = false;
  let readyResolve: (info: unknown) => void = () => undefined;
  let readyReject: (e: unknown) => void = () => undefined;
  const ready = new Promise<unknown>((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
  let firstInfo: unknown;
  ready.catch(() => undefined);
  let readyCount = 0;

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy !== null) continue;
      const job = queue.shift();
      if (job === undefined) return;
      slot.busy = job;
      slot.worker.postMessage({ id: job.id, task: job.task } satisfies WorkerTask<T>, [...job.transfer]);
    }
  };

  const spawn = (slot?: Slot<T, R>): Slot<T, R> => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: bootData });
    const s: Slot<T, R> = slot ?? { worker, busy: null };
    s.worker = worker;
    s.busy = null;
    let isReady = false;
    worker.on('message', (msg: WorkerReply<R>) => {
      switch (msg.type) {
        case 'ready':
          isReady = true;
          if (readyCount === 0) firstInfo = msg.info;
          if (++readyCount === size) readyResolve(firstInfo);
          dispatch();
          return;
        case 'fatal':
          readyReject(toError(msg.code, msg.message));
          return;
        case 'result':
        case 'error': {
          const job = s.busy;
          s.busy = null;
          if (job !== undefined && job !== null && job.id === msg.id) {
            if (msg.type === 'result') job.resolve(msg.result);
            else job.reject(toError(msg.code, msg.message));
          }
          dispatch();
          return;
        }
      }
    });
    worker.on('error', (err) => {
      if (!isReady) readyReject(new EngineError('ENGINE_INTERNAL', `A face worker failed to start: ${err.message}`, { cause: err }));
      s.busy?.reject(new EngineError('ENGINE_INTERNAL', `A face worker crashed: ${err.message}`, { cause: err }));
      s.busy = null;
    });
    worker.on('exit', () => {
      s.busy?.reject(closed ? new EngineError('ENGINE_CLOSED', 'The face engine was closed.') : new EngineError('ENGINE_INTERNAL', 'A face worker exited unexpectedly.'));
      s.busy = null;
      if (!closed && isReady) {
        spawn(s);
      }
    });
    return s;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    ready,
    run(task: T, transfer: readonly ArrayBuffer[] = []): Promise<R> {
      if (closed) return Promise.reject(new EngineError('ENGINE_CLOSED', 'The face engine is closed.'));
      const idle = slots.some((s) => s.busy === null);
      if (!idle && queue.length >= queueLimit) {
        return Promise.reject(new EngineError('ENGINE_BUSY', `The face engine is busy (${queue.length} requests waiting); retry shortly.`));
      }
      return new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, task, transfer, resolve, reject });
        dispatch();
      });
    },
    stats() {
      return { queued: queue.length, running: slots.filter((s) => s.busy !== null).length, size };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(new EngineError('ENGINE_CLOSED', 'The face engine was closed.'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
