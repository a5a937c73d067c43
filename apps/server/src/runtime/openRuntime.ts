import { createLocalMasterKey } from '@authloop/crypto';
import type { KeyWrapper } from '@authloop/crypto';
import { migrate, openDatabase } from '@authloop/store';
import type { Database } from '@authloop/store';
import { systemClock } from '../app/Clock.ts';
import { loadConfig } from '../config/Config.ts';
import type { Config } from '../config/Config.ts';
import { loadMasterKey } from '../config/loadMasterKey.ts';

/** The process-level resources shared by the server and the CLI. */
export interface Runtime {
  readonly config: Config;
  readonly db: Database;
  readonly masterKey: KeyWrapper;
  readonly clock: typeof systemClock;
  /** Migrations applied by this open. */
  readonly applied: readonly string[];
  close(): Promise<void>;
}

/**
 * Loads the configuration, the master key and the database (embedded in the data directory unless
 * DATABASE_URL is set), and applies pending migrations.
 */
export async function openRuntime({ env = process.env, warn = (m: string) => process.stderr.write(`${m}\n`) }: { env?: Readonly<Record<string, string | undefined>>; warn?: (message: string) => void } = {}): Promise<Runtime> {
  const config = loadConfig(env);
  const masterKey = createLocalMasterKey(loadMasterKey(config, warn));
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
  const applied = await migrate(db);
  return { config, db, masterKey, clock: systemClock, applied, close: () => db.close() };
}
