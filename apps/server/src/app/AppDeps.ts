import type { KeyWrapper } from '@authloop/crypto';
import type { FaceEngine } from '@authloop/engine';
import type { LivenessAnalyzerPool } from '@authloop/engine/liveness';
import type { Database } from '@authloop/store';
import type { Redis } from 'ioredis';
import type { Config } from '../config/Config.ts';
import type { Clock } from './Clock.ts';

/** Everything `buildApp` needs from outside. Nothing is read from globals. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly masterKey: KeyWrapper;
  readonly clock: Clock;
  /** When set, rate limits (and later challenges) are shared through Redis. */
  readonly redis?: Redis | undefined;
  /** The face engine (one per process: model load is slow). Without it the face endpoints answer FACE_ENGINE_UNAVAILABLE. */
  readonly engine?: FaceEngine | undefined;
  /** The liveness frame analyser (worker pool); started on the first liveness stream when absent. */
  readonly livenessAnalyzer?: LivenessAnalyzerPool | undefined;
  /** Run the periodic jobs (webhook delivery, audit checkpoints, retention) in this process; default: outside tests. */
  readonly backgroundJobs?: boolean | undefined;
  /** Pino logger options, or false to disable logging (tests). */
  readonly logger?: boolean | { level: string } | undefined;
}
