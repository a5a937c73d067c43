/** Test fixture for createWorkerPool: echoes `{ value }` after `delayMs`, exits the thread on `crash`. */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './createWorkerPool.ts';

const port = parentPort;
if (port === null) throw new Error('fixture must run in a worker');
port.postMessage({ type: 'ready', info: { pid: process.pid } } satisfies WorkerReply<number>);
port.on('message', (msg: WorkerTask<{ value: number; delayMs?: number; crash?: boolean }>) => {
  if (msg.task.crash === true) process.exit(3);
  setTimeout(() => port.postMessage({ type: 'result', id: msg.id, result: msg.task.value * 2 } satisfies WorkerReply<number>), msg.task.delayMs ?? 0);
});
