/**
 * Worker-thread entry that runs the npm-packaged face engine (`src/npm`) off the event loop: one
 * engine per worker, tasks answered one at a time. Not part of the public API.
 */
import { parentPort } from 'node:worker_threads';
import { createNpmFaceEngine } from '../npm/index.ts';
import { serveFaceAnalysis } from './serveFaceAnalysis.ts';

const port = parentPort;
if (port === null) throw new Error('npmFaceWorker must run in a worker thread');
serveFaceAnalysis(port, createNpmFaceEngine(), (e) => e.info);
