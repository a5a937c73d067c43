import { createFaceEngine } from '@authloop/engine';
import type { FaceEngine } from '@authloop/engine';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { buildApp } from './app/buildApp.ts';
import { ConfigError } from './config/Config.ts';
import { openRuntime } from './runtime/openRuntime.ts';

/** Starts the server: configuration, database (migrated), keys, app, listen; stops cleanly on SIGTERM/SIGINT. */
export async function startServer(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  const log = pino({ level: env['LOG_LEVEL'] ?? 'info' });
  let runtime;
  try {
    runtime = await openRuntime({ env, warn: (m) => log.warn(m) });
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal(error.message);
      process.exit(78);
    }
    throw error;
  }
  const { config, db } = runtime;
  if (runtime.applied.length > 0) log.info({ applied: runtime.applied }, 'database migrations applied');
  log.info({ driver: db.driver }, config.databaseUrl ? 'using PostgreSQL' : `using the embedded database in ${config.dataDir}/pglite`);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  let engine: FaceEngine | undefined;
  try {
    engine = await createFaceEngine({ ...(config.modelsDir === undefined ? {} : { modelsDir: config.modelsDir }), logger: log });
  } catch (error) {
    log.error({ err: error }, 'the face engine could not start; face endpoints answer FACE_ENGINE_UNAVAILABLE');
  }
  const app = await buildApp({ config, db, masterKey: runtime.masterKey, clock: runtime.clock, redis, engine });
  await app.server.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.server.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.server.close();
      await redis?.quit();
      await engine?.close();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await startServer();
