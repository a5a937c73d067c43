import { openDatabase, migrate } from '@authloop/store';
import { createLocalMasterKey } from '@authloop/crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { buildApp } from './app/buildApp.ts';
import { systemClock } from './app/Clock.ts';
import { ConfigError, loadConfig } from './config/Config.ts';
import { loadMasterKey } from './config/loadMasterKey.ts';

/** Starts the server: configuration, database (migrated), keys, app, listen; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`authloop: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  let masterKey;
  try {
    masterKey = createLocalMasterKey(loadMasterKey(config, (m) => log.warn(m)));
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal(error.message);
      process.exit(78);
    }
    throw error;
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'database migrations applied');
  log.info({ driver: db.driver }, config.databaseUrl ? 'using PostgreSQL' : `using the embedded database in ${config.dataDir}/pglite`);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  const app = await buildApp({ config, db, masterKey, clock: systemClock, redis });
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
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

await main();
